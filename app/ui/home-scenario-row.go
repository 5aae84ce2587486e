package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
)

// HomeScenarioRow is one of the user's scenarios on the home page: its
// title (renamed in place), when it was saved and its revision, and the
// actions on it. The title is rendered as text, never as HTML.
type HomeScenarioRow struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// ID, Title, Revision and Updated describe the stored scenario.
	ID       string
	Title    string
	Revision int
	Updated  time.Time
	// IsOpen marks the scenario open in this tab.
	IsOpen bool

	// Callbacks to the page, each with the scenario's ID.
	OnOpen      func(ctx app.Context, id string)
	OnSimulate  func(ctx app.Context, id string)
	OnDuplicate func(ctx app.Context, id string)
	OnRename    func(ctx app.Context, id, title string)
	OnDelete    func(ctx app.Context, id string)
	OnExport    func(ctx app.Context, id string)
	OnShare     func(ctx app.Context, id string)

	editing bool
	draft   string
}

// Render implements app.Composer.
func (r *HomeScenarioRow) Render() app.UI {
	lang := r.Lang
	title := r.Title
	if strings.TrimSpace(title) == "" {
		title = i18n.T(lang, "home.untitled")
	}
	class := "home-row"
	if r.IsOpen {
		class += " home-row--open"
	}
	meta := i18n.F(lang, "home.updated", "when", home.FormatUpdated(r.Updated, time.Now(), lang)) +
		" · " + i18n.F(lang, "home.revision", "revision", strconv.Itoa(r.Revision))
	return elc("li", class).
		DataSet("scenario", r.ID).
		Body(
			elc("div", "home-row__main").Body(
				app.If(r.editing, func() app.UI {
					return r.renderEditor(lang)
				}).Else(func() app.UI {
					return buttonc("home-row__title").
						DataSet("testid", "row-title").
						Title(i18n.F(lang, "home.openLabel", "title", title)).
						Text(title).
						OnClick(func(ctx app.Context, e app.Event) { r.call(ctx, r.OnOpen) })
				}),
				divText("home-row__meta", meta),
			),
			elc("div", "home-row__actions").
				Role("group").
				Aria("label", i18n.F(lang, "home.actionsLabel", "title", title)).
				Body(
					homeButton("primary", "open", i18n.T(lang, "home.open"), func(ctx app.Context) { r.call(ctx, r.OnOpen) }).
						Aria("label", i18n.F(lang, "home.openLabel", "title", title)),
					homeButton("", "simulate", i18n.T(lang, "home.simulate"), func(ctx app.Context) { r.call(ctx, r.OnSimulate) }).
						Aria("label", i18n.F(lang, "home.simulateLabel", "title", title)),
					homeButton("", "duplicate", i18n.T(lang, "home.duplicate"), func(ctx app.Context) { r.call(ctx, r.OnDuplicate) }),
					homeButton("", "rename", i18n.T(lang, "home.rename"), r.onStartRename),
					homeButton("", "export", i18n.T(lang, "home.export"), func(ctx app.Context) { r.call(ctx, r.OnExport) }),
					homeButton("", "share", i18n.T(lang, "home.share"), func(ctx app.Context) { r.call(ctx, r.OnShare) }).
						Title(i18n.T(lang, "home.shareHint")),
					homeButton("danger", "delete", i18n.T(lang, "home.delete"), func(ctx app.Context) { r.call(ctx, r.OnDelete) }),
				),
		)
}

func (r *HomeScenarioRow) renderEditor(lang string) app.UI {
	return elc("form", "home-row__rename").
		OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			r.onCommit(ctx)
		}).
		Body(
			app.ElemSelfClosing("input").
				Attr("type", "text").
				Class("home-row__input").
				DataSet("testid", "rename-input").
				Aria("label", i18n.T(lang, "home.titleLabel")).
				Attr("value", r.draft).
				Attr("autofocus", true).
				Attr("maxlength", 200).
				OnInput(func(ctx app.Context, e app.Event) {
					r.draft = ctx.JSSrc().Get("value").String()
					ctx.PreventUpdate()
				}).
				OnKeyDown(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Escape" {
						r.editing = false
					}
				}),
			app.Elem("button").Attr("type", "submit").Class("button button--primary").DataSet("testid", "rename-save").Text(i18n.T(lang, "home.save")),
			homeButton("", "rename-cancel", i18n.T(lang, "home.cancel"), func(ctx app.Context) { r.editing = false }),
		)
}

func (r *HomeScenarioRow) onStartRename(ctx app.Context) {
	r.editing, r.draft = true, r.Title
}

func (r *HomeScenarioRow) onCommit(ctx app.Context) {
	title := strings.TrimSpace(r.draft)
	r.editing = false
	if title == "" || title == r.Title || r.OnRename == nil {
		return
	}
	r.OnRename(ctx, r.ID, title)
}

func (r *HomeScenarioRow) call(ctx app.Context, fn func(ctx app.Context, id string)) {
	if fn != nil {
		fn(ctx, r.ID)
	}
}
