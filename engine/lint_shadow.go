package engine

import (
	"reflect"
	"sort"
	"strings"
)

// Shadowing.

// checkShadowed finds trigger B whose every chance is taken by an earlier
// trigger A of the same code in the same pipeline: A has no condition and
// its settings accept whatever B's accept, so for the items that would
// reach B from before A's stage, A is tested first and always wins
// (section 2.4: the first passing candidate in stage order).
func (l *linter) checkShadowed() {
	type group struct {
		ref  lintRef // entity and pipeline
		code string
	}
	groups := map[group][]int{}
	var keys []group
	for i := range l.sc.Triggers {
		if !l.trig[i].ok || !l.supported[i] {
			continue
		}
		r := l.trig[i].ref
		g := group{lintRef{r.entity, r.pipe, 0}, l.sc.Triggers[i].Code}
		if _, seen := groups[g]; !seen {
			keys = append(keys, g)
		}
		groups[g] = append(groups[g], i)
	}
	for _, g := range keys {
		list := groups[g]
		sort.SliceStable(list, func(a, b int) bool { return l.trig[list[a]].ref.stage < l.trig[list[b]].ref.stage })
		for k, b := range list {
			if l.fireless(b) {
				continue
			}
			for _, a := range list[:k] {
				ta, tb := &l.sc.Triggers[a], &l.sc.Triggers[b]
				if len(ta.Condition) > 0 || l.fireless(a) || !settingsCover(ta.Code, ta.Entity, ta.Settings, tb.Settings) {
					continue
				}
				sa := l.stage(l.trig[a].ref).ID
				var why Reason
				switch {
				case l.trig[a].ref.stage == l.trig[b].ref.stage:
					why = Reason{Code: "lint.shadowedSame", Args: []string{tb.ID, ta.ID, sa}}
				case ta.AllowBackwards:
					why = Reason{Code: "lint.shadowedBack", Args: []string{tb.ID, ta.ID, sa}}
				default:
					why = Reason{Code: "lint.shadowed", Args: []string{tb.ID, ta.ID, sa}}
				}
				l.out = append(l.out, l.triggerFinding(b, LintTriggerShadowed, SeverityWarning, triggerPath(b), why))
				break
			}
		}
	}
}

// settingsCover reports whether a trigger with settings a accepts every
// event that one with settings b accepts (same code). It is conservative:
// when in doubt it says no, so that shadowing is reported only when sure.
func settingsCover(code, entityType string, a, b map[string]any) bool {
	switch code {
	case "FIELD_CHANGED":
		wa := map[string]bool{}
		for _, f := range stringList(a["fields"]) {
			if f != "" && FieldWatchable(f, entityType) {
				wa[f] = true
			}
		}
		if len(wa) == 0 {
			return false
		}
		for _, f := range stringList(b["fields"]) {
			if f != "" && FieldWatchable(f, entityType) && !wa[f] {
				return false
			}
		}
		return true
	case "APP":
		return settingString(a, "APP_ID") == settingString(b, "APP_ID") && settingString(a, "CODE") == settingString(b, "CODE")
	case "EMAIL_LINK":
		return strings.HasPrefix(settingString(b, "url"), settingString(a, "url"))
	}
	for k, v := range a {
		if settingEmpty(v) {
			continue
		}
		if reflect.DeepEqual(v, b[k]) {
			continue
		}
		if _, isList := v.([]any); !isList && settingString(a, k) != "" && settingString(a, k) == settingString(b, k) {
			continue
		}
		return false
	}
	return true
}

// settingEmpty is an unset individual setting: it filters nothing.
func settingEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case Condition:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	if f, ok := numberOf(v); ok {
		return f == 0
	}
	return false
}
