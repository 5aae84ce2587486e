package teach

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// namer turns the ids of a log into the words a Bitrix24 user reads.
type namer struct {
	sc   *engine.Scenario
	sim  *engine.Sim
	lang string
}

// item is «Title» (DEAL_1), or the bare target when it has no title.
func (n namer) item(target string) string {
	title := ""
	if n.sim != nil {
		if st, ok := n.sim.Item(target); ok {
			title, _ = st.Fields["TITLE"].(string)
		}
	}
	if title == "" {
		for _, it := range n.sc.Items {
			if engine.Target(it.Entity, it.ID) == target {
				title, _ = it.Fields["TITLE"].(string)
			}
		}
	}
	if title == "" {
		for _, c := range n.sc.Clients {
			if engine.Target(c.Type, c.ID) == target {
				title = c.Name
			}
		}
	}
	if title == "" {
		return target
	}
	if n.lang == "en" {
		return "\u201c" + title + "\u201d (" + target + ")"
	}
	return "«" + title + "» (" + target + ")"
}

// stage is a stage's name in the item's entity type.
func (n namer) stage(target, id string) string {
	entity, _, _ := engine.ParseTarget(target)
	if st, _, ok := n.sc.FindStage(entity, id); ok && st.Name != "" {
		return st.Name
	}
	return id
}

func (n namer) trigger(id string) string {
	t, ok := n.sc.TriggerByID(id)
	if !ok {
		return id
	}
	if t.Name != "" {
		return t.Name
	}
	return n.code(t.Code)
}

func (n namer) robot(id string) string {
	r, ok := n.sc.RobotByID(id)
	if !ok {
		return id
	}
	if r.Name != "" {
		return r.Name
	}
	return engine.RobotTypeName(r.Type, i18n.Normalize(n.lang))
}

// code is the short name of a trigger code or a user action.
func (n namer) code(code string) string {
	if ti, ok := engine.LookupTrigger(code); ok {
		l := "ru"
		if n.lang == "en" {
			l = "en"
		}
		if s := ti.ShortName[l]; s != "" {
			return s
		}
		return ti.Name[l]
	}
	switch code {
	case engine.CodeCreate, engine.CodeUpdate, engine.CodeMove:
		return i18n.T(n.lang, "teach.code."+code)
	}
	return code
}

func (n namer) user(id int) string { return n.sc.UserName(id, n.lang) }

// when is a short day and time: "пт 16.01 18:30" / "Fri 16 Jan 18:30".
func (n namer) when(t time.Time) string {
	wd := int(t.Weekday())
	if wd == 0 {
		wd = 7
	}
	day := i18n.T(n.lang, fmt.Sprintf("teach.wd.%d", wd))
	if n.lang == "en" {
		return fmt.Sprintf("%s %d %s %s", day, t.Day(), t.Month().String()[:3], t.Format("15:04"))
	}
	return fmt.Sprintf("%s %s %s", day, t.Format("02.01"), t.Format("15:04"))
}

// fields lists field names and values: "Ответственный = 3, Приоритет = высокий".
func (n namer) fields(target string, m map[string]any) string {
	entity, _, _ := engine.ParseTarget(target)
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, n.fieldName(entity, k)+" = "+n.value(entity, k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func (n namer) fieldName(entity, id string) string {
	for _, e := range n.sc.Entities {
		if e.Type != entity {
			continue
		}
		for _, f := range e.Fields {
			if f.ID == id && f.Name != "" {
				return f.Name
			}
		}
	}
	if s := engine.FieldName(id, n.lang); s != "" {
		return s
	}
	return id
}

func (n namer) value(entity, field string, v any) string {
	if field == "ASSIGNED_BY_ID" || field == "MODIFY_BY_ID" {
		if f, ok := v.(float64); ok {
			return n.user(int(f))
		}
	}
	if s, ok := v.(string); ok {
		return s
	}
	return engine.FormatValue(engine.InferFieldType(v), v)
}

// event describes a script event in words: what happens and to whom.
func (n namer) event(ev engine.Event) string {
	what := n.code(ev.Code)
	switch ev.Code {
	case engine.CodeCreate:
		stage, _ := ev.Data["stage"].(string)
		fields, _ := ev.Data["fields"].(map[string]any)
		title, _ := fields["TITLE"].(string)
		return i18n.F(n.lang, "teach.event.create", "entity", engine.EntityName(ev.Target, n.lang), "title", title, "stage", n.stage(ev.Target+"_0", stage))
	case engine.CodeMove:
		stage, _ := ev.Data["stage"].(string)
		return i18n.F(n.lang, "teach.event.move", "item", n.item(ev.Target), "stage", n.stage(ev.Target, stage), "by", n.byText(ev.By))
	case engine.CodeUpdate:
		fields, _ := ev.Data["fields"].(map[string]any)
		return i18n.F(n.lang, "teach.event.update", "item", n.item(ev.Target), "fields", n.fields(ev.Target, fields), "by", n.byText(ev.By))
	}
	s := i18n.F(n.lang, "teach.event.trigger", "event", what, "item", n.item(ev.Target))
	if len(ev.Data) > 0 {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(ev.Data)) {
			parts = append(parts, k+" = "+fmt.Sprint(ev.Data[k]))
		}
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

func (n namer) byText(by int) string {
	if by == 0 {
		if len(n.sc.Users) == 0 {
			return ""
		}
		by = n.sc.Users[0].ID
	}
	return n.user(by)
}
