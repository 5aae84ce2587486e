package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// Timeline is the scenario's event script: each event with its time, code
// and target, the played ones marked. Events are added and deleted through
// the session (so the edit is validated, saved and undoable there).
type Timeline struct {
	app.Compo

	Lang string
	Rows []simulate.Row
	// Error is the reason the last edit was refused.
	Error string

	OnAdd    func(ctx app.Context)
	OnEdit   func(ctx app.Context, index int)
	OnDelete func(ctx app.Context, index int)
}

// timelineView is the event script: its head, the refused edit's reason,
// the note of an empty script and the events.
var timelineView = &view{name: "timeline", src: `
<section class="timeline" data-testid="timeline">
	<div class="timeline__head">
		<p class="timeline__hint">{t:board.timeline.hint}</p>
		<button type="button" class="button button--primary button--small" data-testid="timeline-add" @click={0}>{1}</button>
	</div>
	{2}
	{3}
	<ol class="timeline__list">{4}</ol>
</section>`}

// timelineErrorView is why the last edit was refused.
var timelineErrorView = &view{name: "timeline-error", src: `
<p class="form__error" role="alert">{0}</p>`}

// timelineEmptyView is the note of a script without events.
var timelineEmptyView = &view{name: "timeline-empty", src: `
<p class="timeline__empty">{t:board.timeline.empty}</p>`}

// timelineRowView is one event of the script, with its edit and delete
// buttons.
var timelineRowView = &view{name: "timeline-row", src: `
<li class={0} data-index={1}>
	<span class="timeline__dot" title={2} aria-label={2}></span>
	<div class="timeline__main">
		<div class="timeline__when">
			<span>{3}</span>
			<span class="timeline__raw">{4}</span>
		</div>
		<div class="timeline__what">
			<strong>{5}</strong>
			<span>{6}</span>
		</div>
		{7}
	</div>
	<button type="button" class="timeline__edit" aria-label={8} title={9} @click={10}>{11}</button>
	<button type="button" class="timeline__delete" aria-label={12} title={13} @click={14}>×</button>
</li>`}

// Render implements app.Composer.
func (t *Timeline) Render() app.UI {
	var errUI, empty app.UI
	if t.Error != "" {
		errUI = timelineErrorView.el(t.Lang, app.Text(t.Error))
	}
	if len(t.Rows) == 0 {
		empty = timelineEmptyView.el(t.Lang)
	}
	return timelineView.el(t.Lang,
		app.EventHandler(func(ctx app.Context, e app.Event) {
			if t.OnAdd != nil {
				t.OnAdd(ctx)
			}
		}),
		app.Text("+ "+i18n.T(t.Lang, "board.timeline.add")),
		errUI, empty, t.rows())
}

// rows are the script's events, the played ones marked.
func (t *Timeline) rows() []app.UI {
	if len(t.Rows) == 0 {
		return nil
	}
	// The texts every row repeats go into an any once: a string made an
	// any in the loop would cost an allocation a row.
	var pending, played any = i18n.T(t.Lang, "board.timeline.pending"), i18n.T(t.Lang, "board.timeline.played")
	edit, del := i18n.T(t.Lang, "board.timeline.edit"), i18n.T(t.Lang, "board.timeline.delete")
	var editTitle, delTitle any = edit, del
	out := make([]app.UI, len(t.Rows))
	for i, r := range t.Rows {
		var cls, state any = "timeline__row", pending
		if r.Played {
			cls, state = "timeline__row timeline__row--played", played
		}
		var data app.UI
		if r.Data != "" {
			data = divText("timeline__data", r.Data)
		}
		out[i] = timelineRowView.el(t.Lang, cls, r.Index, state,
			app.Text(simulate.FormatShort(r.At, t.Lang)), app.Text(r.Raw),
			app.Text(r.Name), app.Text(" → "+r.Target), data,
			edit+" — "+r.Name, editTitle,
			app.EventHandler(func(ctx app.Context, e app.Event) {
				if t.OnEdit != nil {
					t.OnEdit(ctx, r.Index)
				}
			}), Icon("pencil"),
			del+" — "+r.Name, delTitle,
			app.EventHandler(func(ctx app.Context, e app.Event) {
				if t.OnDelete != nil {
					t.OnDelete(ctx, r.Index)
				}
			}))
	}
	return out
}
