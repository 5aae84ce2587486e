package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/triggersim/triggersim/engine"
)

// EventData turns the event dialog's inputs (by data key) into an event's
// data: integer keys become numbers, object keys are JSON, empty inputs
// are left out.
func EventData(code string, values map[string]string) (map[string]any, error) {
	ti, ok := engine.LookupTrigger(code)
	if !ok {
		return nil, nil
	}
	var out map[string]any
	for _, sp := range ti.Data {
		raw := strings.TrimSpace(values[sp.Key])
		if raw == "" {
			continue
		}
		var v any
		switch sp.Kind {
		case engine.SettingInt:
			n, err := strconv.Atoi(raw)
			if err != nil {
				return nil, inputError(sp.Key, "input.int", engine.Quote(raw))
			}
			v = float64(n)
		case engine.SettingObject, engine.SettingCondition, engine.SettingStrings:
			if err := json.Unmarshal([]byte(raw), &v); err != nil {
				at := len([]rune(raw)) // the text ends too early
				var se *json.SyntaxError
				if errors.As(err, &se) && se.Offset > 0 && int(se.Offset) <= len(raw) {
					at = len([]rune(raw[:se.Offset]))
				}
				return nil, inputError(sp.Key, "input.json", strconv.Itoa(at))
			}
		default:
			v = raw
		}
		if out == nil {
			out = map[string]any{}
		}
		out[sp.Key] = v
	}
	return out, nil
}

// Field is one input of the item dialog.
type Field struct {
	ID   string
	Name string
	Type string
}

// Fields lists the fields the item dialog edits for an entity type: the
// standard ones a person types in, then the type's declared fields.
func (c *Controller) Fields(entity, lang string) []Field {
	var out []Field
	for _, id := range []string{"TITLE", "OPPORTUNITY", "CURRENCY_ID", "ASSIGNED_BY_ID", "SOURCE_ID", "COMMENTS"} {
		out = append(out, Field{ID: id, Name: engine.FieldName(id, lang), Type: engine.StandardFieldType(id)})
	}
	for _, e := range c.sc.Entities {
		if e.Type != entity {
			continue
		}
		for _, f := range e.Fields {
			name := f.Name
			if name == "" {
				name = f.ID
			}
			out = append(out, Field{ID: f.ID, Name: name, Type: f.Type})
		}
	}
	return out
}

// Links are the bindings the new-item dialog offers for an entity type, as
// Bitrix24's item form has them: every pipeline type binds a contact and a
// company; only quotes, invoices and smart-process items have a parent
// element (a deal has none, and neither has a lead or an order).
type Links struct {
	Contact, Company, Parent bool
}

// LinksOf returns the bindings of an entity type.
func LinksOf(entity string) Links {
	l := Links{Contact: true, Company: true}
	switch {
	case entity == "QUOTE", entity == "SMART_INVOICE", engine.IsDynamic(entity):
		l.Parent = true
	}
	return l
}

// FieldValue reads an input's text as a value of the field type: numbers,
// money and users as numbers, booleans from Y/N, the rest as text. Empty
// text is nil (the field is cleared or not set).
func FieldValue(fieldType, raw string) (any, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, nil
	}
	switch fieldType {
	case engine.FieldNumber, engine.FieldMoney, engine.FieldUser:
		s := strings.ReplaceAll(strings.ReplaceAll(raw, " ", ""), "\u00a0", "")
		s = strings.ReplaceAll(s, ",", ".")
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, inputError("", "input.number", engine.Quote(raw))
		}
		return f, nil
	case engine.FieldBool:
		switch strings.ToUpper(raw) {
		case "Y", "YES", "TRUE", "1", "ДА":
			return true, nil
		}
		return false, nil
	}
	return raw, nil
}

// InputText is a field value as an input shows it (the inverse of
// FieldValue).
func InputText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "Y"
		}
		return "N"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// CreateEvent is the CREATE event of a new item.
func CreateEvent(entity, stage string, fields map[string]any, contact, company int, parent string, by int) engine.Event {
	data := map[string]any{"stage": stage}
	if len(fields) > 0 {
		data["fields"] = fields
	}
	if contact > 0 {
		data["contact"] = float64(contact)
	}
	if company > 0 {
		data["company"] = float64(company)
	}
	if parent != "" {
		data["parent"] = parent
	}
	return engine.Event{Code: engine.CodeCreate, Target: entity, Data: data, By: by}
}

