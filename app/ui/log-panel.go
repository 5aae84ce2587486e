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
	return app.Section().Class("log-panel").DataSet("testid", "log").Body(
		app.Div().Class("log-panel__filters").Body(
			app.Select().Class("form__input log-panel__filter").Aria("label", i18n.T(p.Lang, "board.logp.type")).
				DataSet("testid", "log-type").
				OnChange(func(ctx app.Context, e app.Event) { p.emit(ctx, "type", ctx.JSSrc().Get("value").String()) }).
				Body(
					app.Option().Value("").Selected(p.Type == "").Text(i18n.T(p.Lang, "board.logp.allTypes")),
					app.Range(types).Slice(func(i int) app.UI {
						return app.Option().Value(types[i]).Selected(types[i] == p.Type).Text(simulate.TypeName(types[i], p.Lang))
					}),
				),
			app.Select().Class("form__input log-panel__filter").Aria("label", i18n.T(p.Lang, "board.logp.target")).
				DataSet("testid", "log-target").
				OnChange(func(ctx app.Context, e app.Event) { p.emit(ctx, "target", ctx.JSSrc().Get("value").String()) }).
				Body(
					app.Option().Value("").Selected(p.Target == "").Text(i18n.T(p.Lang, "board.logp.allTargets")),
					app.Range(p.Targets).Slice(func(i int) app.UI {
						return app.Option().Value(p.Targets[i]).Selected(p.Targets[i] == p.Target).Text(p.Targets[i])
					}),
				),
			app.Input().Type("search").Class("form__input log-panel__search").
				Aria("label", i18n.T(p.Lang, "board.logp.text")).
				Placeholder(i18n.T(p.Lang, "board.logp.text")).
				DataSet("testid", "log-text").
				Value(p.Text).
				OnInput(func(ctx app.Context, e app.Event) { p.emit(ctx, "text", ctx.JSSrc().Get("value").String()) }),
		),
		app.P().Class("log-panel__count").Text(i18n.T(p.Lang, "board.logp.shown")+" "+strconv.Itoa(len(p.Lines))+" / "+strconv.Itoa(p.Total)),
		app.Ol().Class("log-panel__list").Body(
			app.Range(p.Lines).Slice(func(i int) app.UI {
				l := p.Lines[i]
				_, cls := markOf(l)
				return app.Li().Class("log-panel__line log-panel__line--"+cls).DataSet("type", l.Type).Body(
					app.Span().Class("log-panel__time").Text(simulate.FormatShort(l.At, p.Lang)),
					app.Span().Class("log-panel__type").Text(simulate.TypeName(l.Type, p.Lang)),
					app.Span().Class("log-panel__text").Text(l.Text),
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
