package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// PipelineBar is the designer's toolbar: the entity type selector (and
// adding a type, including a smart process), the pipeline tabs with add,
// rename and delete, and undo/redo.
type PipelineBar struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Entities are the scenario's entity types; Entity the shown one.
	Entities []string
	Entity   string
	// Addable are the entity types that can still be added.
	Addable []string
	// Pipelines are the shown type's pipelines; Pipeline the shown one.
	Pipelines []engine.Pipeline
	Pipeline  int
	// CanUndo and CanRedo enable the buttons. The save state is the
	// header's (SaveIndicator), not repeated here.
	CanUndo, CanRedo bool
	// LintCount is the number of lint findings, LintWorst their worst
	// severity ("" for none) and LintOpen whether the «Проверка» panel
	// is shown.
	LintCount int
	LintWorst string
	LintOpen  bool

	OnEntity         func(ctx app.Context, typ string)
	OnAddEntity      func(ctx app.Context, typ string)
	OnPipeline       func(ctx app.Context, id int)
	OnAddPipeline    func(ctx app.Context)
	OnRenamePipeline func(ctx app.Context, id int, name string)
	OnDeletePipeline func(ctx app.Context, id int)
	OnUndo, OnRedo   func(ctx app.Context)
	OnLint           func(ctx app.Context)
	// Scenario is the open scenario's title, shown and renamed in place.
	Scenario         string
	OnRenameScenario func(ctx app.Context, title string)
	// LessonHref is the authoring page of a lesson made from the open
	// scenario («Сделать урок»).
	LessonHref string
	// Locked says why a lesson's trainee may not add entity types or
	// change pipelines ("" when they may): those controls are disabled.
	Locked string

	renaming bool
	name     string
}

// Render implements app.Composer.
func (b *PipelineBar) Render() app.UI {
	lang := i18n.Normalize(b.Lang)
	multi := !engine.SinglePipeline(b.Entity)
	entities := make([]app.UI, len(b.Entities))
	for i, t := range b.Entities {
		entities[i] = option(t, t == b.Entity, entityLabel(lang, t))
	}
	var addEntity, lesson, addPipeline app.UI
	if len(b.Addable) > 0 && b.Locked == "" {
		opts := make([]app.UI, 0, len(b.Addable)+1)
		opts = append(opts, option("", true, "+ "+i18n.T(lang, "designer.addEntity")))
		for _, t := range b.Addable {
			opts = append(opts, app.Elem("option").Attr("value", t).Text(entityLabel(lang, t)))
		}
		addEntity = elct("select", "designer-input pipeline-bar__add-entity", "entity-add").
			Aria("label", i18n.T(lang, "designer.addEntityPrompt")).
			OnChange(b.onAddEntity).
			Body(opts...)
	}
	if b.LessonHref != "" {
		lesson = elct("a", "button button--secondary pipeline-bar__lesson", "make-lesson").
			Attr("href", b.LessonHref).
			Title(i18n.T(lang, "designer.makeLessonLabel")).
			Body(iconText("star", i18n.T(lang, "designer.makeLesson"))...)
	}
	tabs := make([]app.UI, len(b.Pipelines))
	for i, p := range b.Pipelines {
		active := p.ID == b.Pipeline
		class := "pipeline-bar__tab"
		if active {
			class += " pipeline-bar__tab--active"
		}
		tabs[i] = button(class, p.Name, b.onTab).Role("tab").
			Aria("selected", boolText(active)).
			DataSet("pipeline", strconv.Itoa(p.ID))
	}
	if multi && b.Locked == "" {
		addPipeline = button("pipeline-bar__tab pipeline-bar__tab--add", "+ "+i18n.T(lang, "designer.addPipeline"), b.onAddPipeline).
			DataSet("testid", "pipeline-add")
	}
	undo, redo := i18n.T(lang, "designer.undo"), i18n.T(lang, "designer.redo")
	state := lintState(b.LintWorst)
	return divc("pipeline-bar",
		divc("pipeline-bar__row",
			elcText("h1", "pipeline-bar__title", i18n.T(lang, "designer.title")),
			&ScenarioTitle{Lang: lang, Title: b.Scenario, OnRename: b.OnRenameScenario},
			labelFor("designer-entity", "pipeline-bar__label", i18n.T(lang, "designer.entity")),
			selectc("designer-entity", "designer-input pipeline-bar__entity", b.onEntity, entities...).
				DataSet("testid", "entity-select"),
			addEntity,
			elc("span", "pipeline-bar__spacer"),
			iconButton("button button--secondary pipeline-bar__undo", "undo", undo, b.onUndo).
				DataSet("testid", "undo").
				Attr("disabled", !b.CanUndo).
				Title(undo),
			iconButton("button button--secondary pipeline-bar__redo", "redo", redo, b.onRedo).
				DataSet("testid", "redo").
				Attr("disabled", !b.CanRedo).
				Title(redo),
			lesson,
		),
		divc("pipeline-bar__tabs-row",
			// The tablist owns only the tabs (ARIA): renaming, deleting and
			// adding a pipeline are buttons after it.
			divc("pipeline-bar__tabs",
				divc("pipeline-bar__tablist", tabs...).Role("tablist").Aria("label", i18n.T(lang, "designer.pipelines")),
				b.renderTabTools(lang, multi),
				addPipeline,
			),
			buttonc("button pipeline-bar__lint pipeline-bar__lint--"+state).
				DataSet("testid", "lint-toggle").
				DataSet("count", strconv.Itoa(b.LintCount)).
				Aria("pressed", boolText(b.LintOpen)).
				Aria("controls", lintControls(b.LintOpen)).
				Title(i18n.T(lang, "designer.lint.toggleLabel")).
				OnClick(b.onLint).
				Body(
					spanBody("lint-icon lint-icon--"+state, lintToggleIcon(b.LintWorst)).Aria("hidden", "true"),
					spanc("pipeline-bar__lint-label", i18n.T(lang, "designer.lint.toggle")),
					spanc("pipeline-bar__lint-count", lintCount(lang, b.LintCount)).DataSet("testid", "lint-toggle-count"),
				),
		),
	)
}

