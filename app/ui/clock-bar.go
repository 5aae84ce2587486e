package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// ClockBar is the simulation's virtual clock and its controls: play and
// pause, step to the next due task, run to the end, jump to a time, speed,
// reset, and undo/redo of simulation actions. A progress bar shows while a
// long run is going.
type ClockBar struct {
	app.Compo

	Lang string
	// Now is the virtual time in RFC 3339 (the data-clock test hook).
	Now string
	// Label is Now in words, in the scenario's zone.
	Label string
	// Local is Now as the «Перейти к» field shows it: "12.01.2026 09:30"
	// (ru) or "2026-01-12 09:30" (en), see simulate.JumpInput.
	Local string
	// Next is when the next task is due, in words ("" when none).
	Next     string
	Playing  bool
	Running  bool
	Progress int
	Speed    int
	CanStep  bool
	CanUndo  bool
	CanRedo  bool

	// Actions are what the controls do. The board keeps one ClockActions
	// for its life: go-app renders a component again when one of its
	// fields changed, and a func field never compares equal, even to
	// itself, while the same pointer does. So a fired event, which
	// changes nothing the bar shows, does not render the bar again.
	Actions *ClockActions

	jump    string
	jumpErr string
}

// ClockActions are what the clock bar's controls do; a nil one does
// nothing.
type ClockActions struct {
	OnPlay  func(ctx app.Context)
	OnPause func(ctx app.Context)
	OnStep  func(ctx app.Context)
	OnEnd   func(ctx app.Context)
	OnReset func(ctx app.Context)
	OnUndo  func(ctx app.Context)
	OnRedo  func(ctx app.Context)
	OnSpeed func(ctx app.Context, speed int)
	// OnJump runs the clock to a typed time; it returns an error, in
	// words, when the text is not a date and time.
	OnJump func(ctx app.Context, text string) error
}

// actions are the bar's actions, never nil.
func (c *ClockBar) actions() *ClockActions {
	if c.Actions == nil {
		return &ClockActions{}
	}
	return c.Actions
}

// Render implements app.Composer.
func (c *ClockBar) Render() app.UI {
	speeds := simulate.Speeds()
	jump := c.jump
	if jump == "" {
		jump = c.Local
	}
	busy := c.Playing || c.Running
	a := c.actions()
	return elc("div", "clock-bar").
		Role("toolbar").
		Aria("label", i18n.T(c.Lang, "board.clock.label")).
		Body(
			elc("div", "clock-bar__time").Body(
				app.Raw(iconClock),
				app.Elem("div").Body(
					elc("time", "clock-bar__clock").
						DataSet("clock", c.Now).
						Attr("datetime", c.Now).
						Aria("live", "polite").
						Text(c.Label),
					divText("clock-bar__next", c.nextText()),
				),
			),
			elc("div", "clock-bar__group").Body(
				c.button("reset", iconReset, "board.clock.reset", busy, a.OnReset),
				app.If(c.Playing, func() app.UI {
					return c.primary("pause", iconPause, "board.clock.pause", false, a.OnPause)
				}).Else(func() app.UI {
					return c.primary("play", iconPlay, "board.clock.play", c.Running || !c.CanStep, a.OnPlay)
				}),
				c.button("step", iconStep, "board.clock.step", busy || !c.CanStep, a.OnStep),
				c.button("end", iconEnd, "board.clock.end", busy || !c.CanStep, a.OnEnd),
			),
			elc("label", "clock-bar__speed").Body(
				spanc("clock-bar__caption", i18n.T(c.Lang, "board.clock.speed")),
				elct("select", "clock-bar__select", "clock-speed").
					OnChange(c.onSpeed).
					Body(app.Range(speeds).Slice(func(i int) app.UI {
						return app.Elem("option").
							Attr("value", strconv.Itoa(i)).
							Attr("selected", i == c.Speed).
							Text(i18n.T(c.Lang, speeds[i].Key))
					})),
			),
			elc("form", "clock-bar__jump").OnSubmit(c.onJump).Body(
				app.Elem("label").Body(
					spanc("clock-bar__caption", i18n.T(c.Lang, "board.clock.jumpTo")),
					app.ElemSelfClosing("input").
						Attr("type", "text").
						Class(c.inputClass()).
						DataSet("testid", "clock-jump-input").
						Attr("placeholder", i18n.T(c.Lang, "board.clock.jumpPlaceholder")).
						Title(i18n.F(c.Lang, "board.clock.jumpHint", "example", c.Local)).
						Attr("autocomplete", "off").
						Spellcheck(false).
						Aria("invalid", strconv.FormatBool(c.jumpErr != "")).
						Aria("describedby", c.describedBy()).
						Attr("value", jump).
						OnChange(c.onJumpInput).
						OnInput(c.onJumpInput),
				),
				app.Elem("button").
					Attr("type", "submit").
					Class("button").
					DataSet("testid", "clock-jump").
					Attr("disabled", busy).
					Text(i18n.T(c.Lang, "board.clock.jump")),
			),
			elc("div", "clock-bar__group clock-bar__group--history").Body(
				c.button("undo", iconUndo, "board.clock.undo", busy || !c.CanUndo, a.OnUndo),
				c.button("redo", iconRedo, "board.clock.redo", busy || !c.CanRedo, a.OnRedo),
			),
			app.If(c.jumpErr != "", func() app.UI {
				return app.Elem("p").
					ID("clock-jump-error").
					Class("clock-bar__error").
					Role("alert").
					DataSet("testid", "clock-jump-error").
					Text(c.jumpErr)
			}),
			app.If(c.Running || c.Playing, func() app.UI {
				return elc("div", "clock-bar__progress").
					Role("progressbar").
					Aria("label", i18n.T(c.Lang, "board.clock.progress")).
					Aria("valuemin", "0").
					Aria("valuemax", "100").
					Aria("valuenow", strconv.Itoa(c.Progress)).
					Body(elc("div", "clock-bar__progress-fill").
						Style("width", strconv.Itoa(c.Progress)+"%"))
			}),
		)
}

