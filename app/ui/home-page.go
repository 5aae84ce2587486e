package ui

import (
	"context"
	"errors"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/export"
	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/share"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
)

// HomePage is the start page (/): the user's scenarios, newest first, with
// create, open, simulate, duplicate, rename, delete, download and link
// actions; imports from a file (picker or drop), pasted text, a share link
// or a Bitrix24 portal's pipelines; and the built-in examples in Russian and
// English. Every storage call runs in ctx.Async; an import that fails
// stores nothing and lists every problem with its JSON path.
type HomePage struct {
	app.Compo

	// Tab is the tab's shared state (session and header).
	Tab *Tab
	// Lang is the interface language.
	Lang string

	loading  bool
	loaded   bool
	metas    []storage.Meta
	listErr  string
	examples []home.Example

	dialog        string // "", "paste", "b24", "shared", "delete"
	deleteID      string
	deleteTitle   string
	notice        string // i18n key of the message above the list
	noticeArgs    []any  // its values by name, as i18n.F takes them
	noticeErr     bool
	importSource  string
	importErrs    []home.Problem
	dragging      bool
	shareTitle    string
	shareLink     string
	shareCopied   bool
	sharedData    []byte
	sharedSum     home.Summary
	sharedErr     string
	footerRefresh int
	cancel        func()
	onHash        app.Func
	// guard asks before leaving an open scenario with unsaved edits.
	guard unsavedGuard
	// batch is the per-file outcome of importing several files at once.
	batch *home.Batch
}

// Dialog kinds of the home page.
const (
	homeDlgPaste  = "paste"
	homeDlgB24    = "b24"
	homeDlgCal    = "calibrate" // home-calibrate-dialog.go
	homeDlgShared = "shared"
	homeDlgDelete = "delete"
)

// OnInit takes the built-in examples (a generated table, no JSON read) so
// that the first render in the browser has them: the home page is then
// rendered once when it starts, not once without its examples and again
// with them. The server's page keeps the list out, as before.
func (p *HomePage) OnInit() {
	if app.IsClient {
		p.examples = home.Examples()
	}
}

// OnMount lists the scenarios, follows the store's changes (this tab's and
// other tabs'), and offers the scenario of a share link. What it changes
// on screen comes later (the list, read off the UI goroutine, or the
// share dialog), so mounting alone renders nothing again.
func (p *HomePage) OnMount(ctx app.Context) {
	dialog := p.dialog
	p.reload(ctx)
	p.cancel = p.Tab.Session.Subscribe(func(e tabstore.Event) {
		switch e.Kind {
		case tabstore.Saved, tabstore.Deleted, tabstore.Remote:
			ctx.Dispatch(func(ctx app.Context) { p.reload(ctx) })
		}
	})
	p.checkHash(ctx)
	// A share link pasted into the address bar of an open app changes
	// only the fragment: the page stays, so listen for it.
	if app.IsClient {
		p.onHash = app.FuncOf(func(app.Value, []app.Value) any {
			ctx.Dispatch(p.checkHash)
			return nil
		})
		app.Window().Call("addEventListener", "hashchange", p.onHash)
	}
	if p.dialog == dialog {
		ctx.PreventUpdate()
	}
}

// checkHash offers the scenario of a share link in the address.
func (p *HomePage) checkHash(ctx app.Context) {
	if frag := homeLocationHash(); strings.HasPrefix(frag, share.Prefix) {
		p.openShared(ctx, frag)
	}
}

// OnDismount stops following the store.
func (p *HomePage) OnDismount() {
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	if p.onHash != nil {
		app.Window().Call("removeEventListener", "hashchange", p.onHash)
		p.onHash.Release()
		p.onHash = nil
	}
}

// reload reads the list of scenarios.
func (p *HomePage) reload(ctx app.Context) {
	p.loading = true
	sess := p.Tab.Session
	ctx.Async(func() {
		metas, err := sess.List(context.Background())
		ctx.Dispatch(func(ctx app.Context) {
			p.loading, p.loaded = false, true
			p.footerRefresh++
			if err != nil {
				p.listErr = err.Error()
				return
			}
			p.listErr, p.metas = "", home.SortRecent(metas)
		})
	})
}

