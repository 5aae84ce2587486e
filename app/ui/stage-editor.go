package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// StageEditor is a stage's settings: name, colour, type (in progress or
// failure; the one success stage is fixed), its place (left/right) and
// deletion. The rules are explained in place: a refused change shows the
// reason, and deleting a stage with triggers or robots asks first.
type StageEditor struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Stage is the stage as saved.
	Stage engine.Stage
	// Triggers and Robots count what is placed on the stage.
	Triggers, Robots int
	// Error is the reason the last change was refused.
	Error string
	// OnSave receives the name and colour; OnSemantics a new type; OnMove
	// -1 or +1; OnDelete a confirmed deletion; OnClose a cancel.
	OnSave      func(ctx app.Context, name, color string)
	OnSemantics func(ctx app.Context, semantics string)
	OnMove      func(ctx app.Context, delta int)
	OnDelete    func(ctx app.Context)
	OnClose     func(ctx app.Context)

	name, color string
	editing     string
	confirm     bool
}

func (s *StageEditor) sync() {
	if s.editing != s.Stage.ID {
		s.name, s.color, s.editing, s.confirm = s.Stage.Name, s.Stage.Color, s.Stage.ID, false
	}
}

// Render implements app.Composer.
func (s *StageEditor) Render() app.UI {
	lang := i18n.Normalize(s.Lang)
	s.sync()
	st := s.Stage
	color := s.color
	if color == "" {
		color = "#39A8EF"
	}
	success := st.Semantics == engine.Success
	var errs, semantics, moves, confirm, del app.UI
	if s.Error != "" {
		errs = errorList([]string{s.Error})
	}
	if success {
		semantics = formHint(i18n.T(lang, "designer.semantics.success") + " — " + i18n.T(lang, "designer.stage.successFixed"))
	} else {
		semantics = stageEditorSemanticsView.el(lang, s.onSemantics, st.Semantics == engine.Process, st.Semantics == engine.Failure)
		moves = stageEditorMovesView.el(lang, Icon("left"), s.onLeft, Icon("right"), s.onRight)
		del = stageEditorDeleteView.el(lang, s.onDelete)
	}
	if s.confirm {
		confirm = stageEditorConfirmView.el(lang,
			i18n.F(lang, "designer.stage.confirmDelete", "stage", st.Name, "triggers", strconv.Itoa(s.Triggers), "rules", strconv.Itoa(s.Robots)),
			s.onCancelDelete, s.onConfirmDelete)
	}
	b := stageEditorBodyView.els(lang, s.name, s.onName, strings.ToLower(color), s.onColor,
		i18n.T(lang, "designer.stage.id")+": "+st.ID, semantics)
	buttons := stageEditorButtonsView.els(lang, s.onClose, s.onSave)
	return designerModal(lang, i18n.T(lang, "designer.stage.title"), "stage-editor", "", s.onClose,
		[]app.UI{errs, b[0], b[1], b[2], moves, confirm},
		del, buttons[0], buttons[1])
}

// stageEditorBodyView is the middle of the dialog's body: name and
// colour, the stage's id, and its type (semantics: a select, or why the
// success stage's is fixed).
var stageEditorBodyView = &view{name: "stage-editor-body", src: `
<div class="designer-form__row">
	<div class="designer-form__field designer-form__field--grow">
		<label for="stage-name" class="designer-form__label">{t:designer.stage.name}</label>
		<input id="stage-name" class="designer-input" data-testid="stage-name" value={0} @input={1} />
	</div>
	<div class="designer-form__field">
		<label for="stage-color" class="designer-form__label">{t:designer.stage.color}</label>
		<input id="stage-color" type="color" class="designer-color" value={2} @input={3} />
	</div>
</div>
<p class="designer-form__hint">{4}</p>
<div class="designer-form__field">
	<label for="stage-semantics" class="designer-form__label">{t:designer.stage.semantics}</label>
	{5}
	<p class="designer-form__hint">{t:designer.stage.orderHint}</p>
</div>`}

