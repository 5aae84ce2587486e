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
	return p.frame(p.Tab, "narration-page", p.onLangChange,
		p.toolbar(i18n.T(lang, "teach.narrate.title"), p.title),
		elc("div", "narration-page__stage").OnKeyDown(p.onKey).Body(
			elct("p", "narration-page__event", "narration-event").Text(p.narr.Title),
			app.If(over, func() app.UI {
				return elc("div", "narration-page__step narration-page__step--info").Role("status").DataSet("testid", "narration-step").
					Body(pc("narration-page__text", i18n.T(lang, "teach.narrate.end")))
			}).Else(func() app.UI {
				return elc("div", "narration-page__step narration-page__step--"+cur.Tone).
					Role("status").
					Aria("live", "polite").
					DataSet("testid", "narration-step").
					DataSet("kind", cur.Kind).
					Body(
						pc("narration-page__text", cur.Text),
						app.If(cur.Reason != "", func() app.UI {
							return pc("narration-page__reason", cur.Reason)
						}),
					)
			}),
			elc("div", "narration-page__controls").Body(
				buttonc("button").DataSet("testid", "narration-prev").
					Attr("disabled", p.step == 0).OnClick(p.onPrev).Body(iconText("left", i18n.T(lang, "teach.narrate.prev"))...),
				buttonc("button button--primary button--big").DataSet("testid", "narration-next").
					Attr("disabled", last || over).OnClick(p.onNext).Body(iconTextAfter(nextLabel, "right")...),
				elct("span", "narration-page__counter", "narration-counter").
					Text(i18n.F(lang, "teach.narrate.stepOf", "n", shown+1, "total", len(steps))),
				buttonc("button button--quiet").DataSet("testid", "narration-restart").
					OnClick(p.onRestart).Body(iconText("restart", i18n.T(lang, "teach.narrate.restart"))...),
			),
		),
		elc("div", "narration-page__boards").Body(
			app.Range(p.narr.Lanes).Slice(func(i int) app.UI {
				lane := p.narr.Lanes[i]
				return teachBoard(lang, p.sc, lane, p.narr.Cards(lane, shown), lit)
			}),
		),
		elc("ol", "narration-page__steps").Aria("label", i18n.T(lang, "teach.narrate.steps")).Body(
			app.Range(steps).Slice(func(i int) app.UI {
				cls := "narration-page__item narration-page__item--" + steps[i].Tone
				if i > shown {
					cls += " narration-page__item--later"
				}
				li := elcText("li", cls, steps[i].Text)
				if i == shown {
					li = elc("li", cls+" narration-page__item--current").Aria("current", "step").Text(steps[i].Text)
				}
				return li
			}),
		),
		teachPicker(lang, "/narrate"),
	)
}
