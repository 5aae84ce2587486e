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
	return app.Div().
		Class(class).
		ID(lintview.RobotAnchor(r.ID)).
		DataSet("robot", r.ID).
		Body(
			app.If(r.AfterPrevious, func() app.UI {
				return app.Div().Class("robot-chip__chain").Body(iconText("down", i18n.T(c.Lang, "designer.robot.afterChip"))...)
			}),
			app.Button().
				Type("button").
				Class("robot-chip__main").
				Title(title).
				OnClick(c.onEdit).
				Body(
					app.Span().Class("robot-chip__type").Text(typeName),
					app.If(title != typeName, func() app.UI {
						return app.Span().Class("robot-chip__name").Text(title)
					}),
					app.Span().Class("robot-chip__delay").Text(c.DelayText),
				),
			app.Div().Class("robot-chip__marks").Body(
				app.If(len(r.Condition) > 0, func() app.UI {
					return app.Span().Class("designer-mark designer-mark--condition").
						Text(i18n.T(c.Lang, "designer.trigger.conditionChip"))
				}),
				app.If(inactive, func() app.UI {
					return app.Span().Class("designer-mark designer-mark--off").
						Text(i18n.T(c.Lang, "designer.robot.inactive"))
				}),
			),
			app.If(len(c.Lint) > 0, func() app.UI {
				return &LintBadge{Lang: c.Lang, Notes: c.Lint}
			}),
			app.Button().
				Type("button").
				Class("robot-chip__menu-button").
				Aria("label", i18n.F(c.Lang, "designer.robot.menuLabel", "rule", title)).
				Aria("haspopup", "menu").
				Aria("expanded", boolText(c.menuOpen)).
				DataSet("testid", "robot-menu").
				Body(Icon("more")).
				OnClick(c.onToggleMenu),
			app.If(c.menuOpen, func() app.UI {
				return app.Div().Class("designer-menu").Role("menu").
					OnKeyDown(menuKeys(func() { c.menuOpen = false })).
					Body(
						menuItem(i18n.T(c.Lang, "designer.edit"), "edit", c.onEdit),
						menuItem(i18n.T(c.Lang, "designer.copy"), "copy", c.onCopy),
						app.If(!c.First, func() app.UI {
							return lockableMenuItem(i18n.T(c.Lang, "designer.moveUp"), "up", c.Locked, c.onUp)
						}),
						app.If(!c.Last, func() app.UI {
							return lockableMenuItem(i18n.T(c.Lang, "designer.moveDown"), "down", c.Locked, c.onDown)
						}),
						lockableMenuItem(i18n.T(c.Lang, "designer.delete"), "delete", c.Locked, c.onDelete),
					)
			}),
		)
}

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
