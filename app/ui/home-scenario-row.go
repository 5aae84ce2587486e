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
	openLabel := i18n.F(lang, "home.openLabel", "title", title)
	open := func(ctx app.Context, e app.Event) { r.call(ctx, r.OnOpen) }
	var main app.UI
	if r.editing {
		main = r.renderEditor(lang)
	} else {
		main = homeScenarioRowTitleView.el(lang, openLabel, open, title)
	}
	return homeScenarioRowView.el(lang,
		class, r.ID, main, meta,
		i18n.F(lang, "home.actionsLabel", "title", title),
		openLabel, open,
		i18n.F(lang, "home.simulateLabel", "title", title),
		func(ctx app.Context, e app.Event) { r.call(ctx, r.OnSimulate) },
		func(ctx app.Context, e app.Event) { r.call(ctx, r.OnDuplicate) },
		func(ctx app.Context, e app.Event) { r.onStartRename(ctx) },
		func(ctx app.Context, e app.Event) { r.call(ctx, r.OnExport) },
		func(ctx app.Context, e app.Event) { r.call(ctx, r.OnShare) },
		func(ctx app.Context, e app.Event) { r.call(ctx, r.OnDelete) })
}

// A scenario's row: its title or the rename form, when it was saved and
// its actions.
var homeScenarioRowView = &view{name: "home-scenario-row", src: `
<li class={0} data-scenario={1}>
	<div class="home-row__main">
		{2}
		<div class="home-row__meta">{3}</div>
	</div>
	<div class="home-row__actions" role="group" aria-label={4}>
		<button type="button" class="button button--primary" data-testid="open" aria-label={5} @click={6}>{t:home.open}</button>
		<button type="button" class="button" data-testid="simulate" aria-label={7} @click={8}>{t:home.simulate}</button>
		<button type="button" class="button" data-testid="duplicate" @click={9}>{t:home.duplicate}</button>
		<button type="button" class="button" data-testid="rename" @click={10}>{t:home.rename}</button>
		<button type="button" class="button" data-testid="export" @click={11}>{t:home.export}</button>
		<button type="button" class="button" data-testid="share" title={t:home.shareHint} @click={12}>{t:home.share}</button>
		<button type="button" class="button button--danger" data-testid="delete" @click={13}>{t:home.delete}</button>
	</div>
</li>`}

// A scenario's title, which opens it.
var homeScenarioRowTitleView = &view{name: "home-scenario-row-title", src: `
<button type="button" class="home-row__title" data-testid="row-title" title={0} @click={1}>{2}</button>`}

// The form that renames a scenario in place.
var homeScenarioRowRenameView = &view{name: "home-scenario-row-rename", src: `
<form class="home-row__rename" @submit={0}>
	<input type="text" class="home-row__input" data-testid="rename-input" aria-label={t:home.titleLabel} value={1} autofocus maxlength="200" @input={2} @keydown={3} />
	<button type="submit" class="button button--primary" data-testid="rename-save">{t:home.save}</button>
	<button type="button" class="button" data-testid="rename-cancel" @click={4}>{t:home.cancel}</button>
</form>`}

func (r *HomeScenarioRow) renderEditor(lang string) app.UI {
	return homeScenarioRowRenameView.el(lang,
		func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			r.onCommit(ctx)
		},
		r.draft,
		func(ctx app.Context, e app.Event) {
			r.draft = ctx.JSSrc().Get("value").String()
			ctx.PreventUpdate()
		},
		func(ctx app.Context, e app.Event) {
			if e.Get("key").String() == "Escape" {
				r.editing = false
			}
		},
		func(ctx app.Context, e app.Event) { r.editing = false })
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