// Render implements app.Composer.
func (p *HomePage) Render() app.UI {
	lang := p.Lang
	class := "home-page"
	if p.dragging {
		class += " home-page--dragging"
	}
	var count, report, batch, drop app.UI
	if p.loaded {
		count = homePageCountView.el(lang, home.Count(lang, len(p.metas), "scenario"))
	}
	if len(p.importErrs) > 0 {
		report = &HomeImportReport{
			Lang:    lang,
			Files:   []home.FileOutcome{{Name: p.importSource, Done: true, Problems: p.importErrs}},
			OnClose: func(ctx app.Context) { p.importErrs = nil },
		}
	}
	if p.batch != nil {
		batch = &HomeImportReport{Lang: lang, Batch: true, Files: append([]home.FileOutcome(nil), p.batch.Files...), OnClose: func(ctx app.Context) { p.batch = nil }}
	}
	if p.dragging {
		drop = homePageDropView.el(lang)
	}
	return homePageView.el(lang, class, boolAttr(p.loaded), p.onDragOver, p.onDragLeave, p.onDrop,
		count,
		p.renderToolbar(lang),
		p.renderNotice(lang),
		report,
		batch,
		p.renderList(lang),
		p.renderExamples(lang),
		&HomeFooter{Tab: p.Tab, Lang: lang, Refresh: p.footerRefresh},
		drop,
		p.renderDialog(lang),
		p.guard.render(lang),
	)
}

// homePageView is the page: the title and the count {5}, then its parts.
var homePageView = &view{name: "home-page", src: `
<section class={0} data-loaded={1} @dragover={2} @dragleave={3} @drop={4}>
	<div class="home-page__head">
		<h1 class="home-page__title">{t:home.title}</h1>
		{5}
	</div>
	{6}{7}{8}{9}{10}{11}{12}{13}{14}{15}
</section>`}

// homePageCountView is how many scenarios there are.
var homePageCountView = &view{name: "home-page-count", src: `<span class="home-page__count" data-testid="scenario-count">{0}</span>`}

// homePageDropView invites dropping the dragged files.
var homePageDropView = &view{name: "home-page-drop", src: `<div class="home-page__drop" aria-hidden="true">{t:home.dropHere}</div>`}

func boolAttr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func (p *HomePage) renderToolbar(lang string) app.UI {
	return homeToolbarView.el(lang,
		func(ctx app.Context, e app.Event) { p.onCreate(ctx) },
		"+ "+i18n.T(lang, "home.new"),
		// The file input stays in builder calls: TestNoNativeFileControls
		// finds the one native file control here by its calls.
		app.ElemSelfClosing("input").
			ID("import-file").
			Attr("type", "file").
			Class("home-toolbar__file").
			Attr("accept", ".json,application/json").
			Attr("aria-label", i18n.T(lang, "home.importFileLabel")).
			Attr("data-testid", "import-file").
			OnChange(p.onFileChosen),
		func(ctx app.Context, e app.Event) { p.dialog = homeDlgPaste },
		func(ctx app.Context, e app.Event) { p.dialog = homeDlgB24 },
		func(ctx app.Context, e app.Event) { p.dialog = homeDlgCal },
	)
}

// homeToolbarView is the page's actions: a new scenario, the imports and
// the calibration. The new button's text {1} is one text with its "+ ";
// {2} is the file input.
var homeToolbarView = &view{name: "home-toolbar", src: `
<div class="home-toolbar">
	<button type="button" class="button button--primary" data-testid="home-new" @click={0}>{1}</button>
	<label class="button" for="import-file" title={t:home.importFileLabel}>
		{t:home.importFile}
		{2}
	</label>
	<button type="button" class="button" data-testid="home-paste" @click={3}>{t:home.paste}</button>
	<button type="button" class="button" data-testid="home-b24" @click={4}>{t:home.b24}</button>
	<button type="button" class="button" data-testid="home-calibrate" @click={5}>{t:lab.calibrate}</button>
	<span class="home-toolbar__hint">{t:home.dropHint}</span>
</div>`}

