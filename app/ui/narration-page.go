package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
)

// NarrationPage is /narrate?lesson=ID or ?example=NAME (or the open
// scenario): the scenario plays one event at a time, and each event in
// steps — the event arrives, the item it reaches, each candidate trigger
// with its reason, the move, the robots — with "Next step", the current
// step in large type and its card, trigger and stage lit on the board.
type NarrationPage struct {
	app.Compo
	teachChrome

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	sc    *engine.Scenario
	title string
	walk  *teach.Walk
	narr  teach.Narration
	step  int
	err   string
}

// OnNav loads the scenario and goes to the event and step of the address
// (the first event's first step without one), so a reload or a copied
// address keeps the presenter's place.
func (p *NarrationPage) OnNav(ctx app.Context) {
	p.mountChrome(ctx, p.Tab)
	p.sc, p.title = teachScenario(p.Tab.Session, ctx.Page().URL().Query().Get)
	p.restart()
	if p.walk != nil && p.place.Event > 1 {
		for p.walk.Count() < p.place.Event && p.walk.Next() {
		}
		p.narr = p.walk.Narration(p.currentLang())
	}
	if p.walk != nil && p.place.Event > 0 {
		p.step = min(p.place.Step, len(p.narr.Steps))
	}
	p.syncPlace(ctx)
	markShown(ctx, route.Narrate, p.place.Lesson)
}

// syncPlace writes the current event and step into the address.
func (p *NarrationPage) syncPlace(ctx app.Context) {
	if p.walk == nil {
		return
	}
	p.place.Event, p.place.Step = max(p.walk.Count(), 1), p.step
	showPlace(ctx, p.place)
}

func (p *NarrationPage) restart() {
	p.walk, p.narr, p.step, p.err = nil, teach.Narration{}, 0, ""
	if p.sc == nil {
		return
	}
	w, err := teach.NewWalk(p.sc)
	if err != nil {
		p.err = err.Error()
		return
	}
	p.walk = w
	if w.Next() {
		p.narr = w.Narration(p.currentLang())
	}
}

func (p *NarrationPage) onLangChange(ctx app.Context, lang string) {
	p.changeLang(ctx, lang)
	if p.walk != nil && p.walk.Count() > 0 {
		p.narr = p.walk.Narration(p.currentLang())
	}
}

func (p *NarrationPage) onNext(ctx app.Context, e app.Event) {
	if p.step < len(p.narr.Steps)-1 {
		p.step++
		p.syncPlace(ctx)
		return
	}
	p.onNextEvent(ctx, e)
}

func (p *NarrationPage) onPrev(ctx app.Context, e app.Event) {
	if p.step > 0 {
		p.step--
		p.syncPlace(ctx)
	}
}

func (p *NarrationPage) onNextEvent(ctx app.Context, e app.Event) {
	defer p.syncPlace(ctx)
	if p.walk == nil || !p.walk.Next() {
		p.step = len(p.narr.Steps) // past the end: the "over" message
		return
	}
	p.narr, p.step = p.walk.Narration(p.currentLang()), 0
}

func (p *NarrationPage) onRestart(ctx app.Context, e app.Event) {
	p.restart()
	p.syncPlace(ctx)
}

// onKey lets the presenter's clicker (arrow keys, space, page down) step.
func (p *NarrationPage) onKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "ArrowRight", "PageDown":
		p.onNext(ctx, e)
	case "ArrowLeft", "PageUp":
		p.onPrev(ctx, e)
	default:
		ctx.PreventUpdate()
	}
}

