package engine

import (
	"strconv"
	"strings"
)

// The "robots" section: types, params and delays.

// robotParam describes one key of a robot's params.
type robotParam struct {
	key      string
	kind     string // "stage", "fields", "user", "pipeline", "string", "strings"
	required bool
}

// robotParams lists the params of each robot type, in writing order.
func robotParams(typ string) ([]robotParam, bool) {
	switch typ {
	case RobotChangeStage:
		return []robotParam{{"stage", "stage", true}}, true
	case RobotUpdateFields:
		return []robotParam{{"fields", "fields", true}}, true
	case RobotChangeResponsible:
		return []robotParam{{"user", "user", true}}, true
	case RobotChangePipeline:
		return []robotParam{{"pipeline", "pipeline", true}}, true
	case RobotCreateTask:
		return []robotParam{{"title", "string", true}, {"responsible", "user", false}}, true
	case RobotSendEmail:
		return []robotParam{{"subject", "string", true}, {"links", "strings", false}}, true
	case RobotSendSms, RobotNotify, RobotAddComment:
		return []robotParam{{"text", "string", true}}, true
	}
	return nil, false
}

var robotTypes = []string{RobotChangeStage, RobotUpdateFields, RobotChangeResponsible, RobotChangePipeline,
	RobotCreateTask, RobotSendEmail, RobotSendSms, RobotNotify, RobotAddComment}

func (r *reader) readRobots(o obj) {
	n, p := o.get("robots")
	items, _ := r.list(n, p, "an array of robots")
	for i := range items {
		ip := indexPath(p, i)
		ro, ok := r.object(&items[i], ip, "id", "entity", "stage", "type", "name", "params", "delay",
			"afterPrevious", "condition", "active")
		if !ok {
			continue
		}
		var rb Robot
		idNode, idPath := r.need(ro, "id", "a robot id")
		if id, ok := r.refID(idNode, idPath, "a robot id"); ok {
			if _, dup := r.robots[id]; dup {
				r.errs.addCode(idPath, "xref.duplicateRobot", Quote(id))
			}
			rb.ID = id
		}
		rb.Entity, _ = r.entity(r.need(ro, "entity", "an entity type"))
		if rb.ID != "" {
			if _, dup := r.robots[rb.ID]; !dup {
				r.robots[rb.ID] = rb.Entity
			}
		}
		sn, sp := r.need(ro, "stage", "a stage id")
		rb.Stage, _ = r.stage(sn, sp, rb.Entity)
		typeNode, typePath := r.need(ro, "type", "a robot type")
		rb.Type, _ = r.enum(typeNode, typePath, robotTypes...)
		rb.Name, _ = r.str(ro.get("name"))
		pn, pp := ro.get("params")
		if specs, ok := robotParams(rb.Type); ok {
			if pn == nil {
				r.errs.addCode(pp, "xref.robotParams", rb.Type)
			} else {
				rb.Params = r.robotParams(pn, pp, rb, specs)
			}
		} else if pn != nil && pn.kind != jtObject {
			r.errs.addCode(pp, "read.expected", "an object", pn.describe())
		}
		if dn, dp := ro.get("delay"); dn != nil {
			rb.Delay = r.delay(dn, dp)
		}
		rb.AfterPrevious, _ = r.boolean(ro.get("afterPrevious"))
		if cn, cp := ro.get("condition"); cn != nil {
			rb.Condition = r.condition(cn, cp)
		}
		if an, ap := ro.get("active"); an != nil {
			if a, ok := r.boolean(an, ap); ok {
				rb.Active = &a
			}
		}
		r.s.Robots = append(r.s.Robots, rb)
	}
}

func (r *reader) robotParams(n *jtNode, path string, rb Robot, specs []robotParam) map[string]any {
	keys := make([]string, len(specs))
	for i, sp := range specs {
		keys[i] = sp.key
	}
	o, ok := r.object(n, path, keys...)
	if !ok {
		return nil
	}
	out := map[string]any{}
	for _, sp := range specs {
		var vn *jtNode
		var vp string
		if sp.required {
			vn, vp = r.need(o, sp.key, paramWanted(sp.kind))
		} else {
			vn, vp = o.get(sp.key)
		}
		if vn == nil {
			continue
		}
		var v any
		ok := false
		switch sp.kind {
		case "stage":
			v, ok = r.stage(vn, vp, rb.Entity)
		case "fields":
			if vn.kind != jtObject {
				r.errs.addCode(vp, "read.fieldsObject", vn.describe())
				break
			}
			before := len(r.errs.errs)
			f := r.fields(vn, vp)
			if f == nil {
				f = map[string]any{}
			}
			v, ok = f, len(r.errs.errs) == before
		case "user":
			v, ok = r.user(vn, vp)
		case "pipeline":
			var id int
			id, ok = r.integer(vn, vp, 0, maxInt)
			if ok && rb.Entity != "" && rb.Entity != "DEAL" {
				r.errs.addCode(keyPath(strings.TrimSuffix(path, ".params"), "type"), "xref.changePipelineDeal", rb.Entity)
				ok = false
			} else if ok && rb.Entity != "" && !r.entities[rb.Entity].pipelines[id] {
				r.errs.addCode(vp, "xref.unknownPipeline", strconv.Itoa(id), rb.Entity)
				ok = false
			}
			v = id
		case "string":
			v, ok = r.str(vn, vp)
		case "strings":
			v, ok = r.strings(vn, vp)
		}
		if ok {
			out[sp.key] = v
		}
	}
	return out
}

func paramWanted(kind string) string {
	switch kind {
	case "stage":
		return "a stage id"
	case "fields":
		return "an object of field values"
	case "user":
		return "a user id"
	case "pipeline":
		return "a pipeline id"
	case "strings":
		return "an array of strings"
	}
	return "a string"
}

func (r *reader) delay(n *jtNode, path string) *Delay {
	o, ok := r.object(n, path, "type", "value", "unit", "basis", "time", "workTime", "waitWorkDay")
	if !ok {
		return nil
	}
	d := &Delay{}
	tn, tp := r.need(o, "type", `"after", "before" or "in"`)
	d.Type, _ = r.enum(tn, tp, DelayAfter, DelayBefore, DelayIn)
	vn, vp := o.get("value")
	if vn == nil && d.Type != DelayIn {
		r.errs.addCode(vp, "read.missingKey", "an integer ≥ 0")
	}
	d.Value, _ = r.integer(vn, vp, 0, maxInt)
	un, up := o.get("unit")
	if un == nil && d.Value > 0 {
		r.errs.addCode(up, "read.missingKey", `"m", "h" or "d"`)
	}
	d.Unit, _ = r.enum(un, up, "m", "h", "d")
	if d.Unit != "" && d.Value > maxDelayValue(d.Unit) {
		// value × unit must stay a time.Duration that cannot wrap.
		r.errs.addErr(vp, delayError(d.Unit, d.Value))
		d.Value = 0
	}
	d.Basis, _ = r.fieldID(o.get("basis"))
	d.Time, _ = r.clock(o.get("time"))
	d.WorkTime, _ = r.boolean(o.get("workTime"))
	d.WaitWorkDay, _ = r.boolean(o.get("waitWorkDay"))
	return d
}

// unitName names a delay unit in messages.
func unitName(unit string) string {
	switch unit {
	case "h":
		return "hours"
	case "d":
		return "days"
	}
	return "minutes"
}
