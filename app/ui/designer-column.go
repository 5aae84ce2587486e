package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/engine"
)

// DesignerColumn is one stage of the pipeline: the coloured header with
// the stage name and its semantics, the «Триггеры» section (triggers that
// move items to this stage) and the «Роботы» section (robots that run when
// an item enters it).
type DesignerColumn struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Entity is the entity type of the stage's pipeline.
	Entity string
	// Stage is the stage shown.
	Stage engine.Stage
	// Triggers and Robots are the ones placed on the stage, in order.
	Triggers []engine.Trigger
	Robots   []engine.Robot
	// DelayTexts holds the delay wording of each robot, by index.
	DelayTexts []string
	// Lint holds the lint findings of the shown scenario, grouped; the
	// column shows those of its stage, triggers and robots.
	Lint lintview.Index
	// Highlight is the element id a followed lint link points to.
	Highlight string

	OnEditStage, OnAddTrigger, OnAddRobot         func(ctx app.Context, stage string)
	OnEditTrigger, OnCopyTrigger, OnDeleteTrigger func(ctx app.Context, id string)
	OnEditRobot, OnCopyRobot, OnDeleteRobot       func(ctx app.Context, id string)
	OnMoveRobot                                   func(ctx app.Context, id string, delta int)

	// StageLocked, TriggersLocked and RobotsLocked say why the trainee of
	// a lesson may not change the stage's settings, its triggers or its
	// robots ("" when they may): the controls are disabled and the
	// reason is shown.
	StageLocked, TriggersLocked, RobotsLocked string
}

// lockNote shows why a section of the column is locked; the disabled
// control it explains points at it with aria-describedby.
func lockNote(id, text string) app.UI {
	if text == "" {
		return nil
	}
	return designerColumnLockView.el("", id, Icon("ban"), text)
}

// designerColumnLockView is a lock note: the icon and why.
var designerColumnLockView = &view{name: "designer-column-lock", src: `
<p id={0} class="designer-column__locked" data-testid="designer-locked">
	<span class="designer-column__locked-icon" aria-hidden="true">{1}</span>
	<span>{2}</span>
</p>`}

// Render implements app.Composer.
func (c *DesignerColumn) Render() app.UI {
	st := c.Stage
	color := st.Color
	if color == "" {
		color = "#39A8EF"
	}
	stageNotes := c.Lint.Stages[lintview.StageKey(c.Entity, st.ID)]
	headLabel := i18n.F(c.Lang, "designer.stageSettings", "stage", st.Name)
	headTitle := headLabel
	var stageTexts []string
	for _, n := range stageNotes {
		stageTexts = append(stageTexts, n.Text)
	}
	if len(stageTexts) > 0 {
		mark := i18n.F(c.Lang, "designer.lint.stageMark", "findings", strings.Join(stageTexts, "; "))
		headLabel += ". " + mark
		headTitle = strings.Join(stageTexts, "\n\n") + "\n\n" + headTitle
	}
	if c.StageLocked != "" {
		headTitle = c.StageLocked
	}
	class := "designer-column designer-column--" + st.Semantics
	if c.Highlight != "" && c.Highlight == lintview.StageAnchor(st.ID) {
		class += " lint-target"
	}
	var lint app.UI
	if len(stageNotes) > 0 {
		w := lintview.Worst(stageNotes)
		lint = designerColumnLintView.el(c.Lang, "designer-column__lint lint-icon lint-icon--"+w, w, lintIcon(w))
	}
	triggers := make([]app.UI, len(c.Triggers))
	for i, t := range c.Triggers {
		triggers[i] = &TriggerChip{
			Lang:      c.Lang,
			Trigger:   t,
			Lint:      c.Lint.Triggers[t.ID],
			Highlight: c.Highlight != "" && c.Highlight == lintview.TriggerAnchor(t.ID),
			Locked:    c.TriggersLocked,
			OnEdit:    c.OnEditTrigger,
			OnCopy:    c.OnCopyTrigger,
			OnDelete:  c.OnDeleteTrigger,
		}
	}
	robots := make([]app.UI, len(c.Robots))
	for i, r := range c.Robots {
		delay := ""
		if i < len(c.DelayTexts) {
			delay = c.DelayTexts[i]
		}
		robots[i] = &RobotChip{
			Lang:      c.Lang,
			Robot:     r,
			DelayText: delay,
			First:     i == 0,
			Last:      i == len(c.Robots)-1,
			Lint:      c.Lint.Robots[r.ID],
			Highlight: c.Highlight != "" && c.Highlight == lintview.RobotAnchor(r.ID),
			Locked:    c.RobotsLocked,
			OnEdit:    c.OnEditRobot,
			OnCopy:    c.OnCopyRobot,
			OnDelete:  c.OnDeleteRobot,
			OnMove:    c.OnMoveRobot,
		}
	}
	// The head's style is the string go-app's two Style calls
	// (--stage-color, color) make: each "name:value" trimmed, joined by ";".
	style := strings.TrimSpace("--stage-color:"+color) + ";" + strings.TrimSpace("color:"+textOn(color))
	return designerColumnView.el(c.Lang, class, lintview.StageAnchor(st.ID), st.ID, st.Name,
		style, headTitle, headLabel, c.StageLocked != "", c.onEditStage,
		lint, "designer-column__semantics designer-column__semantics--"+st.Semantics,
		i18n.T(c.Lang, "designer.semantics."+st.Semantics), Icon("gear"),
		c.section("trigger", "designer.triggers", triggers, c.TriggersLocked, "designer.addTriggerLabel", "designer.addTrigger", c.onAddTrigger),
		c.section("robot", "designer.robots", robots, c.RobotsLocked, "designer.addRobotLabel", "designer.addRobot", c.onAddRobot))
}

