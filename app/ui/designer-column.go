package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
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
	// Stage is the stage shown.
	Stage engine.Stage
	// Triggers and Robots are the ones placed on the stage, in order.
	Triggers []engine.Trigger
	Robots   []engine.Robot
	// DelayTexts holds the delay wording of each robot, by index.
	DelayTexts []string

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
	return app.Section().
		Class("designer-column designer-column--"+st.Semantics).
		DataSet("stage", st.ID).
		Aria("label", st.Name).
		Body(
			app.Button().
				Type("button").
				Class("designer-column__head").
				Style("--stage-color", color).
				Title(design.Format(i18n.T(c.Lang, "designer.stageSettings"), st.Name)).
				Aria("label", design.Format(i18n.T(c.Lang, "designer.stageSettings"), st.Name)).
				OnClick(c.onEditStage).
				Body(
					app.Span().Class("designer-column__name").Text(st.Name),
					app.Span().
						Class("designer-column__semantics designer-column__semantics--"+st.Semantics).
						Text(i18n.T(c.Lang, "designer.semantics."+st.Semantics)),
					app.Span().Class("designer-column__gear").Aria("hidden", "true").Text("⚙"),
				),
			app.Div().Class("designer-column__section designer-column__section--triggers").Body(
				app.H3().Class("designer-column__label").Text(i18n.T(c.Lang, "designer.triggers")),
				app.Range(c.Triggers).Slice(func(i int) app.UI {
					return &TriggerChip{
						Lang:     c.Lang,
						Trigger:  c.Triggers[i],
						OnEdit:   c.OnEditTrigger,
						OnCopy:   c.OnCopyTrigger,
						OnDelete: c.OnDeleteTrigger,
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
