package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/engine"
)

// TriggerChip is one trigger in a stage column: its name and code name,
// markers for a condition and for «Разрешить переход на предыдущий
// статус», and the menu of Bitrix24's three trigger actions (edit, copy,
// delete). A click on the chip opens its settings.
type TriggerChip struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Trigger is the trigger shown.
	Trigger engine.Trigger
	// Lint holds the lint findings about the trigger (a badge shows them).
	Lint []lintview.Note
	// Highlight marks the chip a followed lint link points to.
	Highlight bool
	// OnEdit, OnCopy and OnDelete are called with the trigger's id.
	OnEdit, OnCopy, OnDelete func(ctx app.Context, id string)
	// Locked says why the trigger may not be changed (a lesson's
	// scope); its deletion is then disabled and says so.
	Locked string

	menuOpen bool
}

// Render implements app.Composer.
func (c *TriggerChip) Render() app.UI {
	t := c.Trigger
	title := triggerTitle(c.Lang, t)
	sub := triggerCodeName(c.Lang, t.Code)
	if sub == title {
		// Unnamed: the short name is the title, the full Bitrix24 name
		// («Отследить входящий звонок») the subtitle; the code only when
		// Bitrix24 has no name for it.
		sub = t.Code
		if ti, ok := engine.LookupTrigger(t.Code); ok && ti.Name[i18n.Normalize(c.Lang)] != "" {
			sub = ti.Name[i18n.Normalize(c.Lang)]
		}
	}
	class := "trigger-chip"
	if w := lintview.Worst(c.Lint); w != "" {
		class += " trigger-chip--lint-" + w
	}
	if c.Highlight {
		class += " lint-target"
	}
	return app.Div().
		Class(class).
		ID(lintview.TriggerAnchor(t.ID)).
		DataSet("trigger", t.ID).
		Body(
			app.Button().
				Type("button").
				Class("trigger-chip__main").
				Title(title).
				OnClick(c.onEdit).
				Body(
					app.Span().Class("trigger-chip__icon").Aria("hidden", "true").Body(Icon("bolt")),
					app.Span().Class("trigger-chip__text").Body(
						app.Span().Class("trigger-chip__name").Text(title),
						app.Span().Class("trigger-chip__code").Text(sub),
					),
				),
			app.Div().Class("trigger-chip__marks").Body(
				app.If(len(t.Condition) > 0, func() app.UI {
					return app.Span().Class("designer-mark designer-mark--condition").
						Title(i18n.T(c.Lang, "designer.trigger.conditionChip")).
						Text(i18n.T(c.Lang, "designer.trigger.conditionChip"))
				}),
				app.If(t.AllowBackwards, func() app.UI {
					return app.Span().Class("designer-mark designer-mark--back").
						Title(i18n.T(c.Lang, "designer.trigger.allowBackwards")).
						Body(iconText("back", i18n.T(c.Lang, "designer.trigger.allowBackChip"))...)
				}),
			),
			app.If(len(c.Lint) > 0, func() app.UI {
				return &LintBadge{Lang: c.Lang, Notes: c.Lint}
			}),
			app.Button().
				Type("button").
				Class("trigger-chip__menu-button").
				Aria("label", i18n.F(c.Lang, "designer.trigger.menuLabel", "trigger", title)).
				Aria("haspopup", "menu").
				Aria("expanded", boolText(c.menuOpen)).
				DataSet("testid", "trigger-menu").
				Body(Icon("more")).
				OnClick(c.onToggleMenu),
			app.If(c.menuOpen, func() app.UI {
				return app.Div().Class("designer-menu").Role("menu").
					OnKeyDown(menuKeys(func() { c.menuOpen = false })).
					Body(
						menuItem(i18n.T(c.Lang, "designer.edit"), "edit", c.onEdit),
						menuItem(i18n.T(c.Lang, "designer.copy"), "copy", c.onCopy),
						lockableMenuItem(i18n.T(c.Lang, "designer.delete"), "delete", c.Locked, c.onDelete),
					)
			}),
		)
}

func (c *TriggerChip) onToggleMenu(ctx app.Context, e app.Event) {
	c.menuOpen = !c.menuOpen
	if c.menuOpen && e.Value != nil {
		focusMenuOf(ctx, e.Get("target"))
	}
}

func (c *TriggerChip) onEdit(ctx app.Context, e app.Event) {
	c.menuOpen = false
	if c.OnEdit != nil {
		c.OnEdit(ctx, c.Trigger.ID)
	}
}

func (c *TriggerChip) onCopy(ctx app.Context, e app.Event) {
	c.menuOpen = false
	if c.OnCopy != nil {
		c.OnCopy(ctx, c.Trigger.ID)
	}
}

func (c *TriggerChip) onDelete(ctx app.Context, e app.Event) {
	c.menuOpen = false
	if c.OnDelete != nil {
		c.OnDelete(ctx, c.Trigger.ID)
	}
}

// menuItem is one entry of a chip's action menu.
func menuItem(label, action string, h app.EventHandler) app.UI {
	return app.Button().
		Type("button").
		Class("designer-menu__item").
		Role("menuitem").
		DataSet("action", action).
		Text(label).
		OnClick(h)
}

// lockableMenuItem is a menu entry that a lesson's scope may disable:
// locked says why, as the entry's title.
func lockableMenuItem(label, action, locked string, h app.EventHandler) app.UI {
	if locked == "" {
		return menuItem(label, action, h)
	}
	return app.Button().
		Type("button").
		Class("designer-menu__item").
		Role("menuitem").
		DataSet("action", action).
		Disabled(true).
		Title(locked).
		Text(label)
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