func (s *StageEditor) onName(ctx app.Context, e app.Event) { s.name = jsValue(ctx) }

func (s *StageEditor) onColor(ctx app.Context, e app.Event) { s.color = jsValue(ctx) }

func (s *StageEditor) onSemantics(ctx app.Context, e app.Event) {
	if s.OnSemantics != nil {
		s.OnSemantics(ctx, jsValue(ctx))
	}
}

func (s *StageEditor) onLeft(ctx app.Context, e app.Event) { s.move(ctx, -1) }

func (s *StageEditor) onRight(ctx app.Context, e app.Event) { s.move(ctx, 1) }

func (s *StageEditor) onCancelDelete(ctx app.Context, e app.Event) { s.confirm = false }

func (s *StageEditor) onConfirmDelete(ctx app.Context, e app.Event) { s.delete(ctx) }

func (s *StageEditor) onSave(ctx app.Context, e app.Event) {
	if s.OnSave != nil {
		s.OnSave(ctx, s.name, s.color)
	}
}

func (s *StageEditor) move(ctx app.Context, delta int) {
	if s.OnMove != nil {
		s.OnMove(ctx, delta)
	}
}

// onDelete asks first when the stage carries triggers or robots.
func (s *StageEditor) onDelete(ctx app.Context, e app.Event) {
	if s.Triggers+s.Robots > 0 && !s.confirm {
		s.confirm = true
		return
	}
	s.delete(ctx)
}

func (s *StageEditor) delete(ctx app.Context) {
	s.confirm = false
	if s.OnDelete != nil {
		s.OnDelete(ctx)
	}
}

func (s *StageEditor) onClose(ctx app.Context, e app.Event) {
	if s.OnClose != nil {
		s.OnClose(ctx)
	}
}

// stageEditorSemanticsView is the select of a stage's type, when it is not
// the success stage.
var stageEditorSemanticsView = &view{name: "stage-editor-semantics", src: `
<select id="stage-semantics" class="designer-input designer-input--short" data-testid="stage-semantics" @change={0}>
	<option value="process" selected={1}>{t:designer.semantics.process}</option>
	<option value="failure" selected={2}>{t:designer.semantics.failure}</option>
</select>`}

// stageEditorMovesView are the buttons moving the stage left and right,
// each with its icon ({0}, {2}).
var stageEditorMovesView = &view{name: "stage-editor-moves", src: `
<div class="designer-form__field">
	<span class="designer-form__label">{t:designer.stage.move}</span>
	<div class="designer-form__buttons">
		<button type="button" class="button button--secondary" data-testid="stage-left" @click={1}>
			{0}
			<span class="icon-text">{t:designer.moveLeft}</span>
		</button>
		<button type="button" class="button button--secondary" data-testid="stage-right" @click={3}>
			<span class="icon-text">{t:designer.moveRight}</span>
			{2}
		</button>
	</div>
</div>`}

// stageEditorConfirmView asks before deleting a stage that carries
// triggers or robots.
var stageEditorConfirmView = &view{name: "stage-editor-confirm", src: `
<div class="designer-confirm designer-confirm--inline" role="alert">
	<p class="designer-confirm__text">{0}</p>
	<div class="designer-form__buttons">
		<button type="button" class="button button--secondary" @click={1}>{t:designer.cancel}</button>
		<button type="button" class="button button--danger" data-testid="stage-delete-confirm" @click={2}>{t:designer.delete}</button>
	</div>
</div>`}

// stageEditorDeleteView is the delete button, at the footer's left.
var stageEditorDeleteView = &view{name: "stage-editor-delete", src: `
<button type="button" class="button button--danger-link designer-modal__left" data-testid="stage-delete" @click={0}>{t:designer.stage.delete}</button>`}

// stageEditorButtonsView are the footer's cancel and save buttons.
var stageEditorButtonsView = &view{name: "stage-editor-buttons", src: `
<button type="button" class="button button--secondary" @click={0}>{t:designer.cancel}</button>
<button type="button" class="button button--primary" data-testid="stage-save" @click={1}>{t:designer.save}</button>`}
