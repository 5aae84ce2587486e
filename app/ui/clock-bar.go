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
	var play, jumpErr, progress app.UI
	if c.Playing {
		play = c.primary("pause", iconPause, "board.clock.pause", false, a.OnPause)
	} else {
		play = c.primary("play", iconPlay, "board.clock.play", c.Running || !c.CanStep, a.OnPlay)
	}
	speedOpts := make([]app.UI, len(speeds))
	for i, s := range speeds {
		speedOpts[i] = option(strconv.Itoa(i), i == c.Speed, i18n.T(c.Lang, s.Key))
	}
	if c.jumpErr != "" {
		jumpErr = clockBarErrorView.el(c.Lang, app.Text(c.jumpErr))
	}
	if c.Running || c.Playing {
		p := strconv.Itoa(c.Progress)
		progress = clockBarProgressView.el(c.Lang, p, "width:"+p+"%")
	}
	// The texts come in as text nodes, not strings: the board renders the
	// bar often, and a string hole costs an allocation more.
	return clockBarView.el(c.Lang, app.Raw(iconClock), c.Now, app.Text(c.Label), app.Text(c.nextText()),
		c.button("reset", iconReset, "board.clock.reset", busy, a.OnReset),
		play,
		c.button("step", iconStep, "board.clock.step", busy || !c.CanStep, a.OnStep),
		c.button("end", iconEnd, "board.clock.end", busy || !c.CanStep, a.OnEnd),
		c.onSpeed, speedOpts,
		c.onJump, c.inputClass(), i18n.F(c.Lang, "board.clock.jumpHint", "example", c.Local),
		strconv.FormatBool(c.jumpErr != ""), c.describedBy(), jump, c.onJumpInput, busy,
		c.button("undo", iconUndo, "board.clock.undo", busy || !c.CanUndo, a.OnUndo),
		c.button("redo", iconRedo, "board.clock.redo", busy || !c.CanRedo, a.OnRedo),
		jumpErr, progress)
}

// clockBarView is the bar: the clock ({1} is Now, the data-clock test
// hook and the time's datetime), the play group, speed, the «jump to»
// form, undo/redo, the jump's error and the progress of a long run.
var clockBarView = &view{name: "clock-bar", src: `
<div class="clock-bar" role="toolbar" aria-label={t:board.clock.label}>
	<div class="clock-bar__time">
		{0}
		<div>
			<time class="clock-bar__clock" data-clock={1} datetime={1} aria-live="polite">{2}</time>
			<div class="clock-bar__next">{3}</div>
		</div>
	</div>
	<div class="clock-bar__group">{4}{5}{6}{7}</div>
	<label class="clock-bar__speed">
		<span class="clock-bar__caption">{t:board.clock.speed}</span>
		<select class="clock-bar__select" data-testid="clock-speed" @change={8}>{9}</select>
	</label>
	<form class="clock-bar__jump" @submit={10}>
		<label>
			<span class="clock-bar__caption">{t:board.clock.jumpTo}</span>
			<input type="text" class={11} data-testid="clock-jump-input" placeholder={t:board.clock.jumpPlaceholder}
				title={12} autocomplete="off" spellcheck="false" aria-invalid={13} aria-describedby={14}
				value={15} @change={16} @input={16} />
		</label>
		<button type="submit" class="button" data-testid="clock-jump" disabled={17}>{t:board.clock.jump}</button>
	</form>
	<div class="clock-bar__group clock-bar__group--history">{18}{19}</div>
	{20}
	{21}
</div>`}

// clockBarErrorView is why the typed time was refused; the input's
// aria-describedby points at it.
var clockBarErrorView = &view{name: "clock-bar-error", src: `
<p id="clock-jump-error" class="clock-bar__error" role="alert" data-testid="clock-jump-error">{0}</p>`}

// clockBarProgressView is the progress of a long run: {0} is the percent,
// {1} the fill's style (its width).
var clockBarProgressView = &view{name: "clock-bar-progress", src: `
<div class="clock-bar__progress" role="progressbar" aria-label={t:board.clock.progress}
	aria-valuemin="0" aria-valuemax="100" aria-valuenow={0}>
	<div class="clock-bar__progress-fill" style={1}></div>
</div>`}

func (c *ClockBar) nextText() string {
	if c.Next == "" {
		return i18n.T(c.Lang, "board.clock.nothing")
	}
	return i18n.T(c.Lang, "board.clock.next") + " " + c.Next
}

func (c *ClockBar) button(id, icon, key string, disabled bool, h func(app.Context)) app.UI {
	return clockBarButtonView.el(c.Lang, "clock-"+id, i18n.T(c.Lang, key), disabled, func(ctx app.Context, e app.Event) {
		if h != nil {
			h(ctx)
		}
	}, app.Raw(icon))
}

// clockBarButtonView is a control shown as its icon ({4}), named by its
// title and label ({1}).
var clockBarButtonView = &view{name: "clock-bar-button", src: `
<button type="button" class="button button--icon" data-testid={0} title={1} aria-label={1} disabled={2} @click={3}>{4}</button>`}

func (c *ClockBar) primary(id, icon, key string, disabled bool, h func(app.Context)) app.UI {
	return clockBarPrimaryView.el(c.Lang, "clock-"+id, i18n.T(c.Lang, key), disabled, func(ctx app.Context, e app.Event) {
		if h != nil {
			h(ctx)
		}
	}, app.Raw(icon))
}

// clockBarPrimaryView is play or pause: its icon ({4}) and its words
// ({1}, also its label).
var clockBarPrimaryView = &view{name: "clock-bar-primary", src: `
<button type="button" class="button button--primary" data-testid={0} aria-label={1} disabled={2} @click={3}>
	{4}
	<span>{1}</span>
</button>`}

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
