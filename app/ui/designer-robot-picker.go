package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// RobotPicker is the «Добавить робота» dialog: the nine robot types of
// the scenario format. «Сменить воронку» is for deals only.
type RobotPicker struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Entity is the entity type of the stage.
	Entity string
	// StageName is the stage the robot goes to.
	StageName string
	// OnPick is called with the chosen type; OnClose when dismissed.
	OnPick  func(ctx app.Context, robotType string)
	OnClose func(ctx app.Context)
}

// Render implements app.Composer.
func (p *RobotPicker) Render() app.UI {
	lang := i18n.Normalize(p.Lang)
	types := design.RobotTypes()
	return designerModal(lang, i18n.T(lang, "designer.robot.pickTitle"), "robot-picker", "", p.onClose, []app.UI{
		elc("p", "designer-catalog__hint").Body(
			elText("strong", i18n.F(lang, "designer.catalog.stage", "stage", p.StageName)),
		),
		elc("div", "designer-picker").Body(app.Range(types).Slice(func(i int) app.UI {
			t := types[i]
			dealOnly := t == engine.RobotChangePipeline
			disabled := dealOnly && p.Entity != "DEAL"
			return buttonc("designer-picker__item").
				DataSet("type", t).
				Attr("disabled", disabled).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnPick != nil {
						p.OnPick(ctx, t)
					}
				}).
				Body(
					elc("span", "designer-picker__icon designer-picker__icon--"+t).Aria("hidden", "true"),
					spanc("designer-picker__name", robotTypeName(lang, t)),
					app.If(dealOnly, func() app.UI {
						return spanc("designer-picker__note", i18n.T(lang, "designer.robot.dealOnly"))
					}),
				)
		})),
	}, buttonc("button button--secondary").
		Text(i18n.T(lang, "designer.cancel")).OnClick(p.onClose))
}

func (p *RobotPicker) onClose(ctx app.Context, e app.Event) {
	if p.OnClose != nil {
		p.OnClose(ctx)
	}
}
