package teach

import (
	"strings"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
	"github.com/triggersim/triggersim/lessons"
)

// Training is the trainee's work on a lesson file: the file, when it was
// opened, the hints opened, the checks made and the stored scenario made
// from its start.
type Training struct {
	Lesson   string `json:"lesson"`
	Started  int64  `json:"started"`
	Hints    int    `json:"hints"`
	Attempts int    `json:"attempts"`
	// Scenario is the id of the trainee's copy of the lesson's start
	// ("" until the trainee opens it in the designer).
	Scenario string `json:"scenario,omitempty"`
}

// Builtin is the built-in lesson whose copy the learner opened: the
// lesson's id and the stored copy's id.
type Builtin struct {
	ID       string `json:"id"`
	Scenario string `json:"scenario"`
}

// Open is the lesson a stored scenario is the trainee's copy of, for the
// designer: the lesson and the page to go back to.
type Open struct {
	Lesson *lesson.Lesson
	// Back is the lesson's page: /train or /lesson?id=….
	Back string
}

// LessonOf returns the lesson whose trainee copy is the stored scenario
// id: the lesson file of tr, else the built-in lesson of b; nil when the
// scenario is no lesson's copy (or the stored lesson no longer reads).
func LessonOf(id string, tr Training, b Builtin) *Open {
	if id == "" {
		return nil
	}
	if tr.Scenario == id && tr.Lesson != "" {
		if l, err := lesson.Read([]byte(tr.Lesson)); err == nil {
			return &Open{Lesson: l, Back: TrainPath}
		}
	}
	if b.Scenario == id {
		if l, ok := lessons.Get(b.ID); ok && l.Doc != nil {
			return &Open{Lesson: l.Doc, Back: "/lesson?id=" + l.ID}
		}
	}
	return nil
}

// ScopeText says in lang what a lesson lets the trainee change, for the
// trainee's designer: "triggers", "the robots of the stage Prepare papers
// (Deal)", …; "" when the lesson allows any change.
func ScopeText(l *lesson.Lesson, sc *engine.Scenario, lang string) string {
	if len(l.MayChange) == 0 {
		return ""
	}
	parts := make([]string, 0, len(l.MayChange))
	for _, s := range l.MayChange {
		f := strings.Split(s, ":")
		kind := f[0]
		switch len(f) {
		case 1:
			parts = append(parts, i18n.T(lang, "scope."+kind))
		case 2:
			parts = append(parts, i18n.F(lang, "scope."+kind+".entity", "type", engine.EntityName(f[1], lang)))
		default:
			name := f[2]
			if sc != nil {
				if st, _, ok := sc.FindStage(f[1], f[2]); ok {
					name = st.Name
				}
			}
			parts = append(parts, i18n.F(lang, "scope."+kind+".stage", "stage", name, "type", engine.EntityName(f[1], lang)))
		}
	}
	return i18n.F(lang, "scope.only", "parts", strings.Join(parts, ", "))
}