func (p *HomePage) renderNotice(lang string) app.UI {
	if p.notice == "" && p.shareLink == "" {
		return app.Text("")
	}
	class := "home-notice"
	if p.noticeErr {
		class += " home-notice--error"
	}
	var link app.UI
	if p.shareLink != "" {
		link = homeNoticeLinkView.el(lang, p.shareLink, func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") })
	}
	return homeNoticeView.el(lang, class, i18n.F(lang, p.notice, p.noticeArgs...), link,
		func(ctx app.Context, e app.Event) { p.notice, p.shareLink = "", "" })
}

// homeNoticeView is the message above the list, with the share link {2}
// when there is one.
var homeNoticeView = &view{name: "home-notice", src: `
<div class={0} role="status" data-testid="home-notice">
	<span class="home-notice__text">{1}</span>
	{2}
	<button type="button" class="home-dialog__close" aria-label={t:hdr.dismiss} @click={3}>×</button>
</div>`}

// homeNoticeLinkView is a share link, selected when focused.
var homeNoticeLinkView = &view{name: "home-notice-link", src: `
<input type="text" class="home-notice__link" readonly aria-label={t:home.shareLinkLabel} data-testid="share-link" value={0} @focus={1} />`}

func (p *HomePage) renderList(lang string) app.UI {
	var content app.UI
	switch {
	case p.listErr != "":
		content = pc("home-page__error", i18n.F(lang, "home.listFailed", "error", p.listErr))
	case !p.loaded:
		content = homeListLoadingView.el(lang)
	case len(p.metas) == 0:
		content = &EmptyState{TestID: "home-empty", Icon: "info", Heading: 2,
			Title: i18n.T(lang, "home.empty"), Text: i18n.T(lang, "home.emptyHint"),
			ActionText: i18n.T(lang, "home.new"), ActionID: "home-empty-new", OnAction: p.onCreate}
	default:
		doc := p.Tab.Session.Doc()
		rows := make([]app.UI, len(p.metas))
		for i, m := range p.metas {
			rows[i] = &HomeScenarioRow{
				Lang:        lang,
				ID:          m.ID,
				Title:       m.Title,
				Revision:    m.Revision,
				Updated:     m.Updated,
				IsOpen:      doc != nil && doc.ID == m.ID,
				OnOpen:      p.onOpen,
				OnSimulate:  p.onSimulate,
				OnDuplicate: p.onDuplicate,
				OnRename:    p.onRename,
				OnDelete:    p.onAskDelete,
				OnExport:    p.onExport,
				OnShare:     p.onShare,
			}
		}
		content = homeListView.el(lang, rows)
	}
	return homeMineView.el(lang, content)
}

// homeMineView is the card of the user's scenarios.
var homeMineView = &view{name: "home-mine", src: `
<section class="home-card" aria-labelledby="home-mine">
	<h2 id="home-mine" class="home-card__title">{t:home.mine}</h2>
	{0}
</section>`}

// homeListLoadingView shows while the list is read.
var homeListLoadingView = &view{name: "home-list-loading", src: `<p class="home-page__loading">{t:home.loadingList}</p>`}

// homeListView is the list of the user's scenarios.
var homeListView = &view{name: "home-list", src: `<ul class="home-list" data-testid="scenario-list">{0}</ul>`}

func (p *HomePage) renderExamples(lang string) app.UI {
	groups := home.ExampleGroups(p.examples, lang)
	items := make([]app.UI, len(groups))
	for g, group := range groups {
		locale := group[0].Locale
		items[g] = homeExamplesGroupView.el(lang, locale, p.onExamplesClick, lang,
			i18n.T(lang, "home.examples."+locale), app.Raw(exampleGridHTML(lang, group)))
	}
	return homeExamplesView.el(lang, items)
}

// homeExamplesView is the card of the built-in examples.
var homeExamplesView = &view{name: "home-examples", src: `
<section class="home-card home-examples" aria-labelledby="home-examples">
	<h2 id="home-examples" class="home-card__title">{t:home.examples}</h2>
	<p class="home-card__intro">{t:home.examplesIntro}</p>
	{0}
</section>`}

// homeExamplesGroupView is the examples of one language {0}, headed in the
// interface's language {2}; its grid {4} is markup.
var homeExamplesGroupView = &view{name: "home-examples-group", src: `
<div class="home-examples__group" lang={0} data-locale={0} @click={1}>
	<h3 class="home-examples__lang" lang={2}>{3}</h3>
	{4}
</div>`}

// exampleGridHTML is the grid of a group of examples as one piece of
// markup: go-app would otherwise make every element of every card (an
// element, a JavaScript value and its finalizer each) in the home page's
// first render, and compare them all on each render after. Its «open a
// copy» buttons are handled by the group (onExamplesClick); the other
// actions are links.
func exampleGridHTML(lang string, group []home.Example) string {
	esc := escapeHTML
	var b strings.Builder
	b.WriteString(`<ul class="home-examples__grid">`)
	for _, ex := range group {
		b.WriteString(`<li class="home-example" data-example="` + esc(ex.Name) + `">`)
		b.WriteString(`<h4 class="home-example__title">` + esc(ex.Title) + `</h4>`)
		b.WriteString(`<p class="home-example__description">` + esc(ex.Description) + `</p>`)
		b.WriteString(`<div class="home-example__actions" lang="` + esc(lang) + `">`)
		b.WriteString(`<button type="button" class="button button--primary" data-testid="example-open" aria-label="` +
			esc(i18n.F(lang, "home.exampleLabel", "title", ex.Title)) + `">` + esc(i18n.T(lang, "home.exampleOpen")) + `</button>`)
		b.WriteString(`<a class="button" href="/simulate?example=` + esc(ex.Name) + `" aria-label="` +
			esc(i18n.F(lang, "home.simulateLabel", "title", ex.Title)) + `">` + esc(i18n.T(lang, "home.simulate")) + `</a>`)
		if ex.WhatIf {
			b.WriteString(`<a class="button" href="/whatif?example=` + esc(ex.Name) + `">` + esc(i18n.T(lang, "hdr.whatif")) + `</a>`)
		}
		b.WriteString(`</div></li>`)
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// onExamplesClick opens a copy of the example whose «open a copy» button
// was clicked (or pressed: a button's Enter and Space are clicks).
func (p *HomePage) onExamplesClick(ctx app.Context, e app.Event) {
	btn := e.Get("target").Call("closest", `[data-testid="example-open"]`)
	if !btn.Truthy() {
		return
	}
	name := btn.Call("closest", "[data-example]").Get("dataset").Get("example").String()
	for _, ex := range p.examples {
		if ex.Name == name {
			p.onOpenExample(ctx, ex)
			return
		}
	}
}

func (p *HomePage) renderDialog(lang string) app.UI {
	closeFn := func(ctx app.Context) { p.dialog = "" }
	switch p.dialog {
	case homeDlgPaste:
		return &HomePasteDialog{Lang: lang, OnImport: p.onPaste, OnClose: closeFn}
	case homeDlgB24:
		open := ""
		if sc := p.Tab.Session.Scenario(); sc != nil {
			open = sc.Title
			if open == "" {
				open = i18n.T(lang, "home.untitled")
			}
		}
		return &HomeB24Dialog{Lang: lang, OpenTitle: open, OnImport: p.onB24, OnFail: p.onB24Failed, OnClose: closeFn}
	case homeDlgCal:
		return &HomeCalibrateDialog{Lang: lang, OnCreate: p.onCalibrated, OnClose: closeFn}
	case homeDlgShared:
		s := p.sharedSum
		return &HomeSharedDialog{
			Lang: lang, Title: s.Title, Description: s.Description,
			Pipelines: s.Pipelines, Triggers: s.Triggers, Robots: s.Robots, Items: s.Items, Events: s.Events,
			Err:      p.sharedErr,
			Loading:  p.sharedData == nil && p.sharedErr == "",
			OnImport: p.onImportShared,
			OnClose: func(ctx app.Context) {
				homeClearHash()
				p.dialog, p.sharedData = "", nil
			},
		}
	case homeDlgDelete:
		return &HomeConfirmDialog{Lang: lang, Title: p.deleteTitle, OnConfirm: p.onDelete, OnClose: closeFn}
	}
	return app.Text("")
}

// say shows a short message above the list: an i18n key and its values
// by name ("title", t), so the message follows a language switch.
func (p *HomePage) say(key string, isErr bool, pairs ...any) {
	p.notice, p.noticeArgs, p.noticeErr, p.shareLink = key, pairs, isErr, ""
}

// fail shows an error of an action on a stored scenario.
func (p *HomePage) fail(err error) {
	p.say("home.actionFailed", true, "error", hdrReason(p.Lang, err))
}

// onCreate stores a blank scenario and opens it in the designer.
func (p *HomePage) onCreate(ctx app.Context) {
	p.guard.run(ctx, p.Tab.Session, "unsaved.askText", p.create)
}

func (p *HomePage) create(ctx app.Context) {
	sess, base, lang := p.Tab.Session, i18n.T(p.Lang, "home.newTitle"), p.Lang
	ctx.Async(func() {
		// Number it when «Новый сценарий» is taken, so two never look alike.
		metas, err := sess.List(context.Background())
		if err == nil {
			_, err = sess.Create(context.Background(), session.Blank(home.NewTitle(base, metas), lang))
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.fail(err)
				return
			}
			ctx.Navigate("/design")
		})
	})
}

// onOpen makes a scenario the open one and shows it in the designer.
func (p *HomePage) onOpen(ctx app.Context, id string) { p.openThen(ctx, id, "/design?id="+id) }

// onSimulate opens a scenario on the simulation board.
func (p *HomePage) onSimulate(ctx app.Context, id string) { p.openThen(ctx, id, "/simulate?id="+id) }

func (p *HomePage) openThen(ctx app.Context, id, target string) {
	if d := p.Tab.Session.Doc(); d != nil && d.ID == id {
		ctx.Navigate(target)
		return
	}
	p.guard.run(ctx, p.Tab.Session, "unsaved.askText", func(ctx app.Context) { p.open(ctx, id, target) })
}

func (p *HomePage) open(ctx app.Context, id, target string) {
	sess := p.Tab.Session
	ctx.Async(func() {
		err := sess.Open(context.Background(), id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.say("home.openFailed", true, "error", err.Error())
				return
			}
			ctx.Navigate(target)
		})
	})
}

