package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/lintview"
)

// LintBadge marks a trigger or robot chip that the lint («Проверка») has
// findings about: a red (error), amber (warning) or blue (info) circle
// whose title and aria-label carry the messages. A click opens the list
// of findings with their codes.
type LintBadge struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Notes are the findings about the chip, most relevant first.
	Notes []lintview.Note

	open bool
}

// Render implements app.Composer.
func (b *LintBadge) Render() app.UI {
	if len(b.Notes) == 0 {
		return elc("span", "lint-badge-wrap lint-badge-wrap--empty")
	}
	worst := lintview.Worst(b.Notes)
	texts := make([]string, len(b.Notes))
	for i, n := range b.Notes {
		texts[i] = n.Text
	}
	mark := lintIcon(worst)
	if len(b.Notes) > 1 {
		mark = app.Text(strconv.Itoa(len(b.Notes)))
	}
	return elc("span", "lint-badge-wrap").Body(
		buttonc("lint-badge lint-badge--"+worst).
			DataSet("testid", "lint-badge").
			DataSet("severity", worst).
			Title(strings.Join(texts, "\n\n")).
			Aria("label", i18n.F(b.Lang, "designer.lint.badgeLabel", "n", strconv.Itoa(len(texts)), "findings", strings.Join(texts, "; "))).
			Aria("expanded", boolText(b.open)).
			Body(mark).
			OnClick(b.onToggle),
		app.If(b.open, func() app.UI {
			return elc("div", "lint-pop").Role("dialog").
				DataSet("testid", "lint-pop").
				Aria("label", i18n.T(b.Lang, "designer.lint.title")).
				OnKeyDown(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Escape" {
						b.open = false
					}
				}).
				Body(
					elc("ul", "lint-pop__list").Body(
						app.Range(b.Notes).Slice(func(i int) app.UI {
							n := b.Notes[i]
							return elc("li", "lint-pop__item lint-pop__item--"+n.Severity).DataSet("code", n.Code).Body(
								elc("span", "lint-icon lint-icon--"+n.Severity).
									Aria("label", i18n.T(b.Lang, "designer.lint.severity."+n.Severity)).
									Role("img").
									Body(lintIcon(n.Severity)),
								elcText("code", "lint-code", n.Code),
								pc("lint-pop__text", n.Text),
							)
						}),
					),
					buttonc("button button--secondary lint-pop__close").
						Text(i18n.T(b.Lang, "designer.close")).
						OnClick(b.onToggle),
				)
		}),
	)
}

func (b *LintBadge) onToggle(ctx app.Context, e app.Event) {
	b.open = !b.open
}

// lintIcon is the sign of a severity: a circled ! for an error, a
// triangle for a warning, a circled i for a remark.
func lintIcon(severity string) app.UI {
	switch severity {
	case "error":
		return Icon("error")
	case "warning":
		return Icon("alert")
	}
	return Icon("info")
}

// lintCount is «3 замечания» / "3 findings", or «Замечаний нет».
func lintCount(lang string, n int) string {
	if n == 0 {
		return i18n.T(lang, "designer.lint.none")
	}
	return strconv.Itoa(n) + " " + i18n.Plural(lang, n,
		i18n.T(lang, "designer.lint.one"), i18n.T(lang, "designer.lint.few"), i18n.T(lang, "designer.lint.many"))
}
