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
	var cond, back, lint, menu app.UI
	if len(t.Condition) > 0 {
		cond = spanc("designer-mark designer-mark--condition", i18n.T(c.Lang, "designer.trigger.conditionChip")).
			Title(i18n.T(c.Lang, "designer.trigger.conditionChip"))
	}
	if t.AllowBackwards {
		back = spanBody("designer-mark designer-mark--back", iconText("back", i18n.T(c.Lang, "designer.trigger.allowBackChip"))...).
			Title(i18n.T(c.Lang, "designer.trigger.allowBackwards"))
	}
	if len(c.Lint) > 0 {
		lint = &LintBadge{Lang: c.Lang, Notes: c.Lint}
	}
	if c.menuOpen {
		menu = chipMenu(c.closeMenu,
			menuItem(i18n.T(c.Lang, "designer.edit"), "edit", c.onEdit),
			menuItem(i18n.T(c.Lang, "designer.copy"), "copy", c.onCopy),
			lockableMenuItem(i18n.T(c.Lang, "designer.delete"), "delete", c.Locked, c.onDelete),
		)
	}
	return divc(class,
		buttonc("trigger-chip__main").
			Title(title).
			OnClick(c.onEdit).
			Body(
				hiddenIcon("bolt").Class("trigger-chip__icon"),
				spanBody("trigger-chip__text",
					spanc("trigger-chip__name", title),
					spanc("trigger-chip__code", sub),
				),
			),
		divc("trigger-chip__marks", cond, back),
		lint,
		chipMenuButton("trigger-chip__menu-button", i18n.F(c.Lang, "designer.trigger.menuLabel", "trigger", title), "trigger-menu", c.menuOpen, c.onToggleMenu),
		menu,
	).ID(lintview.TriggerAnchor(t.ID)).DataSet("trigger", t.ID)
}

func (c *TriggerChip) closeMenu() { c.menuOpen = false }

// chipMenuButton is the «…» button that opens a chip's action menu.
func chipMenuButton(class, label, testid string, open bool, onClick app.EventHandler) app.UI {
	return buttonc(class).
		Aria("label", label).
		Aria("haspopup", "menu").
		Aria("expanded", boolText(open)).
		DataSet("testid", testid).
		Body(Icon("more")).
		OnClick(onClick)
}

// chipMenu is a chip's open action menu; the keys move in it and close
// it (menuKeys).
func chipMenu(close func(), items ...app.UI) app.UI {
	return divc("designer-menu", items...).Role("menu").OnKeyDown(menuKeys(close))
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
	return buttonc("designer-menu__item").
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
	return buttonc("designer-menu__item").
		Role("menuitem").
		DataSet("action", action).
		Attr("disabled", true).
		Title(locked).
		Text(label)
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