// errMissingExample is what opening a listed example whose file is not in
// the program would say; examples' tests keep the list and the files in
// step, so no user sees it.
var errMissingExample = errors.New("the built-in example's file is missing")

// onOpenExample stores the user's own copy of an example and opens it.
func (p *HomePage) onOpenExample(ctx app.Context, ex home.Example) {
	p.guard.run(ctx, p.Tab.Session, "unsaved.askText", func(ctx app.Context) { p.openExample(ctx, ex) })
}

func (p *HomePage) openExample(ctx app.Context, ex home.Example) {
	sess := p.Tab.Session
	ctx.Async(func() {
		data, ok := ex.Data()
		err := errMissingExample
		if ok {
			_, err = sess.Create(context.Background(), data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.fail(err)
				return
			}
			ctx.Navigate("/design")
		})
	})
}

func (p *HomePage) title(id string) string {
	for _, m := range p.metas {
		if m.ID == id {
			if m.Title == "" {
				return i18n.T(p.Lang, "home.untitled")
			}
			return m.Title
		}
	}
	return id
}

func (p *HomePage) onDuplicate(ctx app.Context, id string) {
	sess, title := p.Tab.Session, home.CopyTitle(p.title(id), p.Lang)
	ctx.Async(func() {
		_, err := sess.Duplicate(context.Background(), id, title)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.fail(err)
				return
			}
			p.say("home.duplicated", false, "title", title)
			p.reload(ctx)
		})
	})
}

