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
	return elct("section", "lesson-goals", "designer-lesson").
		DataSet("done", fmt.Sprint(r.Done)).
		Aria("labelledby", "lesson-goals-title").Body(
		elc("div", "lesson-goals__head").Body(
			app.Elem("h2").ID("lesson-goals-title").Class("lesson-goals__title").Text(i18n.F(lang, "designer.lesson.title", "title", g.Title)),
			elct("span", "lesson-goals__count", "designer-lesson-count").
				Text(i18n.F(lang, "designer.lesson.count", "passed", r.Passed(), "total", len(r.Goals))),
			elct("a", "button button--secondary lesson-goals__back", "designer-lesson-back").
				Attr("href", g.Back).Body(iconText("back", i18n.T(lang, "designer.lesson.back"))...),
		),
		app.If(g.Scope != "", func() app.UI {
			return app.Elem("p").ID("lesson-goals-scope").Class("lesson-goals__scope").DataSet("testid", "designer-lesson-scope").Body(
				app.Text(g.Scope),
				app.If(g.Setup != "", func() app.UI { return app.Text(" " + g.Setup) }),
			)
		}),
		// The list is a live region: a goal that turns green is read out.
		app.Elem("div").Aria("live", "polite").Body(
			lessonGoalList(lang, r.Goals),
			app.Range(r.Messages).Slice(func(i int) app.UI {
				return elct("p", "lesson-page__error", "designer-lesson-scope-error").Text(r.Messages[i])
			}),
			app.If(r.Done, func() app.UI {
				return elct("p", "lesson-goals__done", "designer-lesson-done").Body(
					iconText("star", i18n.T(lang, "designer.lesson.done"))...)
			}),
		),
	)
}
