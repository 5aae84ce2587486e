package ui

import (
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// Wording shared by the designer's components: how a trigger, a robot and
// a delay read on a chip, and how an edit's error reads next to a field.

// triggerTitle is a trigger's name, or its catalogue name when unnamed.
func triggerTitle(lang string, t engine.Trigger) string {
	if t.Name != "" {
		return t.Name
	}
	return triggerCodeName(lang, t.Code)
}

// triggerCodeName is the short catalogue name of a trigger code.
func triggerCodeName(lang, code string) string {
	if ti, ok := engine.LookupTrigger(code); ok {
		if n := ti.ShortName[i18n.Normalize(lang)]; n != "" {
			return n
		}
	}
	return code
}

// robotTypeName is the robot type as Bitrix24 names it (the engine's
// catalog: the same name in the designer, on the board and in lint).
func robotTypeName(lang, typ string) string {
	return engine.RobotTypeName(typ, i18n.Normalize(lang))
}

// robotTitle is a robot's name, or its type name when unnamed.
func robotTitle(lang string, r engine.Robot) string {
	if r.Name != "" {
		return r.Name
	}
	return robotTypeName(lang, r.Type)
}

// unitWords is "1 день", "2 часа", "10 минут".
func unitWords(lang string, n int, unit string) string {
	k := "designer.unit." + unit
	return strconv.Itoa(n) + " " + i18n.Plural(lang, n, i18n.T(lang, k+".one"), i18n.T(lang, k+".few"), i18n.T(lang, k+".many"))
}

// fieldLabel names a field for the user: a standard field's name, a
// declared field's name, otherwise the id.
func fieldLabel(lang string, sc *engine.Scenario, entity, id string) string {
	if engine.StandardFieldType(id) != "" {
		return engine.FieldName(id, lang)
	}
	if e := design.Entity(sc, entity); e != nil {
		for _, f := range e.Fields {
			if f.ID == id && f.Name != "" {
				return f.Name
			}
		}
	}
	return engine.FieldName(id, lang)
}

// delaySummary is the chip's wording of a delay: «Сразу», «Через 1 день»,
// «За 2 часа до: Дата завершения», «Точное время: Дата начала, 10:00».
func delaySummary(lang string, sc *engine.Scenario, entity string, d *engine.Delay) string {
	if d == nil || (d.Type == engine.DelayAfter && d.Value == 0 && d.Basis == "" && d.Time == "") {
		return i18n.T(lang, "designer.delay.now")
	}
	basis := i18n.T(lang, "designer.delay.basisStage")
	if d.Basis != "" {
		basis = fieldLabel(lang, sc, entity, d.Basis)
	}
	var s string
	switch d.Type {
	case engine.DelayBefore:
		s = i18n.F(lang, "designer.delay.sumBefore", "delay", unitWords(lang, d.Value, d.Unit), "basis", basis)
	case engine.DelayIn:
		s = i18n.F(lang, "designer.delay.sumIn", "basis", basis)
		if d.Time != "" {
			s = i18n.F(lang, "designer.delay.sumAt", "when", s, "time", d.Time)
		}
		return s
	default:
		s = i18n.F(lang, "designer.delay.sumAfter", "delay", unitWords(lang, d.Value, d.Unit))
	}
	if d.Time != "" {
		s = i18n.F(lang, "designer.delay.sumAt", "when", s, "time", d.Time)
	}
	return s
}

// editErrors splits an edit's error into messages by the dialog field they
// belong to ("name", "settings.url", "condition.2", "params.title",
// "delay" …) and general ones (key ""). Engine errors carry JSON paths
// such as "triggers[3].settings.url"; design errors are general.
func editErrors(lang string, err error) map[string][]string {
	if err == nil {
		return nil
	}
	out := map[string][]string{}
	var se *scopeError
	if errors.As(err, &se) {
		out[""] = append(out[""], se.msgs...)
		return out
	}
	var de *design.Error
	if errors.As(err, &de) {
		out[""] = append(out[""], de.Message(lang))
		return out
	}
	var es engine.Errors
	if !errors.As(err, &es) {
		var e1 *engine.Error
		if errors.As(err, &e1) {
			es = engine.Errors{e1}
		}
	}
	if len(es) == 0 {
		out[""] = append(out[""], i18n.F(lang, "designer.engineError", "error", err.Error()))
		return out
	}
	for _, e := range es {
		key := fieldKey(e.Path)
		msg := e.Message(i18n.Normalize(lang)) // the reader's coded errors read in the interface language
		if key == "" {
			msg = i18n.F(lang, "designer.engineError", "error", e.Text(i18n.Normalize(lang)))
		}
		out[key] = append(out[key], msg)
	}
	return out
}

// fieldPathREs are fieldKey's patterns (owner, condition), compiled on
// first use rather than when the wasm starts.
var fieldPathREs = sync.OnceValues(func() (owner, cond *regexp.Regexp) {
	return regexp.MustCompile(`^(triggers|robots)\[\d+\]\.`),
		regexp.MustCompile(`^(condition|settings\.taskCondition|settings\.shipmentCondition)\[(\d+)\]`)
})

// fieldKey maps a JSON path inside a trigger or robot to a dialog field.
func fieldKey(path string) string {
	ownerPathRE, condPathRE := fieldPathREs()
	rest := ownerPathRE.ReplaceAllString(path, "")
	if rest == path {
		return ""
	}
	if m := condPathRE.FindStringSubmatch(rest); m != nil {
		return m[1] + "." + m[2]
	}
	switch {
	case strings.HasPrefix(rest, "delay"):
		return "delay"
	case strings.HasPrefix(rest, "settings."), strings.HasPrefix(rest, "params."):
		parts := strings.SplitN(rest, ".", 3)
		return parts[0] + "." + strings.SplitN(parts[1], "[", 2)[0]
	}
	return strings.SplitN(strings.SplitN(rest, ".", 2)[0], "[", 2)[0]
}

// joinErrors renders the messages of a key, or "".
func joinErrors(errs map[string][]string, key string) string {
	return strings.Join(errs[key], " ")
}

// conditionFields are the fields a condition or a delay can use for an
// entity type: the standard fields, the declared ones, then fields the
// scenario's items carry, each with its label in Name.
func conditionFields(lang string, sc *engine.Scenario, entity string) []engine.Field {
	var out []engine.Field
	seen := map[string]bool{}
	for _, f := range engine.StandardFields() {
		f.Name = engine.FieldName(f.ID, lang)
		out = append(out, f)
		seen[f.ID] = true
	}
	if sc == nil {
		return out
	}
	if e := design.Entity(sc, entity); e != nil {
		for _, f := range e.Fields {
			if seen[f.ID] {
				continue
			}
			if f.Name == "" {
				f.Name = f.ID
			}
			out = append(out, f)
			seen[f.ID] = true
		}
	}
	for _, it := range sc.Items {
		if it.Entity != entity {
			continue
		}
		var extra []string
		for k := range it.Fields {
			if !seen[k] {
				extra = append(extra, k)
			}
		}
		sort.Strings(extra)
		for _, k := range extra {
			out = append(out, engine.Field{ID: k, Name: k, Type: engine.InferFieldType(it.Fields[k])})
			seen[k] = true
		}
	}
	return out
}

// dateFields are the date and date-time fields among fields.
func dateFields(fields []engine.Field) []engine.Field {
	var out []engine.Field
	for _, f := range fields {
		if f.Type == engine.FieldDate || f.Type == engine.FieldDateTime {
			out = append(out, f)
		}
	}
	return out
}

// plainFields offers ids as untyped fields (task, shipment and chat
// fields of the individual trigger conditions).
func plainFields(ids ...string) []engine.Field {
	out := make([]engine.Field, len(ids))
	for i, id := range ids {
		out[i] = engine.Field{ID: id, Name: id}
	}
	return out
}

// conditionErrors picks the row errors of a condition from edit errors.
func conditionErrors(errs map[string][]string, prefix string) map[int]string {
	out := map[int]string{}
	for k, v := range errs {
		if strings.HasPrefix(k, prefix+".") {
			if n, err := strconv.Atoi(strings.TrimPrefix(k, prefix+".")); err == nil {
				out[n] = strings.Join(v, " ")
			}
		}
	}
	return out
}
