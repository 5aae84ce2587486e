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

// Render implements app.Composer.
func (t *Timeline) Render() app.UI {
	return elct("section", "timeline", "timeline").Body(
		elc("div", "timeline__head").Body(
			pc("timeline__hint", i18n.T(t.Lang, "board.timeline.hint")),
			buttonc("button button--primary button--small").DataSet("testid", "timeline-add").
				OnClick(func(ctx app.Context, e app.Event) {
					if t.OnAdd != nil {
						t.OnAdd(ctx)
					}
				}).Text("+ "+i18n.T(t.Lang, "board.timeline.add")),
		),
		app.If(t.Error != "", func() app.UI {
			return elc("p", "form__error").Role("alert").Text(t.Error)
		}),
		app.If(len(t.Rows) == 0, func() app.UI {
			return pc("timeline__empty", i18n.T(t.Lang, "board.timeline.empty"))
		}),
		elc("ol", "timeline__list").Body(
			app.Range(t.Rows).Slice(func(i int) app.UI {
				r := t.Rows[i]
				cls := "timeline__row"
				state := i18n.T(t.Lang, "board.timeline.pending")
				if r.Played {
					cls += " timeline__row--played"
					state = i18n.T(t.Lang, "board.timeline.played")
				}
				return elc("li", cls).DataSet("index", r.Index).Body(
					elc("span", "timeline__dot").Title(state).Aria("label", state),
					elc("div", "timeline__main").Body(
						elc("div", "timeline__when").Body(
							spanText(simulate.FormatShort(r.At, t.Lang)),
							spanc("timeline__raw", r.Raw),
						),
						elc("div", "timeline__what").Body(
							elText("strong", r.Name),
							spanText(" → "+r.Target),
						),
						app.If(r.Data != "", func() app.UI {
							return divText("timeline__data", r.Data)
						}),
					),
					buttonc("timeline__edit").
						Aria("label", i18n.T(t.Lang, "board.timeline.edit")+" — "+r.Name).
						Title(i18n.T(t.Lang, "board.timeline.edit")).
						OnClick(func(ctx app.Context, e app.Event) {
							if t.OnEdit != nil {
								t.OnEdit(ctx, r.Index)
							}
						}).Body(Icon("pencil")),
					buttonc("timeline__delete").
						Aria("label", i18n.T(t.Lang, "board.timeline.delete")+" — "+r.Name).
						Title(i18n.T(t.Lang, "board.timeline.delete")).
						OnClick(func(ctx app.Context, e app.Event) {
							if t.OnDelete != nil {
								t.OnDelete(ctx, r.Index)
							}
						}).Text("×"),
				)
			}),
		),
	)
}
