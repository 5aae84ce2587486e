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
		cond = triggerChipConditionView.el(c.Lang)
	}
	if t.AllowBackwards {
		back = triggerChipBackView.el(c.Lang, Icon("back"))
	}
	if len(c.Lint) > 0 {
		lint = &LintBadge{Lang: c.Lang, Notes: c.Lint}
	}
	if c.menuOpen {
		menu = triggerChipMenuView.el(c.Lang, menuKeys(c.closeMenu), c.onEdit, c.onCopy,
			lockableMenuItem(i18n.T(c.Lang, "designer.delete"), "delete", c.Locked, c.onDelete))
	}
	return triggerChipView.el(c.Lang, class, lintview.TriggerAnchor(t.ID), t.ID, title, c.onEdit,
		Icon("bolt"), app.Text(title), app.Text(sub), cond, back, lint,
		i18n.F(c.Lang, "designer.trigger.menuLabel", "trigger", title), boolText(c.menuOpen), c.onToggleMenu, Icon("more"),
		menu)
}

// triggerChipView is the trigger chip: the button that opens its
// settings, its marks, its lint badge, the «…» button and the open menu.
var triggerChipView = &view{name: "trigger-chip", src: `
<div class={0} id={1} data-trigger={2}>
	<button type="button" class="trigger-chip__main" title={3} @click={4}>
		<span aria-hidden="true" class="trigger-chip__icon">{5}</span>
		<span class="trigger-chip__text">
			<span class="trigger-chip__name">{6}</span>
			<span class="trigger-chip__code">{7}</span>
		</span>
	</button>
	<div class="trigger-chip__marks">{8}{9}</div>
	{10}
	<button type="button" class="trigger-chip__menu-button" aria-label={11} aria-haspopup="menu" aria-expanded={12} data-testid="trigger-menu" @click={13}>{14}</button>
	{15}
</div>`}

// triggerChipConditionView is the mark of a trigger with a condition.
var triggerChipConditionView = &view{name: "trigger-chip-condition", src: `
<span class="designer-mark designer-mark--condition" title={t:designer.trigger.conditionChip}>{t:designer.trigger.conditionChip}</span>`}

// triggerChipBackView is the mark of a trigger allowed to move an item
// back to an earlier stage.
var triggerChipBackView = &view{name: "trigger-chip-back", src: `
<span class="designer-mark designer-mark--back" title={t:designer.trigger.allowBackwards}>{0}<span class="icon-text">{t:designer.trigger.allowBackChip}</span></span>`}

// triggerChipMenuView is a trigger chip's open action menu (edit, copy,
// delete); the keys move in it and close it (menuKeys).
var triggerChipMenuView = &view{name: "trigger-chip-menu", src: `
<div class="designer-menu" role="menu" @keydown={0}>
	<button type="button" class="designer-menu__item" role="menuitem" data-action="edit" @click={1}>{t:designer.edit}</button>
	<button type="button" class="designer-menu__item" role="menuitem" data-action="copy" @click={2}>{t:designer.copy}</button>
	{3}
</div>`}

func (c *TriggerChip) closeMenu() { c.menuOpen = false }

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

// lockableMenuItem is an entry of a chip's action menu that a lesson's
// scope may disable: locked says why, as the entry's title.
func lockableMenuItem(label, action, locked string, h app.EventHandler) app.UI {
	if locked == "" {
		return chipMenuItemView.el("", action, h, app.Text(label))
	}
	return chipMenuLockedItemView.el("", action, locked, app.Text(label))
}

// chipMenuItemView is one entry of a chip's action menu.
var chipMenuItemView = &view{name: "chip-menu-item", src: `
<button type="button" class="designer-menu__item" role="menuitem" data-action={0} @click={1}>{2}</button>`}

// chipMenuLockedItemView is a menu entry a lesson's scope disables; its
// title says why.
var chipMenuLockedItemView = &view{name: "chip-menu-locked-item", src: `
<button type="button" class="designer-menu__item" role="menuitem" data-action={0} disabled title={1}>{2}</button>`}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
