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
		chain = divc("robot-chip__chain", iconText("down", i18n.T(c.Lang, "designer.robot.afterChip"))...)
	}
	if title != typeName {
		name = spanc("robot-chip__name", title)
	}
	if len(r.Condition) > 0 {
		cond = spanc("designer-mark designer-mark--condition", i18n.T(c.Lang, "designer.trigger.conditionChip"))
	}
	if inactive {
		off = spanc("designer-mark designer-mark--off", i18n.T(c.Lang, "designer.robot.inactive"))
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
		menu = chipMenu(c.closeMenu,
			menuItem(i18n.T(c.Lang, "designer.edit"), "edit", c.onEdit),
			menuItem(i18n.T(c.Lang, "designer.copy"), "copy", c.onCopy),
			up,
			down,
			lockableMenuItem(i18n.T(c.Lang, "designer.delete"), "delete", c.Locked, c.onDelete),
		)
	}
	return divc(class,
		chain,
		buttonc("robot-chip__main").
			Title(title).
			OnClick(c.onEdit).
			Body(
				spanc("robot-chip__type", typeName),
				name,
				spanc("robot-chip__delay", c.DelayText),
			),
		divc("robot-chip__marks", cond, off),
		lint,
		chipMenuButton("robot-chip__menu-button", i18n.F(c.Lang, "designer.robot.menuLabel", "rule", title), "robot-menu", c.menuOpen, c.onToggleMenu),
		menu,
	).ID(lintview.RobotAnchor(r.ID)).DataSet("robot", r.ID)
}

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
