package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/engine"
)

// RobotChip is one robot in a stage column: its type and name, the delay
// («Сразу», «Через 1 день»), markers for a condition, «после предыдущего»
// and a switched-off robot, and its menu (edit, copy, move up/down,
// delete).
type RobotChip struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Robot is the robot shown.
	Robot engine.Robot
	// DelayText is the delay's wording, computed by the column.
	DelayText string
	// First and Last say whether it can move up or down on its stage.
	First, Last bool
	// Lint holds the lint findings about the robot (a badge shows them).
	Lint []lintview.Note
	// Highlight marks the chip a followed lint link points to.
	Highlight bool
	// OnEdit, OnCopy and OnDelete are called with the robot's id.
	OnEdit, OnCopy, OnDelete func(ctx app.Context, id string)
	// OnMove is called with the robot's id and -1 (up) or +1 (down).
	OnMove func(ctx app.Context, id string, delta int)
	// Locked says why the robot may not be changed (a lesson's scope);
	// moving and deleting it are then disabled and say so.
	Locked string

	menuOpen bool
}

// Render implements app.Composer.
func (c *RobotChip) Render() app.UI {
	r := c.Robot
	typeName := robotTypeName(c.Lang, r.Type)
	title := robotTitle(c.Lang, r)
	inactive := r.Active != nil && !*r.Active
	class := "robot-chip"
	if inactive {
		class += " robot-chip--inactive"
	}
	if r.AfterPrevious {
		class += " robot-chip--chained"
	}
	if w := lintview.Worst(c.Lint); w != "" {
		class += " robot-chip--lint-" + w
	}
	if c.Highlight {
		class += " lint-target"
	}
	var chain, name, cond, off, lint, menu app.UI
	if r.AfterPrevious {
		chain = robotChipChainView.el(c.Lang, Icon("down"))
	}
	if title != typeName {
		name = robotChipNameView.el(c.Lang, app.Text(title))
	}
	if len(r.Condition) > 0 {
		cond = robotChipConditionView.el(c.Lang)
	}
	if inactive {
		off = robotChipOffView.el(c.Lang)
	}
	if len(c.Lint) > 0 {
		lint = &LintBadge{Lang: c.Lang, Notes: c.Lint}
	}
	if c.menuOpen {
		var up, down app.UI
		if !c.First {
			up = lockableMenuItem(i18n.T(c.Lang, "designer.moveUp"), "up", c.Locked, c.onUp)
		}
		if !c.Last {
			down = lockableMenuItem(i18n.T(c.Lang, "designer.moveDown"), "down", c.Locked, c.onDown)
		}
		menu = robotChipMenuView.el(c.Lang, menuKeys(c.closeMenu), c.onEdit, c.onCopy, up, down,
			lockableMenuItem(i18n.T(c.Lang, "designer.delete"), "delete", c.Locked, c.onDelete))
	}
	return robotChipView.el(c.Lang, class, lintview.RobotAnchor(r.ID), r.ID, chain, title, c.onEdit,
		app.Text(typeName), name, app.Text(c.DelayText), cond, off, lint,
		i18n.F(c.Lang, "designer.robot.menuLabel", "rule", title), boolText(c.menuOpen), c.onToggleMenu, Icon("more"),
		menu)
}

// robotChipView is the robot chip: the «after the previous one» line,
// the button that opens its settings, its marks, its lint badge, the «…»
// button and the open menu.
var robotChipView = &view{name: "robot-chip", src: `
<div class={0} id={1} data-robot={2}>
	{3}
	<button type="button" class="robot-chip__main" title={4} @click={5}>
		<span class="robot-chip__type">{6}</span>
		{7}
		<span class="robot-chip__delay">{8}</span>
	</button>
	<div class="robot-chip__marks">{9}{10}</div>
	{11}
	<button type="button" class="robot-chip__menu-button" aria-label={12} aria-haspopup="menu" aria-expanded={13} data-testid="robot-menu" @click={14}>{15}</button>
	{16}
</div>`}

// robotChipChainView says the robot runs after the previous one.
var robotChipChainView = &view{name: "robot-chip-chain", src: `
<div class="robot-chip__chain">{0}<span class="icon-text">{t:designer.robot.afterChip}</span></div>`}

// robotChipNameView is the robot's own name, when it has one.
var robotChipNameView = &view{name: "robot-chip-name", src: `<span class="robot-chip__name">{0}</span>`}

// robotChipConditionView is the mark of a robot with a condition.
var robotChipConditionView = &view{name: "robot-chip-condition", src: `
<span class="designer-mark designer-mark--condition">{t:designer.trigger.conditionChip}</span>`}

// robotChipOffView is the mark of a switched-off robot.
var robotChipOffView = &view{name: "robot-chip-off", src: `
<span class="designer-mark designer-mark--off">{t:designer.robot.inactive}</span>`}

// robotChipMenuView is a robot chip's open action menu (edit, copy, move
// up and down, delete); the keys move in it and close it (menuKeys).
var robotChipMenuView = &view{name: "robot-chip-menu", src: `
<div class="designer-menu" role="menu" @keydown={0}>
	<button type="button" class="designer-menu__item" role="menuitem" data-action="edit" @click={1}>{t:designer.edit}</button>
	<button type="button" class="designer-menu__item" role="menuitem" data-action="copy" @click={2}>{t:designer.copy}</button>
	{3}
	{4}
	{5}
</div>`}

func (c *RobotChip) closeMenu() { c.menuOpen = false }

func (c *RobotChip) onToggleMenu(ctx app.Context, e app.Event) {
	c.menuOpen = !c.menuOpen
	if c.menuOpen && e.Value != nil {
		focusMenuOf(ctx, e.Get("target"))
	}
}

func (c *RobotChip) call(ctx app.Context, f func(app.Context, string)) {
	c.menuOpen = false
	if f != nil {
		f(ctx, c.Robot.ID)
	}
}

func (c *RobotChip) onEdit(ctx app.Context, e app.Event)   { c.call(ctx, c.OnEdit) }
func (c *RobotChip) onCopy(ctx app.Context, e app.Event)   { c.call(ctx, c.OnCopy) }
func (c *RobotChip) onDelete(ctx app.Context, e app.Event) { c.call(ctx, c.OnDelete) }

func (c *RobotChip) move(ctx app.Context, delta int) {
	c.menuOpen = false
	if c.OnMove != nil {
		c.OnMove(ctx, c.Robot.ID, delta)
	}
}

func (c *RobotChip) onUp(ctx app.Context, e app.Event)   { c.move(ctx, -1) }
func (c *RobotChip) onDown(ctx app.Context, e app.Event) { c.move(ctx, 1) }
