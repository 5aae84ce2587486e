package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/lesson"
)

// LessonGoals is the trainee's lesson above the designer's board: the
// lesson's title and a link back to it, what the lesson lets the trainee
// change, and its goals, each turning green as soon as an edit meets it
// (the designer checks them on every new value of the scenario, with the
// same expectation machinery as scenario files).
type LessonGoals struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Title is the lesson's title; Back its page.
	Title, Back string
	// Scope says what the trainee may change ("" for anything); Setup
	// why stages, pipelines and entity types are locked ("" when not).
	Scope, Setup string
	// Report is the verdict on the open scenario.
	Report lesson.Report
}

// Render implements app.Composer.
func (g *LessonGoals) Render() app.UI {
	lang := i18n.Normalize(g.Lang)
	r := g.Report
	var scope, done app.UI
	if g.Scope != "" {
		var setup any
		if g.Setup != "" {
			setup = " " + g.Setup
		}
		scope = lessonGoalsScopeView.el(lang, g.Scope, setup)
	}
	messages := make([]app.UI, len(r.Messages))
	for i, m := range r.Messages {
		messages[i] = elct("p", "lesson-page__error", "designer-lesson-scope-error").Text(m)
	}
	if r.Done {
		done = lessonGoalsDoneView.el(lang, Icon("star"))
	}
	return lessonGoalsView.el(lang, fmt.Sprint(r.Done),
		i18n.F(lang, "designer.lesson.title", "title", g.Title),
		i18n.F(lang, "designer.lesson.count", "passed", r.Passed(), "total", len(r.Goals)),
		g.Back, Icon("back"), scope, lessonGoalList(lang, r.Goals), messages, done)
}

// lessonGoalsView is the lesson above the board: the head (title, count,
// the link back), what the trainee may change ({5}), then the goals, the
// messages and the note that all are met. The list is a live region: a
// goal that turns green is read out.
var lessonGoalsView = &view{name: "lesson-goals", src: `
<section class="lesson-goals" data-testid="designer-lesson" data-done={0} aria-labelledby="lesson-goals-title">
	<div class="lesson-goals__head">
		<h2 id="lesson-goals-title" class="lesson-goals__title">{1}</h2>
		<span class="lesson-goals__count" data-testid="designer-lesson-count">{2}</span>
		<a class="button button--secondary lesson-goals__back" data-testid="designer-lesson-back" href={3}>{4}<span class="icon-text">{t:designer.lesson.back}</span></a>
	</div>
	{5}
	<div aria-live="polite">{6}{7}{8}</div>
</section>`}

// lessonGoalsScopeView says what the trainee may change, then ({1}, with
// its leading space) why the setup is locked.
var lessonGoalsScopeView = &view{name: "lesson-goals-scope", src: `
<p id="lesson-goals-scope" class="lesson-goals__scope" data-testid="designer-lesson-scope">{0}{1}</p>`}

// lessonGoalsDoneView is the note that every goal is met.
var lessonGoalsDoneView = &view{name: "lesson-goals-done", src: `
<p class="lesson-goals__done" data-testid="designer-lesson-done">{0}<span class="icon-text">{t:designer.lesson.done}</span></p>`}
