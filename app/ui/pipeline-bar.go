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
	return app.Div().Class("pipeline-bar").Body(
		app.Div().Class("pipeline-bar__row").Body(
			app.H1().Class("pipeline-bar__title").Text(i18n.T(lang, "designer.title")),
			&ScenarioTitle{Lang: lang, Title: b.Scenario, OnRename: b.OnRenameScenario},
			app.Label().For("designer-entity").Class("pipeline-bar__label").Text(i18n.T(lang, "designer.entity")),
			app.Select().ID("designer-entity").Class("designer-input pipeline-bar__entity").
				DataSet("testid", "entity-select").
				OnChange(func(ctx app.Context, e app.Event) {
					if b.OnEntity != nil {
						b.OnEntity(ctx, jsValue(ctx))
					}
				}).
				Body(app.Range(b.Entities).Slice(func(i int) app.UI {
					t := b.Entities[i]
					return app.Option().Value(t).Selected(t == b.Entity).Text(entityLabel(lang, t))
				})),
			app.If(len(b.Addable) > 0 && b.Locked == "", func() app.UI {
				return app.Select().Class("designer-input pipeline-bar__add-entity").
					DataSet("testid", "entity-add").
					Aria("label", i18n.T(lang, "designer.addEntityPrompt")).
					OnChange(func(ctx app.Context, e app.Event) {
						v := jsValue(ctx)
						ctx.JSSrc().Set("value", "")
						if v != "" && b.OnAddEntity != nil {
							b.OnAddEntity(ctx, v)
						}
					}).
					Body(
						app.Option().Value("").Selected(true).Text("+ "+i18n.T(lang, "designer.addEntity")),
						app.Range(b.Addable).Slice(func(i int) app.UI {
							t := b.Addable[i]
							return app.Option().Value(t).Text(entityLabel(lang, t))
						}),
					)
			}),
			app.Span().Class("pipeline-bar__spacer"),
			app.Button().Type("button").Class("button button--secondary pipeline-bar__undo").
				DataSet("testid", "undo").
				Disabled(!b.CanUndo).
				Title(i18n.T(lang, "designer.undo")).
				Body(iconText("undo", i18n.T(lang, "designer.undo"))...).
				OnClick(func(ctx app.Context, e app.Event) {
					if b.OnUndo != nil {
						b.OnUndo(ctx)
					}
				}),
			app.Button().Type("button").Class("button button--secondary pipeline-bar__redo").
				DataSet("testid", "redo").
				Disabled(!b.CanRedo).
				Title(i18n.T(lang, "designer.redo")).
				Body(iconText("redo", i18n.T(lang, "designer.redo"))...).
				OnClick(func(ctx app.Context, e app.Event) {
					if b.OnRedo != nil {
						b.OnRedo(ctx)
					}
				}),
			app.If(b.LessonHref != "", func() app.UI {
				return app.A().Class("button button--secondary pipeline-bar__lesson").
					DataSet("testid", "make-lesson").
					Href(b.LessonHref).
					Title(i18n.T(lang, "designer.makeLessonLabel")).
					Body(iconText("star", i18n.T(lang, "designer.makeLesson"))...)
			}),
		),
		app.Div().Class("pipeline-bar__tabs-row").Body(
			// The tablist owns only the tabs (ARIA): renaming, deleting and
			// adding a pipeline are buttons after it.
			app.Div().Class("pipeline-bar__tabs").Body(
				app.Div().Class("pipeline-bar__tablist").Role("tablist").Aria("label", i18n.T(lang, "designer.pipelines")).Body(
					app.Range(b.Pipelines).Slice(func(i int) app.UI {
						p := b.Pipelines[i]
						active := p.ID == b.Pipeline
						class := "pipeline-bar__tab"
						if active {
							class += " pipeline-bar__tab--active"
						}
						id := p.ID
						return app.Button().Type("button").Class(class).Role("tab").
							Aria("selected", boolText(active)).
							DataSet("pipeline", strconv.Itoa(id)).
							Text(p.Name).
							OnClick(func(ctx app.Context, e app.Event) {
								b.renaming = false
								if b.OnPipeline != nil {
									b.OnPipeline(ctx, id)
								}
							})
					}),
				),
				b.renderTabTools(lang, multi),
				app.If(multi && b.Locked == "", func() app.UI {
					return app.Button().Type("button").Class("pipeline-bar__tab pipeline-bar__tab--add").
						DataSet("testid", "pipeline-add").
						Text("+ " + i18n.T(lang, "designer.addPipeline")).
						OnClick(func(ctx app.Context, e app.Event) {
							if b.OnAddPipeline != nil {
								b.OnAddPipeline(ctx)
							}
						})
				}),
			),
			app.Button().Type("button").Class("button pipeline-bar__lint pipeline-bar__lint--"+lintState(b.LintWorst)).
				DataSet("testid", "lint-toggle").
				DataSet("count", strconv.Itoa(b.LintCount)).
				Aria("pressed", boolText(b.LintOpen)).
				Aria("controls", lintControls(b.LintOpen)).
				Title(i18n.T(lang, "designer.lint.toggleLabel")).
				OnClick(func(ctx app.Context, e app.Event) {
					if b.OnLint != nil {
						b.OnLint(ctx)
					}
				}).
				Body(
					app.Span().Class("lint-icon lint-icon--"+lintState(b.LintWorst)).Aria("hidden", "true").Body(lintToggleIcon(b.LintWorst)),
					app.Span().Class("pipeline-bar__lint-label").Text(i18n.T(lang, "designer.lint.toggle")),
					app.Span().Class("pipeline-bar__lint-count").DataSet("testid", "lint-toggle-count").Text(lintCount(lang, b.LintCount)),
				),
		),
	)
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
		return app.Div().Class("pipeline-bar__rename").
			Body(
				app.Input().Class("designer-input").AutoFocus(true).
					DataSet("testid", "pipeline-name").
					Aria("label", i18n.T(lang, "designer.pipelineName")).
					Value(b.name).
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
				app.Button().Type("button").Class("button button--primary").
					DataSet("testid", "pipeline-rename-save").
					Text(i18n.T(lang, "designer.save")).
					OnClick(func(ctx app.Context, e app.Event) { b.finishRename(ctx) }),
				app.Button().Type("button").Class("button button--secondary").
					Text(i18n.T(lang, "designer.cancel")).
					OnClick(func(ctx app.Context, e app.Event) { b.renaming = false }),
			)
	}
	if !multi || b.Locked != "" {
		return app.Text("")
	}
	id := p.ID
	return app.Span().Class("pipeline-bar__tab-tools").Body(
		app.Button().Type("button").Class("designer-icon-button").
			DataSet("testid", "pipeline-rename").
			Aria("label", i18n.T(lang, "designer.renamePipeline")).
			Title(i18n.T(lang, "designer.renamePipeline")).
			Body(Icon("pencil")).
			OnClick(func(ctx app.Context, e app.Event) { b.renaming, b.name = true, p.Name }),
		app.If(id != 0, func() app.UI {
			return app.Button().Type("button").Class("designer-icon-button").
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
