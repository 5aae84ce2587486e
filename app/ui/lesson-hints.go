package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// lessonHints renders a lesson's hints: the first open ones, then a button
// that opens the next (onMore), so the trainee asks for them one by one.
func lessonHints(lang string, hints []string, open int, onMore app.EventHandler) app.UI {
	if len(hints) == 0 {
		return app.Text("")
	}
	open = min(open, len(hints))
	return elc("section", "lesson-hints").Attr("aria-label", i18n.T(lang, "lesson.hints")).Attr("data-testid", "lesson-hints").Body(
		elc("ol", "lesson-hints__list").Body(
			app.Range(hints[:open]).Slice(func(i int) app.UI {
				return elct("li", "lesson-hints__hint", "lesson-hint").Body(
					elText("strong", i18n.F(lang, "lesson.hint.label", "n", i+1)+": "),
					app.Text(hints[i]),
				)
			}),
		),
		app.If(open < len(hints), func() app.UI {
			return buttonc("button button--quiet").Attr("data-testid", "lesson-hint-more").
				OnClick(onMore).Text(i18n.F(lang, "lesson.hint.show", "n", open+1, "total", len(hints)))
		}),
	)
}

// lessonTools links the trainer's pages from the lessons list: make a
// lesson from the open scenario, open a lesson file, collect results.
func lessonTools(lang string) app.UI {
	return elc("nav", "lesson-tools").Attr("aria-label", i18n.T(lang, "author.title")).Body(
		elc("a", "button").Attr("href", "/author").Attr("data-testid", "lesson-tools-author").Text(i18n.T(lang, "author.link")),
		elc("a", "button").Attr("href", "/train").Attr("data-testid", "lesson-tools-train").Text(i18n.T(lang, "train.import")),
		elc("a", "button").Attr("href", "/results").Attr("data-testid", "lesson-tools-results").Text(i18n.T(lang, "author.results")),
	)
}