// MoveEvent is the MOVE event of a card dragged to another stage.
func MoveEvent(target, stage string, by int) engine.Event {
	return engine.Event{Code: engine.CodeMove, Target: target, Data: map[string]any{"stage": stage}, By: by}
}

// UpdateEvent is the UPDATE event of edited fields.
func UpdateEvent(target string, fields map[string]any, by int) engine.Event {
	return engine.Event{Code: engine.CodeUpdate, Target: target, Data: map[string]any{"fields": fields}, By: by}
}

// ScriptEvent builds an event of the script from the timeline's editor:
// at is a scenario time ("+1d2h" or RFC 3339).
func ScriptEvent(at, code, target string, data map[string]any, by int) (engine.Event, error) {
	t, err := engine.ParseTime(strings.TrimSpace(at))
	if err != nil {
		return engine.Event{}, err
	}
	return engine.Event{At: t, Code: code, Target: strings.TrimSpace(target), Data: data, By: by}, nil
}

// ItemTargets lists the items of the simulation as event targets.
func (c *Controller) ItemTargets() []Target {
	items := c.sim.Items()
	out := make([]Target, 0, len(items))
	for _, it := range items {
		out = append(out, Target{ID: it.Target, Label: it.Target + " — " + ItemTitle(it)})
	}
	return out
}

// InsertEvent puts ev into a script after the last event due at or before
// it, so the timeline reads in time order.
func InsertEvent(events []engine.Event, ev engine.Event, start time.Time) []engine.Event {
	at := ev.At.Resolve(start)
	i := len(events)
	for i > 0 && events[i-1].At.Resolve(start).After(at) {
		i--
	}
	events = append(events, engine.Event{})
	copy(events[i+1:], events[i:])
	events[i] = ev
	return events
}

// DeleteEvent removes the script event at index, as the board's script
// editor does. An index the script no longer has (another tab removed it)
// is a coded error, so the board says so in the interface language.
func DeleteEvent(events []engine.Event, index int) ([]engine.Event, error) {
	if index < 0 || index >= len(events) {
		return events, inputError("", "input.noEvent", strconv.Itoa(index+1))
	}
	return append(events[:index], events[index+1:]...), nil
}

// MaxExtraItems bounds WithItems.
const MaxExtraItems = 20000

// WithItems adds n copies of a scenario's first item, spread over the
// process stages of its pipeline, for load tests and demos of big boards
// (/simulate?example=NAME&items=N). The copies get the next free ids.
func WithItems(data []byte, n int) ([]byte, error) {
	if n <= 0 {
		return data, nil
	}
	sc, err := ScenarioWithItems(data, n)
	if err != nil {
		return nil, err
	}
	return engine.WriteScenario(sc)
}

// ScenarioWithItems is WithItems without writing the file: the scenario
// of data with the n copies added (none for n <= 0). The board hands it
// to the session as it is (session.CreateScenario), which spares writing
// and reading again the JSON of ten thousand deals (1.4 MB) in the wasm.
func ScenarioWithItems(data []byte, n int) (*engine.Scenario, error) {
	sc, err := engine.ReadScenario(data)
	if err != nil || n <= 0 {
		return sc, err
	}
	if n > MaxExtraItems {
		n = MaxExtraItems
	}
	if len(sc.Items) == 0 {
		return nil, inputError("", "input.noItem")
	}
	first := sc.Items[0]
	var stages []string
	for _, e := range sc.Entities {
		if e.Type != first.Entity || len(e.Pipelines) == 0 {
			continue
		}
		for _, st := range e.Pipelines[0].Stages {
			if st.Semantics == engine.Process {
				stages = append(stages, st.ID)
			}
		}
	}
	if len(stages) == 0 {
		stages = []string{first.Stage}
	}
	next := 0
	for _, it := range sc.Items {
		if it.Entity == first.Entity && it.ID > next {
			next = it.ID
		}
	}
	sc.Items = append(make([]engine.Item, 0, len(sc.Items)+n), sc.Items...)
	name := engine.EntityName(first.Entity, sc.Locale) + " #"
	for i := 0; i < n; i++ {
		it := first
		it.ID = next + 1 + i
		it.Stage = stages[i%len(stages)]
		it.Fields = make(map[string]any, len(first.Fields)+1)
		for k, v := range first.Fields {
			it.Fields[k] = v
		}
		it.Fields["TITLE"] = name + strconv.Itoa(it.ID)
		sc.Items = append(sc.Items, it)
	}
	return sc, nil
}