func (b *PipelineBar) onEntity(ctx app.Context, e app.Event) {
	if b.OnEntity != nil {
		b.OnEntity(ctx, jsValue(ctx))
	}
}

func (b *PipelineBar) onAddEntity(ctx app.Context, e app.Event) {
	v := jsValue(ctx)
	ctx.JSSrc().Set("value", "")
	if v != "" && b.OnAddEntity != nil {
		b.OnAddEntity(ctx, v)
	}
}

func (b *PipelineBar) onUndo(ctx app.Context, e app.Event) {
	if b.OnUndo != nil {
		b.OnUndo(ctx)
	}
}

func (b *PipelineBar) onRedo(ctx app.Context, e app.Event) {
	if b.OnRedo != nil {
		b.OnRedo(ctx)
	}
}

// onTab shows the pipeline of the tab that fired (its data-pipeline).
func (b *PipelineBar) onTab(ctx app.Context, e app.Event) {
	b.renaming = false
	id, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("pipeline").String())
	if err == nil && b.OnPipeline != nil {
		b.OnPipeline(ctx, id)
	}
}

func (b *PipelineBar) onAddPipeline(ctx app.Context, e app.Event) {
	if b.OnAddPipeline != nil {
		b.OnAddPipeline(ctx)
	}
}

func (b *PipelineBar) onLint(ctx app.Context, e app.Event) {
	if b.OnLint != nil {
		b.OnLint(ctx)
	}
}

func (b *PipelineBar) finishRename(ctx app.Context) {
	b.renaming = false
	if b.OnRenamePipeline != nil {
		b.OnRenamePipeline(ctx, b.Pipeline, b.name)
	}
}

// entityLabel is "Сделка (DEAL)".
func entityLabel(lang, t string) string {
	n := engine.EntityName(t, lang)
	if n == t {
		return t
	}
	return n + " (" + t + ")"
}

// lintState is the toggle's style: the worst severity, or "ok".
func lintState(worst string) string {
	if worst == "" {
		return "ok"
	}
	return worst
}

func lintToggleIcon(worst string) app.UI {
	if worst == "" {
		return Icon("check")
	}
	return lintIcon(worst)
}

// renderTabTools is the rename field of the shown pipeline while it is
// renamed, otherwise its rename and delete buttons (with more than one
// pipeline possible).
func (b *PipelineBar) renderTabTools(lang string, multi bool) app.UI {
	var active *engine.Pipeline
	for i := range b.Pipelines {
		if b.Pipelines[i].ID == b.Pipeline {
			active = &b.Pipelines[i]
		}
	}
	if active == nil {
		return app.Text("")
	}
	p := *active
	if b.renaming {
		return elc("div", "pipeline-bar__rename").
			Body(
				app.ElemSelfClosing("input").Class("designer-input").Attr("autofocus", true).
					DataSet("testid", "pipeline-name").
					Aria("label", i18n.T(lang, "designer.pipelineName")).
					Attr("value", b.name).
					OnInput(func(ctx app.Context, e app.Event) { b.name = jsValue(ctx) }).
					OnKeyDown(func(ctx app.Context, e app.Event) {
						switch e.Get("key").String() {
						case "Enter":
							b.name = jsValue(ctx)
							b.finishRename(ctx)
						case "Escape":
							b.renaming = false
						}
					}),
				buttonc("button button--primary").
					DataSet("testid", "pipeline-rename-save").
					Text(i18n.T(lang, "designer.save")).
					OnClick(func(ctx app.Context, e app.Event) { b.finishRename(ctx) }),
				buttonc("button button--secondary").
					Text(i18n.T(lang, "designer.cancel")).
					OnClick(func(ctx app.Context, e app.Event) { b.renaming = false }),
			)
	}
	if !multi || b.Locked != "" {
		return app.Text("")
	}
	id := p.ID
	return elc("span", "pipeline-bar__tab-tools").Body(
		buttonc("designer-icon-button").
			DataSet("testid", "pipeline-rename").
			Aria("label", i18n.T(lang, "designer.renamePipeline")).
			Title(i18n.T(lang, "designer.renamePipeline")).
			Body(Icon("pencil")).
			OnClick(func(ctx app.Context, e app.Event) { b.renaming, b.name = true, p.Name }),
		app.If(id != 0, func() app.UI {
			return buttonc("designer-icon-button").
				DataSet("testid", "pipeline-delete").
				Aria("label", i18n.T(lang, "designer.deletePipeline")).
				Title(i18n.T(lang, "designer.deletePipeline")).
				Body(Icon("trash")).
				OnClick(func(ctx app.Context, e app.Event) {
					if b.OnDeletePipeline != nil {
						b.OnDeletePipeline(ctx, id)
					}
				})
		}),
	)
}

// lintControls is the lint toggle's aria-controls: the panel's id while
// the panel is shown, nothing (an id that does not exist is an error)
// otherwise.
func lintControls(open bool) string {
	if open {
		return "lint-panel"
	}
	return ""
}