// Render implements app.Composer.
func (p *NarrationPage) Render() app.UI {
	lang := p.currentLang()
	if p.sc == nil || p.walk == nil {
		msg := i18n.T(lang, "teach.noScenario")
		if p.err != "" {
			msg = i18n.F(lang, "teach.error", "error", p.err)
		}
		return p.frame(p.Tab, "narration-page", p.onLangChange,
			p.toolbar(i18n.T(lang, "teach.narrate.title"), ""),
			&EmptyState{TestID: "narration-empty", Icon: "info", Heading: 2, Title: msg,
				ActionText: i18n.T(lang, "teach.toLessons"), ActionHref: "/lessons", ActionID: "narration-to-lessons",
				Extra: []app.UI{teachPicker(lang, "/narrate")}},
		)
	}
	steps := p.narr.Steps
	over := p.step >= len(steps)
	var cur teach.Step
	shown := p.step
	if over {
		shown = len(steps) - 1
	} else {
		cur = steps[p.step]
	}
	lit := teachLit{target: cur.Target, trigger: cur.Trigger, robot: cur.Robot, stage: cur.Stage}
	last := !p.walk.HasNext() && p.step >= len(steps)-1
	nextLabel := i18n.T(lang, "teach.narrate.next")
	if p.step >= len(steps)-1 && !last {
		nextLabel = i18n.T(lang, "teach.narrate.nextEvent")
	}
	var step app.UI
	if over {
		step = narrationEndView.el(lang)
	} else {
		var reason app.UI
		if cur.Reason != "" {
			reason = pc("narration-page__reason", cur.Reason)
		}
		step = narrationStepView.el(lang, "narration-page__step narration-page__step--"+cur.Tone, cur.Kind, cur.Text, reason)
	}
	boards := make([]app.UI, len(p.narr.Lanes))
	for i, lane := range p.narr.Lanes {
		boards[i] = teachBoard(lang, p.sc, lane, p.narr.Cards(lane, shown), lit)
	}
	items := make([]app.UI, len(steps))
	for i, st := range steps {
		cls := "narration-page__item narration-page__item--" + st.Tone
		if i > shown {
			cls += " narration-page__item--later"
		}
		if i == shown {
			items[i] = narrationCurrentView.el(lang, cls+" narration-page__item--current", st.Text)
		} else {
			items[i] = elcText("li", cls, st.Text)
		}
	}
	body := append([]app.UI{p.toolbar(i18n.T(lang, "teach.narrate.title"), p.title)},
		narrationView.els(lang,
			p.onKey, p.narr.Title, step,
			p.step == 0, p.onPrev, Icon("left"),
			last || over, p.onNext, nextLabel, Icon("right"),
			i18n.F(lang, "teach.narrate.stepOf", "n", shown+1, "total", len(steps)),
			p.onRestart, Icon("restart"),
			boards, items)...)
	return p.frame(p.Tab, "narration-page", p.onLangChange, append(body, teachPicker(lang, "/narrate"))...)
}

// The narration page's body: the stage with the event, its current step
// and the controls, the boards, and the event's steps in order.
var narrationView = &view{name: "narration", src: `
<div class="narration-page__stage" @keydown={0}>
	<p class="narration-page__event" data-testid="narration-event">{1}</p>
	{2}
	<div class="narration-page__controls">
		<button type="button" class="button" data-testid="narration-prev" disabled={3} @click={4}>{5}<span class="icon-text">{t:teach.narrate.prev}</span></button>
		<button type="button" class="button button--primary button--big" data-testid="narration-next" disabled={6} @click={7}><span class="icon-text">{8}</span>{9}</button>
		<span class="narration-page__counter" data-testid="narration-counter">{10}</span>
		<button type="button" class="button button--quiet" data-testid="narration-restart" @click={11}>{12}<span class="icon-text">{t:teach.narrate.restart}</span></button>
	</div>
</div>
<div class="narration-page__boards">{13}</div>
<ol class="narration-page__steps" aria-label={t:teach.narrate.steps}>{14}</ol>`}

// The current step of the narration: its text and the reason.
var narrationStepView = &view{name: "narration-step", src: `
<div class={0} role="status" aria-live="polite" data-testid="narration-step" data-kind={1}>
	<p class="narration-page__text">{2}</p>{3}
</div>`}

// The step shown past the last event's last step.
var narrationEndView = &view{name: "narration-end", src: `
<div class="narration-page__step narration-page__step--info" role="status" data-testid="narration-step">
	<p class="narration-page__text">{t:teach.narrate.end}</p>
</div>`}

// The current step in the list of the event's steps.
var narrationCurrentView = &view{name: "narration-current", src: `
<li class={0} aria-current="step">{1}</li>`}