func (p *HomePage) onRename(ctx app.Context, id, title string) {
	sess := p.Tab.Session
	ctx.Async(func() {
		err := sess.Rename(context.Background(), id, title)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.fail(err)
			}
			p.reload(ctx)
		})
	})
}

func (p *HomePage) onAskDelete(ctx app.Context, id string) {
	p.dialog, p.deleteID, p.deleteTitle = homeDlgDelete, id, p.title(id)
}

func (p *HomePage) onDelete(ctx app.Context) {
	sess, id, title := p.Tab.Session, p.deleteID, p.deleteTitle
	p.dialog = ""
	ctx.Async(func() {
		err := sess.Delete(context.Background(), id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.fail(err)
				return
			}
			p.say("home.deleted", false, "title", title)
			p.reload(ctx)
		})
	})
}

// onExport downloads a stored scenario as its file.
func (p *HomePage) onExport(ctx app.Context, id string) {
	sess := p.Tab.Session
	ctx.Async(func() {
		rec, err := sess.Stored(context.Background(), id)
		var data []byte
		var sc *engine.Scenario
		if err == nil {
			sc, err = engine.ReadScenario(rec.Data)
		}
		if err == nil {
			data, err = export.ScenarioJSON(sc)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.fail(err)
				return
			}
			download(export.FileName(sc.Title, ".json"), "application/json", data)
		})
	})
}

