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
	items := make([]app.UI, len(types))
	for i := range types {
		t := types[i]
		dealOnly := t == engine.RobotChangePipeline
		disabled := dealOnly && p.Entity != "DEAL"
		var note app.UI
		if dealOnly {
			note = robotPickerNoteView.el(lang)
		}
		items[i] = robotPickerItemView.el(lang, t, disabled, func(ctx app.Context, e app.Event) {
			if p.OnPick != nil {
				p.OnPick(ctx, t)
			}
		}, "designer-picker__icon designer-picker__icon--"+t, robotTypeName(lang, t), note)
	}
	return designerModal(lang, i18n.T(lang, "designer.robot.pickTitle"), "robot-picker", "", p.onClose,
		robotPickerBodyView.els(lang, i18n.F(lang, "designer.catalog.stage", "stage", p.StageName), items),
		robotPickerCancelView.el(lang, p.onClose))
}

// robotPickerBodyView is the dialog's body: the stage, then the types.
var robotPickerBodyView = &view{name: "robot-picker-body", src: `
<p class="designer-catalog__hint"><strong>{0}</strong></p>
<div class="designer-picker">{1}</div>`}

// robotPickerItemView is one robot type's button.
var robotPickerItemView = &view{name: "robot-picker-item", src: `
<button type="button" class="designer-picker__item" data-type={0} disabled={1} @click={2}>
	<span class={3} aria-hidden="true"></span>
	<span class="designer-picker__name">{4}</span>
	{5}
</button>`}

// robotPickerNoteView says a type is for deals only.
var robotPickerNoteView = &view{name: "robot-picker-note", src: `<span class="designer-picker__note">{t:designer.robot.dealOnly}</span>`}

// robotPickerCancelView closes the dialog.
var robotPickerCancelView = &view{name: "robot-picker-cancel", src: `
<button type="button" class="button button--secondary" @click={0}>{t:designer.cancel}</button>`}

func (p *RobotPicker) onClose(ctx app.Context, e app.Event) {
	if p.OnClose != nil {
		p.OnClose(ctx)
	}
}
