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
		opts := make([]app.UI, len(b.Addable))
		for i, t := range b.Addable {
			opts[i] = pipelineBarOptionView.el(lang, t, entityLabel(lang, t))
		}
		addEntity = pipelineBarAddEntityView.el(lang, b.onAddEntity, "+ "+i18n.T(lang, "designer.addEntity"), opts)
	}
	if b.LessonHref != "" {
		lesson = pipelineBarLessonView.el(lang, b.LessonHref, Icon("star"))
	}
	tabs := make([]app.UI, len(b.Pipelines))
	for i, p := range b.Pipelines {
		active := p.ID == b.Pipeline
		class := "pipeline-bar__tab"
		if active {
			class += " pipeline-bar__tab--active"
		}
		tabs[i] = pipelineBarTabView.el(lang, class, b.onTab, boolText(active), strconv.Itoa(p.ID), p.Name)
	}
	if multi && b.Locked == "" {
		addPipeline = pipelineBarAddPipelineView.el(lang, b.onAddPipeline, "+ "+i18n.T(lang, "designer.addPipeline"))
	}
	state := lintState(b.LintWorst)
	return pipelineBarView.el(lang,
		&ScenarioTitle{Lang: lang, Title: b.Scenario, OnRename: b.OnRenameScenario},
		b.onEntity, entities, addEntity,
		b.onUndo, !b.CanUndo, Icon("undo"),
		b.onRedo, !b.CanRedo, Icon("redo"),
		lesson, tabs, b.renderTabTools(lang, multi), addPipeline,
		"button pipeline-bar__lint pipeline-bar__lint--"+state, strconv.Itoa(b.LintCount),
		boolText(b.LintOpen), lintControls(b.LintOpen), b.onLint,
		"lint-icon lint-icon--"+state, lintToggleIcon(b.LintWorst), lintCount(lang, b.LintCount),
	)
}

// pipelineBarView is the toolbar: the title row and the pipeline tabs row.
// The tablist owns only the tabs (ARIA): renaming, deleting and adding a
// pipeline are buttons after it.
var pipelineBarView = &view{name: "pipeline-bar", src: `
<div class="pipeline-bar">
	<div class="pipeline-bar__row">
		<h1 class="pipeline-bar__title">{t:designer.title}</h1>
		{0}
		<label for="designer-entity" class="pipeline-bar__label">{t:designer.entity}</label>
		<select id="designer-entity" class="designer-input pipeline-bar__entity" data-testid="entity-select" @change={1}>{2}</select>
		{3}
		<span class="pipeline-bar__spacer"></span>
		<button type="button" class="button button--secondary pipeline-bar__undo" data-testid="undo" disabled={5} title={t:designer.undo} @click={4}>
			{6}
			<span class="icon-text">{t:designer.undo}</span>
		</button>
		<button type="button" class="button button--secondary pipeline-bar__redo" data-testid="redo" disabled={8} title={t:designer.redo} @click={7}>
			{9}
			<span class="icon-text">{t:designer.redo}</span>
		</button>
		{10}
	</div>
	<div class="pipeline-bar__tabs-row">
		<div class="pipeline-bar__tabs">
			<div class="pipeline-bar__tablist" role="tablist" aria-label={t:designer.pipelines}>{11}</div>
			{12}
			{13}
		</div>
		<button type="button" class={14} data-testid="lint-toggle" data-count={15} aria-pressed={16} aria-controls={17} title={t:designer.lint.toggleLabel} @click={18}>
			<span class={19} aria-hidden="true">{20}</span>
			<span class="pipeline-bar__lint-label">{t:designer.lint.toggle}</span>
			<span class="pipeline-bar__lint-count" data-testid="lint-toggle-count">{21}</span>
		</button>
	</div>
</div>`}

// pipelineBarAddEntityView is the select adding an entity type.
var pipelineBarAddEntityView = &view{name: "pipeline-bar-add-entity", src: `
<select class="designer-input pipeline-bar__add-entity" data-testid="entity-add" aria-label={t:designer.addEntityPrompt} @change={0}>
	<option value="" selected>{1}</option>
	{2}
</select>`}

