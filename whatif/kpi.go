package whatif

import "github.com/triggersim/triggersim/engine"

// KPIs are the measured outcome of one what-if run. The JSON shape is a
// stable contract for the app and for scripts (triggersim whatif --json);
// every list has a fixed order, so the same run gives the same bytes.
type KPIs struct {
	Seed  int    `json:"seed"`
	Days  int    `json:"days"`
	Start string `json:"start"`
	End   string `json:"end"`
	// Replay is true when a recorded event history was run instead of the
	// traffic model.
	Replay bool `json:"replay,omitempty"`
	// Items is the number of items in play: present at the start plus
	// arrived during the run.
	Items   int         `json:"items"`
	Arrived int         `json:"arrived"`
	Events  EventTotals `json:"events"`
	// Stages are in the scenario's order: entity types, pipelines, stages.
	Stages []StageKPI `json:"stages"`
	// Conversion has one row per pair of stages of one pipeline where the
	// second comes later; rows with no item are left out.
	Conversion []Conversion  `json:"conversion"`
	Triggers   []TriggerKPI  `json:"triggers"`
	Robots     []RobotKPI    `json:"robots"`
	NeverFired []string      `json:"neverFired"`
	NeverRan   []string      `json:"neverRan"`
	Loops      []LoopKPI     `json:"loops"`
	Errors     []ReasonCount `json:"errors"`
	NoMove     NoMove        `json:"noMove"`
	// EngineSteps counts the engine tasks run besides the fired events:
	// delayed robots.
	EngineSteps int `json:"engineSteps"`
	// Stopped is true when the engine's runaway guard ended the run early.
	Stopped bool `json:"stopped,omitempty"`
}

// EventTotals counts the events of the run (arrivals are not events here:
// they are counted in KPIs.Arrived).
type EventTotals struct {
	// Scheduled events were drawn by the model (or read from the history)
	// within the horizon.
	Scheduled int `json:"scheduled"`
	// Fired events reached the engine.
	Fired int `json:"fired"`
	// Dropped events did not happen because the item had left the stage
	// first (or, for a contact event, had no contact).
	Dropped int       `json:"dropped"`
	ByCode  []CodeKPI `json:"byCode"`
}

// CodeKPI is EventTotals for one event code.
type CodeKPI struct {
	Code         string `json:"code"`
	Scheduled    int    `json:"scheduled"`
	Fired        int    `json:"fired"`
	Dropped      int    `json:"dropped"`
	MovedNothing int    `json:"movedNothing"`
}

// StageKPI is what happened in one stage.
type StageKPI struct {
	Entity    string `json:"entity"`
	Pipeline  int    `json:"pipeline"`
	Stage     string `json:"stage"`
	Name      string `json:"name"`
	Semantics string `json:"semantics"`
	// Entered counts entries (an item may enter a stage more than once);
	// Items counts distinct items that entered (present at the start
	// counts as entering).
	Entered int `json:"entered"`
	Items   int `json:"items"`
	// Left counts entries that ended within the horizon; AtEnd the items
	// still there at the end.
	Left  int `json:"left"`
	AtEnd int `json:"atEnd"`
	// MedianSec and P90Sec are the time in stage of the entries that
	// ended (nearest rank); 0 when none ended.
	MedianSec int64 `json:"medianSec"`
	P90Sec    int64 `json:"p90Sec"`
	// ToSuccess and ToFailure are the shares of Items that later reached a
	// success or a failure stage of the entity.
	ToSuccess float64 `json:"toSuccess"`
	ToFailure float64 `json:"toFailure"`
	// Daily is the number of items in the stage at the start and at the
	// end of each day: Days+1 values.
	Daily []int `json:"daily"`
}

// Conversion is the share of the items that entered From which entered To
// afterwards.
type Conversion struct {
	Entity string  `json:"entity"`
	From   string  `json:"from"`
	To     string  `json:"to"`
	Items  int     `json:"items"`
	Share  float64 `json:"share"`
}

// TriggerKPI counts one trigger.
type TriggerKPI struct {
	ID     string `json:"id"`
	Entity string `json:"entity"`
	Stage  string `json:"stage"`
	Code   string `json:"code"`
	// Fired counts the moves it made; Skipped the times it was considered
	// for an event and did not fire.
	Fired   int `json:"fired"`
	Skipped int `json:"skipped"`
}

// RobotKPI counts one robot.
type RobotKPI struct {
	ID        string `json:"id"`
	Entity    string `json:"entity"`
	Stage     string `json:"stage"`
	Type      string `json:"type"`
	Ran       int    `json:"ran"`
	Condition int    `json:"condition"` // came due, condition false
	Inactive  int    `json:"inactive"`
	Failed    int    `json:"failed"`
	Scheduled int    `json:"scheduled"` // waited for a delay
	Cancelled int    `json:"cancelled"` // stopped before it ran
}

// LoopKPI counts the loops stopped by a guard, by cycle.
type LoopKPI struct {
	Kind  string   `json:"kind"` // loop.cascade, loop.recursion or loop.steps
	Cycle []string `json:"cycle"`
	Count int      `json:"count"`
}

// ReasonCount is one reason with how often it occurred.
type ReasonCount struct {
	Code    string `json:"code"`
	Trigger string `json:"trigger,omitempty"`
	// Text is an example of the reason in the run's language.
	Text  string  `json:"text"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
	// why is the reason Text was written from, kept (out of the JSON) so
	// that a page switched to another language after the run can show
	// the reason in it: TextIn.
	why *engine.Reason
}

// TextIn is the reason in lang: written anew from the run's reason when
// the KPIs come from a run in this process, else Text (KPIs read back
// from JSON have only the run's language).
func (rc ReasonCount) TextIn(lang string) string {
	if rc.why == nil {
		return rc.Text
	}
	return reasonText(*rc.why, lang)
}

// NoMove is about the events that moved no item.
type NoMove struct {
	Events int     `json:"events"`
	Share  float64 `json:"share"` // of the fired events
	// Reasons are the most frequent reasons, most frequent first; an event
	// may count under several reasons (one per trigger that did not fire).
	// Share is relative to NoMove.Events.
	Reasons []ReasonCount `json:"reasons"`
	// MoreReasons is the number of distinct reasons left out of Reasons.
	MoreReasons int `json:"moreReasons,omitempty"`
}

// maxReasons is how many reasons NoMove keeps.
const maxReasons = 10
