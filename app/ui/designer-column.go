package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/design"
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
}

// Render implements app.Composer.
func (c *DesignerColumn) Render() app.UI {
	st := c.Stage
	color := st.Color
	if color == "" {
		color = "#39A8EF"
	}
	stageNotes := c.Lint.Stages[lintview.StageKey(c.Entity, st.ID)]
	headLabel := design.Format(i18n.T(c.Lang, "designer.stageSettings"), st.Name)
	headTitle := headLabel
	var stageTexts []string
	for _, n := range stageNotes {
		stageTexts = append(stageTexts, n.Text)
	}
	if len(stageTexts) > 0 {
		mark := design.Format(i18n.T(c.Lang, "designer.lint.stageMark"), strings.Join(stageTexts, "; "))
		headLabel += ". " + mark
		headTitle = strings.Join(stageTexts, "\n\n") + "\n\n" + headTitle
	}
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
				Title(headTitle).
				Aria("label", headLabel).
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
					app.Span().Class("designer-column__name").Text(st.Name),
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
						OnEdit:    c.OnEditTrigger,
						OnCopy:    c.OnCopyTrigger,
						OnDelete:  c.OnDeleteTrigger,
					}
				}),
				app.Button().
					Type("button").
					Class("designer-column__add designer-column__add--trigger").
					Aria("label", design.Format(i18n.T(c.Lang, "designer.addTriggerLabel"), st.Name)).
					DataSet("testid", "add-trigger").
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
						OnEdit:    c.OnEditRobot,
						OnCopy:    c.OnCopyRobot,
						OnDelete:  c.OnDeleteRobot,
						OnMove:    c.OnMoveRobot,
					}
				}),
				app.Button().
					Type("button").
					Class("designer-column__add designer-column__add--robot").
					Aria("label", design.Format(i18n.T(c.Lang, "designer.addRobotLabel"), st.Name)).
					DataSet("testid", "add-robot").
					Text(i18n.T(c.Lang, "designer.addRobot")).
					OnClick(c.onAddRobot),
			),
		)
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