// onShare puts a stored scenario into a link, copies it and shows it.
func (p *HomePage) onShare(ctx app.Context, id string) {
	sess, title := p.Tab.Session, p.title(id)
	ctx.Async(func() {
		rec, err := sess.Stored(context.Background(), id)
		var frag string
		if err == nil {
			frag, err = share.Encode(rec.Data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case errors.Is(err, share.ErrTooLarge):
				reason, ok := home.ShareLimit(p.Lang, err)
				if !ok {
					reason = err.Error()
				}
				p.say("home.shareTooLarge", true, "title", title, "reason", reason)
				return
			case err != nil:
				p.fail(err)
				return
			}
			link := homeOrigin() + "/#" + frag
			p.say("home.shareReady", false, "title", title)
			p.shareLink = link
			homeCopyText(ctx, link, func(ctx app.Context, ok bool) {
				if ok && p.shareLink == link {
					p.notice, p.noticeArgs = "home.shareCopied", []any{"title", title}
				}
			})
		})
	})
}

// onFileChosen imports the file(s) picked in the file input.
func (p *HomePage) onFileChosen(ctx app.Context, e app.Event) {
	files := homeFiles(e)
	// Let the same file be chosen again after it was fixed.
	ctx.JSSrc().Set("value", "")
	p.guard.run(ctx, p.Tab.Session, "unsaved.askText", func(ctx app.Context) { p.importFiles(ctx, files) })
}

// importFiles imports dropped or chosen files. One file reports as
// before (a notice, or the list of its errors); several get a list with
// each file's outcome, filled in as each finishes, so that a later
// success never hides an earlier file's errors.
func (p *HomePage) importFiles(ctx app.Context, files []app.Value) {
	if len(files) == 1 {
		readFileText(ctx, files[0], p.onFileRead)
		return
	}
	if len(files) == 0 {
		return
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Get("name").String()
	}
	b := home.NewBatch(names)
	p.batch, p.importErrs = b, nil
	p.say("", false)
	for i, f := range files {
		i := i
		readFileText(ctx, f, func(ctx app.Context, name string, data []byte, err error) {
			if err != nil {
				b.Finish(i, "", err)
				return
			}
			p.importBatchFile(ctx, b, i, name, data)
		})
	}
}

// importBatchFile validates and stores file i of batch b.
func (p *HomePage) importBatchFile(ctx app.Context, b *home.Batch, i int, name string, data []byte) {
	sess := p.Tab.Session
	ctx.Async(func() {
		sc, err := home.Validate(data)
		if err == nil {
			_, err = sess.Create(context.Background(), data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			title := ""
			if err == nil {
				title = sc.Title
				if title == "" {
					title = name
				}
			}
			b.Finish(i, title, err)
			if err == nil {
				p.reload(ctx)
			}
		})
	})
}

func (p *HomePage) onFileRead(ctx app.Context, name string, data []byte, err error) {
	if err != nil {
		p.importSource, p.importErrs = name, home.Problems(err)
		return
	}
	p.importData(ctx, name, data)
}

// importData validates a scenario file and stores it; on failure nothing
// is stored and every problem is listed.
func (p *HomePage) importData(ctx app.Context, source string, data []byte) {
	sess := p.Tab.Session
	ctx.Async(func() {
		sc, err := home.Validate(data)
		if err == nil {
			_, err = sess.Create(context.Background(), data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.importSource, p.importErrs = source, home.Problems(err)
				p.say("", false)
				return
			}
			p.importErrs = nil
			title := sc.Title
			if title == "" {
				title = source
			}
			p.say("home.imported", false, "title", title)
			p.reload(ctx)
		})
	})
}

// onPaste imports pasted text: a share link or a scenario's JSON.
func (p *HomePage) onPaste(ctx app.Context, text string) {
	p.dialog = ""
	source := i18n.T(p.Lang, "home.pasteSource")
	data := []byte(text)
	if i := strings.Index(text, "#"+share.Prefix); i >= 0 || strings.HasPrefix(text, share.Prefix) {
		decoded, err := share.Decode(text)
		if msg, ok := home.ShareLimit(p.Lang, err); ok {
			p.importSource, p.importErrs = source, []home.Problem{{Msg: msg}}
			return
		}
		if err != nil {
			p.importSource, p.importErrs = source, home.Problems(err)
			return
		}
		data = decoded
	}
	p.importData(ctx, source, data)
}

