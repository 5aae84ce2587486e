package engine

import "time"

// Log entry types.
const (
	LogEvent       = "event"       // an event arrived (script, interactive or cascaded)
	LogDeliver     = "deliver"     // a client event was delivered to an item
	LogUndelivered = "undelivered" // an item of the client that did not receive it, and why
	LogTrigger     = "trigger"     // a trigger fired and moved the item
	LogSkip        = "skip"        // a trigger with the event's code that did not fire, and why
	LogMove        = "move"        // a stage change not made by a trigger (manual, robot, pipeline)
	LogCreate      = "create"      // an item was created
	LogUpdate      = "update"      // fields were written
	LogRobot       = "robot"       // a robot came due: ran, skipped by its condition, or off
	LogScheduled   = "scheduled"   // a robot waits for its delay
	LogCancelled   = "cancelled"   // a robot that had not run was stopped
	LogOutbox      = "outbox"      // an e-mail, SMS, task, notification or comment was recorded
	LogNote        = "note"        // a remark that explains a non-obvious consequence
	LogError       = "error"       // something could not be done
	LogLoop        = "loop"        // a runaway guard stopped a cascade or the run
)

// Robot statuses in LogRobot entries.
const (
	RobotRan       = "ran"
	RobotCondition = "condition"
	RobotInactive  = "inactive"
	RobotFailed    = "error"
)

// LogEntry is one line of the explanation log. The JSON shape is the
// result format's; Why keeps the reason as data so that the app can show it
// in either language, while Reason holds it in the run's language.
type LogEntry struct {
	Seq      int            `json:"seq"`
	At       string         `json:"at"`
	Event    int            `json:"event"`
	Type     string         `json:"type"`
	Target   string         `json:"target,omitempty"`
	Code     string         `json:"code,omitempty"`
	From     string         `json:"from,omitempty"`
	To       string         `json:"to,omitempty"`
	Pipeline *int           `json:"pipeline,omitempty"`
	Trigger  string         `json:"trigger,omitempty"`
	Robot    string         `json:"robot,omitempty"`
	Status   string         `json:"status,omitempty"`
	By       *int           `json:"by,omitempty"`
	Due      string         `json:"due,omitempty"`
	Fields   map[string]any `json:"fields,omitempty"`
	Data     map[string]any `json:"data,omitempty"`
	Text     string         `json:"text,omitempty"`
	Reason   string         `json:"reason,omitempty"`
	Cycle    []string       `json:"cycle,omitempty"`

	Time    time.Time `json:"-"`
	Why     Reason    `json:"-"`
	dueTime time.Time
}

func intp(n int) *int { return &n }
