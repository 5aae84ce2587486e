package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/engine"
)

// DesignerColumn is one stage of the pipeline: the coloured header with
// the stage name and its semantics, the «Триггеры» section (triggers that
// move items to this stage) and the «Роботы» section (robots that run when
// an item enters it).
type DesignerColumn struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Entity is the entity type of the stage's pipeline.
	Entity string
	// Stage is the stage shown.
	Stage engine.Stage
	// Triggers and Robots are the ones placed on the stage, in order.
	Triggers []engine.Trigger
	Robots   []engine.Robot
	// DelayTexts holds the delay wording of each robot, by index.
	DelayTexts []string
	// Lint holds the lint findings of the shown scenario, grouped; the
	// column shows those of its stage, triggers and robots.
	Lint lintview.Index
	// Highlight is the element id a followed lint link points to.
	Highlight string

	OnEditStage, OnAddTrigger, OnAddRobot         func(ctx app.Context, stage string)
	OnEditTrigger, OnCopyTrigger, OnDeleteTrigger func(ctx app.Context, id string)
	OnEditRobot, OnCopyRobot, OnDeleteRobot       func(ctx app.Context, id string)
	OnMoveRobot                                   func(ctx app.Context, id string, delta int)

	// StageLocked, TriggersLocked and RobotsLocked say why the trainee of
	// a lesson may not change the stage's settings, its triggers or its
	// robots ("" when they may): the controls are disabled and the
	// reason is shown.
	StageLocked, TriggersLocked, RobotsLocked string
}

// lockNote shows why a section of the column is locked; the disabled
// control it explains points at it with aria-describedby.
func lockNote(id, text string) app.UI {
	if text == "" {
		return nil
	}
	return app.P().ID(id).Class("designer-column__locked").DataSet("testid", "designer-locked").Body(
		app.Span().Class("designer-column__locked-icon").Aria("hidden", "true").Body(Icon("ban")),
		app.Span().Text(text),
	)
}

