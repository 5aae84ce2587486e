package design

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// StageTriggers returns the triggers placed on a stage, in file order
// (their order on the stage).
func StageTriggers(sc *engine.Scenario, typ, stage string) []engine.Trigger {
	var out []engine.Trigger
	for _, t := range sc.Triggers {
		if OnStage(sc, t.Entity, t.Stage, typ, stage) {
			out = append(out, t)
		}
	}
	return out
}

// Available lists the catalogue entries an entity type supports, in
// registry order: what the «Добавить триггер» catalogue offers.
func Available(typ string) []engine.TriggerInfo {
	var out []engine.TriggerInfo
	for _, ti := range engine.Catalog() {
		if ti.Supports(typ) {
			out = append(out, ti)
		}
	}
	return out
}

// AddTriggers places one trigger per code on a stage, in the given order,
// and returns their ids. Every code must be one the entity type supports.
// A new WEBHOOK trigger gets a generated code, as Bitrix24 does, so that
// only calls with that code move the item.
func AddTriggers(sc *engine.Scenario, typ, stage string, codes []string) ([]string, error) {
	if Entity(sc, typ) == nil {
		return nil, fail("entity.unknown", typ)
	}
	ref, ok := FindStage(sc, typ, stage)
	if !ok {
		return nil, fail("stage.unknown", stage, typ)
	}
	if len(codes) == 0 {
		return nil, fail("trigger.none")
	}
	for _, c := range codes {
		ti, ok := engine.LookupTrigger(c)
		if !ok {
			return nil, fail("trigger.code", c)
		}
		if !ti.Supports(typ) {
			return nil, fail("trigger.unsupported", c, typ, ti.SupportedTypes())
		}
	}
	ids := make([]string, 0, len(codes))
	for _, c := range codes {
		t := engine.Trigger{ID: NextTriggerID(sc), Entity: typ, Stage: ref.Stage.ID, Code: c}
		if c == "WEBHOOK" {
			t.Settings = map[string]any{"code": WebhookCode(sc, typ+"/"+ref.Stage.ID+"/"+t.ID)}
		}
		sc.Triggers = append(sc.Triggers, t)
		ids = append(ids, t.ID)
	}
	return ids, nil
}

// WebhookCode derives a five-letter lowercase code (like Bitrix24's
// "nwly5" style) from seed, avoiding codes other webhook triggers of the
// scenario already use. The same scenario and seed give the same code.
func WebhookCode(sc *engine.Scenario, seed string) string {
	used := map[string]bool{}
	for _, t := range sc.Triggers {
		if c, _ := t.Settings["code"].(string); t.Code == "WEBHOOK" && c != "" {
			used[c] = true
		}
	}
	for salt := 0; ; salt++ {
		h := fnv.New32a()
		h.Write([]byte(sc.Title + "\x00" + seed + "\x00" + strconv.Itoa(salt)))
		n := h.Sum32()
		var b [5]byte
		for i := range b {
			b[i] = byte('a' + n%26)
			n /= 26
		}
		if c := string(b[:]); !used[c] {
			return c
		}
	}
}

// WebhookURL is the address Bitrix24 shows in a webhook trigger's
// settings (section 5.1): the portal, the user's inbound-webhook password,
// the item placeholder and the trigger's code.
func WebhookURL(portal, password, typ, code string) string {
	u := "https://" + portal + "/rest/1/" + password + "/crm.automation.trigger/?target=" + typ + "_{ID}"
	if code != "" {
		u += "&code=" + code
	}
	return u
}

// UpdateTrigger replaces a trigger's settings with t (matched by t.ID).
// Its entity type and code stay those it was created with; a move to
// another stage is allowed within the entity type.
func UpdateTrigger(sc *engine.Scenario, t engine.Trigger) error {
	cur, ok := sc.TriggerByID(t.ID)
	if !ok {
		return fail("trigger.unknown", t.ID)
	}
	t.Entity, t.Code = cur.Entity, cur.Code
	ref, ok := FindStage(sc, t.Entity, t.Stage)
	if !ok {
		return fail("stage.unknown", t.Stage, t.Entity)
	}
	t.Stage = ref.Stage.ID
	if t.Code == "FIELD_CHANGED" {
		for _, f := range stringsOf(t.Settings["fields"]) {
			if !engine.FieldWatchable(f, t.Entity) {
				return fail("trigger.fieldWatch", f)
			}
		}
	}
	t.Name = strings.TrimSpace(t.Name)
	if !t.ExecuteBySet && t.ExecuteBy != engine.ExecuteByResponsible {
		t.ExecuteBySet = true
	}
	*cur = t
	return nil
}

func stringsOf(v any) []string {
	switch v := v.(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// DeleteTrigger removes a trigger. An expectation that names it must be
// changed first.
func DeleteTrigger(sc *engine.Scenario, id string) error {
	for i, t := range sc.Triggers {
		if t.ID != id {
			continue
		}
		for j, ex := range sc.Expect {
			if ex.Fired == id || ex.NotFired == id {
				return fail("trigger.expect", triggerLabel(t), strconv.Itoa(j+1))
			}
		}
		sc.Triggers = append(sc.Triggers[:i], sc.Triggers[i+1:]...)
		return nil
	}
	return fail("trigger.unknown", id)
}

// CopyTrigger copies a trigger, with all its settings, to a stage of the
// same entity type (any pipeline), and returns the copy's id.
func CopyTrigger(sc *engine.Scenario, id, toStage string) (string, error) {
	t, ok := sc.TriggerByID(id)
	if !ok {
		return "", fail("trigger.unknown", id)
	}
	ref, ok := FindStage(sc, t.Entity, toStage)
	if !ok {
		return "", fail("stage.unknown", toStage, t.Entity)
	}
	c := *t
	c.ID = NextTriggerID(sc)
	c.Stage = ref.Stage.ID
	c.Settings = cloneMap(t.Settings)
	c.Condition = append(engine.Condition(nil), t.Condition...)
	sc.Triggers = append(sc.Triggers, c)
	return c.ID, nil
}

// cloneMap copies a JSON-like map deeply enough that edits of the copy's
// lists and nested maps do not reach the original.
func cloneMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = cloneValue(v)
	}
	return out
}

func cloneValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return cloneMap(v)
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = cloneValue(x)
		}
		return c
	case []string:
		return append([]string(nil), v...)
	case engine.Condition:
		return append(engine.Condition(nil), v...)
	}
	return v
}