func (c *ClockBar) nextText() string {
	if c.Next == "" {
		return i18n.T(c.Lang, "board.clock.nothing")
	}
	return i18n.T(c.Lang, "board.clock.next") + " " + c.Next
}

func (c *ClockBar) button(id, icon, key string, disabled bool, h func(app.Context)) app.UI {
	return buttonc("button button--icon").
		DataSet("testid", "clock-"+id).
		Title(i18n.T(c.Lang, key)).
		Aria("label", i18n.T(c.Lang, key)).
		Attr("disabled", disabled).
		OnClick(func(ctx app.Context, e app.Event) {
			if h != nil {
				h(ctx)
			}
		}).
		Body(app.Raw(icon))
}

func (c *ClockBar) primary(id, icon, key string, disabled bool, h func(app.Context)) app.UI {
	return buttonc("button button--primary").
		DataSet("testid", "clock-"+id).
		Aria("label", i18n.T(c.Lang, key)).
		Attr("disabled", disabled).
		OnClick(func(ctx app.Context, e app.Event) {
			if h != nil {
				h(ctx)
			}
		}).
		Body(
			app.Raw(icon),
			spanText(i18n.T(c.Lang, key)),
		)
}

func (c *ClockBar) onSpeed(ctx app.Context, e app.Event) {
	n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || c.actions().OnSpeed == nil {
		return
	}
	c.actions().OnSpeed(ctx, n)
}

func (c *ClockBar) inputClass() string {
	if c.jumpErr != "" {
		return "clock-bar__input clock-bar__input--jump clock-bar__input--invalid"
	}
	return "clock-bar__input clock-bar__input--jump"
}

func (c *ClockBar) describedBy() string {
	if c.jumpErr != "" {
		return "clock-jump-error"
	}
	return ""
}

func (c *ClockBar) onJumpInput(ctx app.Context, e app.Event) {
	c.jump = ctx.JSSrc().Get("value").String()
	if e.Get("type").String() == "input" {
		c.jumpErr = ""
	}
}

func (c *ClockBar) onJump(ctx app.Context, e app.Event) {
	e.PreventDefault()
	c.submitJump(ctx)
}

// submitJump reports the typed time, or the current one when none was
// typed. A text that is not a time stays in the field with the error
// under it, so the person can correct it.
func (c *ClockBar) submitJump(ctx app.Context) {
	v := c.jump
	if v == "" {
		v = c.Local
	}
	if c.actions().OnJump == nil {
		return
	}
	if err := c.actions().OnJump(ctx, v); err != nil {
		c.jump, c.jumpErr = v, err.Error()
		return
	}
	c.jump, c.jumpErr = "", ""
}

// The clock bar's icons: small inline SVGs, so they look the same on every
// system (emoji and media-control glyphs are missing from many fonts).
const (
	svgOpen   = `<svg class="clock-bar__svg" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">`
	iconPlay  = svgOpen + `<path d="M4 2.5v11l9-5.5z" fill="currentColor"/></svg>`
	iconPause = svgOpen + `<path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor"/></svg>`
	iconStep  = svgOpen + `<path d="M3 2.5v11l7-5.5z M11 2.5h2v11h-2z" fill="currentColor"/></svg>`
	iconEnd   = svgOpen + `<path d="M1.5 2.5v11l6.5-5.5z M8 2.5v11l6.5-5.5z" fill="currentColor"/></svg>`
	iconReset = svgOpen + `<path d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M1.5 2.5h4v4z" fill="currentColor"/></svg>`
	iconUndo  = svgOpen + `<path d="M5 5h5a4 4 0 0 1 0 8H6" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M1.5 5 5.5 1.5v7z" fill="currentColor"/></svg>`
	iconRedo  = svgOpen + `<path d="M11 5H6a4 4 0 0 0 0 8h4" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M14.5 5 10.5 1.5v7z" fill="currentColor"/></svg>`
	iconClock = `<svg class="clock-bar__icon" viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10" fill="#e5f6fd" stroke="#2fc6f6" stroke-width="2"/><path d="M12 6.5V12l4 2.5" fill="none" stroke="#11a9d9" stroke-width="2" stroke-linecap="round"/></svg>`
)
