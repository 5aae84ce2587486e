package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// logLimit is how many log lines the panel renders.
const logLimit = 200

// LogPanel is the whole simulation log, newest first, with filters by
// entry type, target and text. The parent computes Lines from the filter
// it receives through OnFilter.
type LogPanel struct {
	app.Compo

	Lang    string
	Type    string
	Target  string
	Text    string
	Targets []string
	Lines   []simulate.Line
	Total   int

	OnFilter func(ctx app.Context, f simulate.Filter)
}

// Render implements app.Composer.
func (p *LogPanel) Render() app.UI {
	types := simulate.LogTypes()
	return elct("section", "log-panel", "log").Body(
		elc("div", "log-panel__filters").Body(
			elc("select", "form__input log-panel__filter").Aria("label", i18n.T(p.Lang, "board.logp.type")).
				DataSet("testid", "log-type").
				OnChange(func(ctx app.Context, e app.Event) { p.emit(ctx, "type", ctx.JSSrc().Get("value").String()) }).
				Body(
					app.Elem("option").Attr("value", "").Attr("selected", p.Type == "").Text(i18n.T(p.Lang, "board.logp.allTypes")),
					app.Range(types).Slice(func(i int) app.UI {
						return app.Elem("option").Attr("value", types[i]).Attr("selected", types[i] == p.Type).Text(simulate.TypeName(types[i], p.Lang))
					}),
				),
			elc("select", "form__input log-panel__filter").Aria("label", i18n.T(p.Lang, "board.logp.target")).
				DataSet("testid", "log-target").
				OnChange(func(ctx app.Context, e app.Event) { p.emit(ctx, "target", ctx.JSSrc().Get("value").String()) }).
				Body(
					app.Elem("option").Attr("value", "").Attr("selected", p.Target == "").Text(i18n.T(p.Lang, "board.logp.allTargets")),
					app.Range(p.Targets).Slice(func(i int) app.UI {
						return app.Elem("option").Attr("value", p.Targets[i]).Attr("selected", p.Targets[i] == p.Target).Text(p.Targets[i])
					}),
				),
			app.ElemSelfClosing("input").Attr("type", "search").Class("form__input log-panel__search").
				Aria("label", i18n.T(p.Lang, "board.logp.text")).
				Attr("placeholder", i18n.T(p.Lang, "board.logp.text")).
				DataSet("testid", "log-text").
				Attr("value", p.Text).
				OnInput(func(ctx app.Context, e app.Event) { p.emit(ctx, "text", ctx.JSSrc().Get("value").String()) }),
		),
		pc("log-panel__count", i18n.T(p.Lang, "board.logp.shown")+" "+strconv.Itoa(len(p.Lines))+" / "+strconv.Itoa(p.Total)),
		elc("ol", "log-panel__list").Body(
			app.Range(p.Lines).Slice(func(i int) app.UI {
				l := p.Lines[i]
				_, cls := markOf(l)
				return elc("li", "log-panel__line log-panel__line--"+cls).DataSet("type", l.Type).Body(
					spanc("log-panel__time", simulate.FormatShort(l.At, p.Lang)),
					spanc("log-panel__type", simulate.TypeName(l.Type, p.Lang)),
					spanc("log-panel__text", l.Text),
				)
			}),
		),
	)
}

func (p *LogPanel) emit(ctx app.Context, what, v string) {
	f := simulate.Filter{Type: p.Type, Target: p.Target, Text: p.Text}
	switch what {
	case "type":
		f.Type = v
	case "target":
		f.Target = v
	case "text":
		f.Text = v
	}
	if p.OnFilter != nil {
		p.OnFilter(ctx, f)
	}
}