// designerColumnView is the column: its head (the settings button) and sections.
var designerColumnView = &view{name: "designer-column", src: `
<section class={0} id={1} data-stage={2} aria-label={3}>
	<button type="button" class="designer-column__head" style={4} title={5} aria-label={6} disabled={7} @click={8}>
		{9}
		<span class="designer-column__name" title={3}>{3}</span>
		<span class={10}>{11}</span>
		<span aria-hidden="true" class="designer-column__gear">{12}</span>
	</button>
	{13}
	{14}
</section>`}

// designerColumnLintView is the sign of the stage's worst lint finding.
var designerColumnLintView = &view{name: "designer-column-lint", src: `
<span class={0} data-testid="stage-lint" data-severity={1} aria-hidden="true">{2}</span>`}

// section is the column's list of triggers or of robots (kind "trigger"
// or "robot"): its heading, the chips, why it is locked and the add
// button.
func (c *DesignerColumn) section(kind, labelKey string, chips []app.UI, locked, addLabelKey, addKey string, onAdd app.EventHandler) app.UI {
	lock := "lock-" + kind + "s-" + c.Stage.ID
	return designerColumnSectionView.el(c.Lang, "designer-column__section designer-column__section--"+kind+"s",
		i18n.T(c.Lang, labelKey), chips, lockNote(lock, locked),
		"designer-column__add designer-column__add--"+kind, onAdd,
		i18n.F(c.Lang, addLabelKey, "stage", c.Stage.Name), "add-"+kind, locked != "", lockRef(lock, locked),
		i18n.T(c.Lang, addKey))
}

// designerColumnSectionView is a section: heading, chips, lock note, add button.
var designerColumnSectionView = &view{name: "designer-column-section", src: `
<div class={0}>
	<h3 class="designer-column__label">{1}</h3>
	{2}
	{3}
	<button type="button" class={4} aria-label={6} data-testid={7} disabled={8} aria-describedby={9} @click={5}>{10}</button>
</div>`}

// lockRef is the aria-describedby of a control a lock note explains
// ("" when it is not locked: go-app then leaves the attribute out).
func lockRef(id, locked string) string {
	if locked == "" {
		return ""
	}
	return id
}

func (c *DesignerColumn) onEditStage(ctx app.Context, e app.Event) {
	if c.OnEditStage != nil {
		c.OnEditStage(ctx, c.Stage.ID)
	}
}

func (c *DesignerColumn) onAddTrigger(ctx app.Context, e app.Event) {
	if c.OnAddTrigger != nil {
		c.OnAddTrigger(ctx, c.Stage.ID)
	}
}

func (c *DesignerColumn) onAddRobot(ctx app.Context, e app.Event) {
	if c.OnAddRobot != nil {
		c.OnAddRobot(ctx, c.Stage.ID)
	}
}