// onB24 stores the pipelines the Bitrix24 dialog imported (doc, read by
// its worker) as a new scenario or into the open one. The dialog stays
// open until they are stored: ctx is the dialog's, and a dispatch to an
// unmounted element is dropped.
func (p *HomePage) onB24(ctx app.Context, doc []byte, merge bool) {
	sess, source := p.Tab.Session, i18n.T(p.Lang, "home.b24")
	ctx.Async(func() {
		title, err := home.ImportBitrix24(context.Background(), sess, doc, merge)
		ctx.Dispatch(func(ctx app.Context) {
			p.dialog = ""
			if err != nil {
				p.importSource, p.importErrs = source, home.Problems(err)
				return
			}
			p.importErrs = nil
			if merge {
				p.say("home.b24Merged", false, "title", title)
			} else {
				p.say("home.imported", false, "title", title)
			}
			p.reload(ctx)
		})
	})
}

// onB24Failed closes the Bitrix24 dialog and lists what is wrong with its
// files, in the interface language.
func (p *HomePage) onB24Failed(ctx app.Context, err error) {
	p.dialog = ""
	p.importSource, p.importErrs = i18n.T(p.Lang, "home.b24"), home.Problems(err)
}

// onCalibrated stores the scenario fitted by the calibration dialog.
// The dialog stays open until the scenario is stored: ctx is the dialog's,
// and a dispatch to an unmounted element is dropped.
func (p *HomePage) onCalibrated(ctx app.Context, doc []byte, title string) {
	sess, source := p.Tab.Session, i18n.T(p.Lang, "lab.calibrate")
	ctx.Async(func() {
		_, err := sess.Create(context.Background(), doc)
		ctx.Dispatch(func(ctx app.Context) {
			p.dialog = ""
			if err != nil {
				p.importSource, p.importErrs = source, home.Problems(err)
				return
			}
			p.importErrs = nil
			p.say("lab.calCreated", false, "title", title)
			p.reload(ctx)
		})
	})
}

// openShared decodes the scenario of a share link and previews it.
func (p *HomePage) openShared(ctx app.Context, frag string) {
	p.dialog, p.sharedData, p.sharedErr, p.sharedSum = homeDlgShared, nil, "", home.Summary{}
	ctx.Async(func() {
		data, err := share.Decode(frag)
		var sc *engine.Scenario
		if err == nil {
			sc, err = home.Validate(data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if msg, ok := home.ShareLimit(p.Lang, err); ok {
				p.sharedErr = msg
				return
			}
			if err != nil {
				var msgs []string
				for _, pr := range home.Problems(err) {
					if pr.Path != "" {
						msgs = append(msgs, pr.Path+": "+pr.Text(p.Lang))
					} else {
						msgs = append(msgs, pr.Text(p.Lang))
					}
				}
				p.sharedErr = strings.Join(msgs, "; ")
				return
			}
			p.sharedData, p.sharedSum, p.sharedErr = data, home.Summarize(sc), ""
		})
	})
}

func (p *HomePage) onImportShared(ctx app.Context) {
	data, title := p.sharedData, p.sharedSum.Title
	homeClearHash()
	p.dialog, p.sharedData = "", nil
	if data != nil {
		p.importData(ctx, title, data)
	}
}

// Drag and drop of scenario files onto the page.
func (p *HomePage) onDragOver(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.dragging {
		ctx.PreventUpdate()
		return
	}
	p.dragging = true
}

func (p *HomePage) onDragLeave(ctx app.Context, e app.Event) {
	// Leaving a child element also fires dragleave; only leaving the
	// page's section (relatedTarget outside it) ends the drag.
	if rel := e.Get("relatedTarget"); rel.Truthy() && ctx.JSSrc().Call("contains", rel).Bool() {
		ctx.PreventUpdate()
		return
	}
	p.dragging = false
}

func (p *HomePage) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.dragging = false
	files := homeFiles(e)
	p.guard.run(ctx, p.Tab.Session, "unsaved.askText", func(ctx app.Context) { p.importFiles(ctx, files) })
}