// Render implements app.Composer.
func (c *DesignerColumn) Render() app.UI {
	st := c.Stage
	color := st.Color
	if color == "" {
		color = "#39A8EF"
	}
	stageNotes := c.Lint.Stages[lintview.StageKey(c.Entity, st.ID)]
	headLabel := i18n.F(c.Lang, "designer.stageSettings", "stage", st.Name)
	headTitle := headLabel
	var stageTexts []string
	for _, n := range stageNotes {
		stageTexts = append(stageTexts, n.Text)
	}
	if len(stageTexts) > 0 {
		mark := i18n.F(c.Lang, "designer.lint.stageMark", "findings", strings.Join(stageTexts, "; "))
		headLabel += ". " + mark
		headTitle = strings.Join(stageTexts, "\n\n") + "\n\n" + headTitle
	}
	if c.StageLocked != "" {
		headTitle = c.StageLocked
	}
	trigLock, robotLock := "lock-triggers-"+st.ID, "lock-robots-"+st.ID
	class := "designer-column designer-column--" + st.Semantics
	if c.Highlight != "" && c.Highlight == lintview.StageAnchor(st.ID) {
		class += " lint-target"
	}
	return app.Section().
		Class(class).
		ID(lintview.StageAnchor(st.ID)).
		DataSet("stage", st.ID).
		Aria("label", st.Name).
		Body(
			app.Button().
				Type("button").
				Class("designer-column__head").
				Style("--stage-color", color).
				Style("color", textOn(color)).
				Title(headTitle).
				Aria("label", headLabel).
				Disabled(c.StageLocked != "").
				OnClick(c.onEditStage).
				Body(
					app.If(len(stageNotes) > 0, func() app.UI {
						w := lintview.Worst(stageNotes)
						return app.Span().Class("designer-column__lint lint-icon lint-icon--"+w).
							DataSet("testid", "stage-lint").
							DataSet("severity", w).
							Aria("hidden", "true").
							Body(lintIcon(w))
					}),
					app.Span().Class("designer-column__name").Title(st.Name).Text(st.Name),
					app.Span().
						Class("designer-column__semantics designer-column__semantics--"+st.Semantics).
						Text(i18n.T(c.Lang, "designer.semantics."+st.Semantics)),
					app.Span().Class("designer-column__gear").Aria("hidden", "true").Body(Icon("gear")),
				),
			app.Div().Class("designer-column__section designer-column__section--triggers").Body(
				app.H3().Class("designer-column__label").Text(i18n.T(c.Lang, "designer.triggers")),
				app.Range(c.Triggers).Slice(func(i int) app.UI {
					return &TriggerChip{
						Lang:      c.Lang,
						Trigger:   c.Triggers[i],
						Lint:      c.Lint.Triggers[c.Triggers[i].ID],
						Highlight: c.Highlight != "" && c.Highlight == lintview.TriggerAnchor(c.Triggers[i].ID),
						Locked:    c.TriggersLocked,
						OnEdit:    c.OnEditTrigger,
						OnCopy:    c.OnCopyTrigger,
						OnDelete:  c.OnDeleteTrigger,
					}
				}),
				lockNote(trigLock, c.TriggersLocked),
				app.Button().
					Type("button").
					Class("designer-column__add designer-column__add--trigger").
					Aria("label", i18n.F(c.Lang, "designer.addTriggerLabel", "stage", st.Name)).
					DataSet("testid", "add-trigger").
					Disabled(c.TriggersLocked != "").
					Aria("describedby", lockRef(trigLock, c.TriggersLocked)).
					Text(i18n.T(c.Lang, "designer.addTrigger")).
					OnClick(c.onAddTrigger),
			),
			app.Div().Class("designer-column__section designer-column__section--robots").Body(
				app.H3().Class("designer-column__label").Text(i18n.T(c.Lang, "designer.robots")),
				app.Range(c.Robots).Slice(func(i int) app.UI {
					delay := ""
					if i < len(c.DelayTexts) {
						delay = c.DelayTexts[i]
					}
					return &RobotChip{
						Lang:      c.Lang,
						Robot:     c.Robots[i],
						DelayText: delay,
						First:     i == 0,
						Last:      i == len(c.Robots)-1,
						Lint:      c.Lint.Robots[c.Robots[i].ID],
						Highlight: c.Highlight != "" && c.Highlight == lintview.RobotAnchor(c.Robots[i].ID),
						Locked:    c.RobotsLocked,
						OnEdit:    c.OnEditRobot,
						OnCopy:    c.OnCopyRobot,
						OnDelete:  c.OnDeleteRobot,
						OnMove:    c.OnMoveRobot,
					}
				}),
				lockNote(robotLock, c.RobotsLocked),
				app.Button().
					Type("button").
					Class("designer-column__add designer-column__add--robot").
					Aria("label", i18n.F(c.Lang, "designer.addRobotLabel", "stage", st.Name)).
					DataSet("testid", "add-robot").
					Disabled(c.RobotsLocked != "").
					Aria("describedby", lockRef(robotLock, c.RobotsLocked)).
					Text(i18n.T(c.Lang, "designer.addRobot")).
					OnClick(c.onAddRobot),
			),
		)
}

// lockRef is the aria-describedby of a control a lock note explains
// ("" when it is not locked: go-app then leaves the attribute out).
func lockRef(id, locked string) string {
	if locked == "" {
		return ""
	}
	return id
}

func (c *DesignerColumn) onEditStage(ctx app.Context, e app.Event) {
	if c.OnEditStage != nil {
		c.OnEditStage(ctx, c.Stage.ID)
	}
}

func (c *DesignerColumn) onAddTrigger(ctx app.Context, e app.Event) {
	if c.OnAddTrigger != nil {
		c.OnAddTrigger(ctx, c.Stage.ID)
	}
}

func (c *DesignerColumn) onAddRobot(ctx app.Context, e app.Event) {
	if c.OnAddRobot != nil {
		c.OnAddRobot(ctx, c.Stage.ID)
	}
}