// pipelineBarOptionView is an addable entity type.
var pipelineBarOptionView = &view{name: "pipeline-bar-option", src: `<option value={0}>{1}</option>`}

// pipelineBarLessonView is the «Сделать урок» link.
var pipelineBarLessonView = &view{name: "pipeline-bar-lesson", src: `
<a class="button button--secondary pipeline-bar__lesson" data-testid="make-lesson" href={0} title={t:designer.makeLessonLabel}>
	{1}
	<span class="icon-text">{t:designer.makeLesson}</span>
</a>`}

// pipelineBarTabView is a pipeline's tab.
var pipelineBarTabView = &view{name: "pipeline-bar-tab", src: `
<button type="button" class={0} role="tab" aria-selected={2} data-pipeline={3} @click={1}>{4}</button>`}

// pipelineBarAddPipelineView is the tab-like button adding a pipeline.
var pipelineBarAddPipelineView = &view{name: "pipeline-bar-add-pipeline", src: `
<button type="button" class="pipeline-bar__tab pipeline-bar__tab--add" data-testid="pipeline-add" @click={0}>{1}</button>`}

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
		return pipelineBarRenameView.el(lang, b.name,
			func(ctx app.Context, e app.Event) { b.name = jsValue(ctx) },
			func(ctx app.Context, e app.Event) {
				switch e.Get("key").String() {
				case "Enter":
					b.name = jsValue(ctx)
					b.finishRename(ctx)
				case "Escape":
					b.renaming = false
				}
			},
			func(ctx app.Context, e app.Event) { b.finishRename(ctx) },
			func(ctx app.Context, e app.Event) { b.renaming = false })
	}
	if !multi || b.Locked != "" {
		return app.Text("")
	}
	id := p.ID
	var del app.UI
	if id != 0 {
		del = pipelineBarDeleteView.el(lang, Icon("trash"), func(ctx app.Context, e app.Event) {
			if b.OnDeletePipeline != nil {
				b.OnDeletePipeline(ctx, id)
			}
		})
	}
	return pipelineBarToolsView.el(lang, Icon("pencil"),
		func(ctx app.Context, e app.Event) { b.renaming, b.name = true, p.Name }, del)
}

// pipelineBarRenameView is the shown pipeline's name field, save and cancel.
var pipelineBarRenameView = &view{name: "pipeline-bar-rename", src: `
<div class="pipeline-bar__rename">
	<input class="designer-input" autofocus data-testid="pipeline-name" aria-label={t:designer.pipelineName} value={0} @input={1} @keydown={2} />
	<button type="button" class="button button--primary" data-testid="pipeline-rename-save" @click={3}>{t:designer.save}</button>
	<button type="button" class="button button--secondary" @click={4}>{t:designer.cancel}</button>
</div>`}

// pipelineBarToolsView are the shown pipeline's rename and delete buttons.
var pipelineBarToolsView = &view{name: "pipeline-bar-tools", src: `
<span class="pipeline-bar__tab-tools">
	<button type="button" class="designer-icon-button" data-testid="pipeline-rename" aria-label={t:designer.renamePipeline} title={t:designer.renamePipeline} @click={1}>{0}</button>
	{2}
</span>`}

// pipelineBarDeleteView is the shown pipeline's delete button.
var pipelineBarDeleteView = &view{name: "pipeline-bar-delete", src: `
<button type="button" class="designer-icon-button" data-testid="pipeline-delete" aria-label={t:designer.deletePipeline} title={t:designer.deletePipeline} @click={1}>{0}</button>`}

// lintControls is the lint toggle's aria-controls: the panel's id while
// the panel is shown, nothing (an id that does not exist is an error)
// otherwise.
func lintControls(open bool) string {
	if open {
		return "lint-panel"
	}
	return ""
}
