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

// logPanelView is the log panel: its filters, the count of lines shown
// and the lines.
var logPanelView = &view{name: "log-panel", src: `
<section class="log-panel" data-testid="log">
	<div class="log-panel__filters">
		<select class="form__input log-panel__filter" aria-label={t:board.logp.type} data-testid="log-type" @change={0}>
			<option value="" selected={1}>{t:board.logp.allTypes}</option>
			{2}
		</select>
		<select class="form__input log-panel__filter" aria-label={t:board.logp.target} data-testid="log-target" @change={3}>
			<option value="" selected={4}>{t:board.logp.allTargets}</option>
			{5}
		</select>
		<input type="search" class="form__input log-panel__search" aria-label={t:board.logp.text}
			placeholder={t:board.logp.text} data-testid="log-text" value={6} @input={7} />
	</div>
	<p class="log-panel__count">{8}</p>
	<ol class="log-panel__list">{9}</ol>
</section>`}

// logPanelLineView is one line of the log.
var logPanelLineView = &view{name: "log-panel-line", src: `
<li class={0} data-type={1}>
	<span class="log-panel__time">{2}</span>
	<span class="log-panel__type">{3}</span>
	<span class="log-panel__text">{4}</span>
</li>`}

// Render implements app.Composer.
func (p *LogPanel) Render() app.UI {
	types := simulate.LogTypes()
	typeOpts := make([]app.UI, len(types))
	for i, t := range types {
		typeOpts[i] = option(t, t == p.Type, simulate.TypeName(t, p.Lang))
	}
	// An empty list stays nil: a nil slice in a hole costs no allocation.
	var targetOpts, lines []app.UI
	if len(p.Targets) > 0 {
		targetOpts = make([]app.UI, len(p.Targets))
	}
	for i, t := range p.Targets {
		targetOpts[i] = option(t, t == p.Target, t)
	}
	if len(p.Lines) > 0 {
		lines = make([]app.UI, len(p.Lines))
	}
	for i, l := range p.Lines {
		_, cls := markOf(l)
		lines[i] = logPanelLineView.el(p.Lang, "log-panel__line log-panel__line--"+cls, l.Type,
			app.Text(simulate.FormatShort(l.At, p.Lang)), app.Text(simulate.TypeName(l.Type, p.Lang)), app.Text(l.Text))
	}
	return logPanelView.el(p.Lang,
		app.EventHandler(func(ctx app.Context, e app.Event) { p.emit(ctx, "type", ctx.JSSrc().Get("value").String()) }),
		p.Type == "", typeOpts,
		app.EventHandler(func(ctx app.Context, e app.Event) { p.emit(ctx, "target", ctx.JSSrc().Get("value").String()) }),
		p.Target == "", targetOpts,
		p.Text,
		app.EventHandler(func(ctx app.Context, e app.Event) { p.emit(ctx, "text", ctx.JSSrc().Get("value").String()) }),
		app.Text(i18n.T(p.Lang, "board.logp.shown")+" "+strconv.Itoa(len(p.Lines))+" / "+strconv.Itoa(p.Total)),
		lines)
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
