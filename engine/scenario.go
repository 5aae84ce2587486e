package engine

import (
	"fmt"
	"time"
)

// Format and Version identify a scenario file; see docs/scenario-format.md.
const (
	Format        = "triggersim/scenario"
	Version       = 1
	ResultFormat  = "triggersim/result"
	ResultVersion = 1
)

// BlankScenario is the smallest scenario file: titled title, in locale
// ("en", or else "ru"), with deals and their default pipeline. The app's
// new scenario and the Bitrix24 import start from it.
func BlankScenario(title, locale string) []byte {
	if locale != "en" {
		locale = "ru"
	}
	return []byte(fmt.Sprintf(`{"format": %q, "version": %d, "title": %q, "locale": %q, "entities": [{"type": "DEAL"}]}`,
		Format, Version, title, locale))
}

// Scenario is one scenario file after reading: defaults are filled in
// (default pipelines, users, work time, limits), so the engine never has to
// guess. Writing it back with WriteScenario and reading it again gives an
// equal Scenario.
type Scenario struct {
	Title       string
	Description string
	Locale      string // "ru" or "en"
	Start       time.Time
	// StartRaw keeps the start exactly as written, "" when it was defaulted.
	StartRaw string
	WorkTime WorkTime
	// WorkTimeSet is true when the file gave workTime (so it is written back).
	WorkTimeSet bool
	Users       []User
	// UsersSet is true when the file gave users.
	UsersSet bool
	Entities []Entity
	Triggers []Trigger
	Robots   []Robot
	Items    []Item
	Clients  []Client
	Events   []Event
	Until    *Time
	Limits   Limits
	// LimitsSet is true when the file gave limits.
	LimitsSet bool
	Expect    []Expectation
	// WhatIf is the optional traffic model of the what-if lab ("whatif";
	// whatif.go, docs/whatif.md); nil when absent. Plain runs ignore it.
	WhatIf *WhatIf
}

// WorkTime is a working-hours calendar: company hours or a user's own.
type WorkTime struct {
	Timezone string   // IANA name; "" means the offset of the scenario start
	Days     []int    // 1 = Monday … 7 = Sunday
	From, To string   // "HH:MM"
	Holidays []string // "YYYY-MM-DD"
}

// User is an employee: a responsible person or an "execute by" user.
type User struct {
	ID       int
	Name     string
	WorkTime *WorkTime
}

// Limits are the runaway guards of a run.
type Limits struct {
	Steps   int
	Cascade int
}

// Entity is one CRM entity type in play with its pipelines.
type Entity struct {
	Type  string // LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER, DYNAMIC_<n>
	Title string
	// PipelinesDefaulted is true when the file gave no pipelines and the
	// engine filled Bitrix24's default stage list.
	PipelinesDefaulted bool
	Pipelines          []Pipeline
	Fields             []Field
}

// Pipeline is a Bitrix24 pipeline ("воронка", category).
type Pipeline struct {
	ID     int
	Name   string
	Stages []Stage
}

// Semantics of a stage.
const (
	Process = "process"
	Success = "success"
	Failure = "failure"
)

// Stage is one stage (status) of a pipeline; its index in Pipeline.Stages is
// its order (Bitrix24's SORT).
type Stage struct {
	ID        string
	Name      string
	Semantics string
	Color     string
}

// Field types.
const (
	FieldString   = "string"
	FieldNumber   = "number"
	FieldMoney    = "money"
	FieldBool     = "bool"
	FieldDate     = "date"
	FieldDateTime = "datetime"
	FieldUser     = "user"
	FieldList     = "list"
)

// Field declares a user field (UF_…) of an entity type.
type Field struct {
	ID       string
	Name     string
	Type     string
	Multiple bool
}

// Clause is one row of a condition. Value holds a JSON value: nil, bool,
// float64, string or []any.
type Clause struct {
	Field string
	Op    string
	Value any
	// HasValue is false when the clause had no "value" key.
	HasValue bool
	Join     string // "and" (default) or "or"; links this clause to the next
}

// Condition is Bitrix24's flat condition list: split at "or" into blocks,
// each block the AND of its clauses.
type Condition []Clause

// ExecuteByResponsible is the default of Trigger.ExecuteBy.
const ExecuteByResponsible = 0

// Trigger is one configured trigger on a stage.
type Trigger struct {
	ID       string
	Entity   string
	Stage    string
	Code     string
	Name     string
	Settings map[string]any // individual settings, Bitrix24's keys
	// Condition is nil when absent.
	Condition      Condition
	AllowBackwards bool
	// ExecuteBy is a user id, or ExecuteByResponsible (0) for "responsible".
	ExecuteBy int
	// ExecuteBySet is true when the file gave executeBy.
	ExecuteBySet bool
}

// Robot types.
const (
	RobotChangeStage       = "ChangeStage"
	RobotUpdateFields      = "UpdateFields"
	RobotChangeResponsible = "ChangeResponsible"
	RobotChangePipeline    = "ChangePipeline"
	RobotCreateTask        = "CreateTask"
	RobotSendEmail         = "SendEmail"
	RobotSendSms           = "SendSms"
	RobotNotify            = "Notify"
	RobotAddComment        = "AddComment"
)

// Robot is one automation rule on a stage.
type Robot struct {
	ID            string
	Entity        string
	Stage         string
	Type          string
	Name          string
	Params        map[string]any
	Delay         *Delay
	AfterPrevious bool
	Condition     Condition
	// Active is nil when absent (meaning true).
	Active *bool
}

// Delay types.
const (
	DelayAfter  = "after"
	DelayBefore = "before"
	DelayIn     = "in"
)

// Delay is a robot's time setting ("Через", "За … до", "Точное время").
type Delay struct {
	Type        string // after, before, in
	Value       int
	Unit        string // m, h, d
	Basis       string // a date field; "" = the moment the item entered the stage
	Time        string // "HH:MM" or ""
	WorkTime    bool
	WaitWorkDay bool
}

// Item is a CRM item present at the start.
type Item struct {
	ID      int
	Entity  string
	Stage   string
	Fields  map[string]any
	Contact int // 0 = none
	Company int // 0 = none
	Parent  string
}

// Client is a contact or a company that events may be bound to.
type Client struct {
	Type string // CONTACT or COMPANY
	ID   int
	Name string
}

// User actions that are not trigger codes.
const (
	CodeCreate = "CREATE"
	CodeUpdate = "UPDATE"
	CodeMove   = "MOVE"
)

// Event is one entry of the scenario's script.
type Event struct {
	At     Time
	Code   string
	Target string
	Data   map[string]any
	By     int // 0 = not given
}

// Expectation is one assertion checked after the run. Exactly one of
// Stage, Fired, NotFired, Ran, NotRan, Field is set.
type Expectation struct {
	Name     string
	Target   string
	At       *Time
	Stage    string
	Fired    string
	NotFired string
	Ran      string
	NotRan   string
	Field    string
	Value    any
}
