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
	var pop app.UI
	if b.open {
		items := make([]app.UI, len(b.Notes))
		for i, n := range b.Notes {
			items[i] = lintPopItemView.el(b.Lang, "lint-pop__item lint-pop__item--"+n.Severity, n.Code,
				"lint-icon lint-icon--"+n.Severity, i18n.T(b.Lang, "designer.lint.severity."+n.Severity),
				lintIcon(n.Severity), n.Text)
		}
		pop = lintPopView.el(b.Lang, func(ctx app.Context, e app.Event) {
			if e.Get("key").String() == "Escape" {
				b.open = false
			}
		}, items, b.onToggle)
	}
	return lintBadgeView.el(b.Lang, "lint-badge lint-badge--"+worst, worst, strings.Join(texts, "\n\n"),
		i18n.F(b.Lang, "designer.lint.badgeLabel", "n", strconv.Itoa(len(texts)), "findings", strings.Join(texts, "; ")),
		boolText(b.open), b.onToggle, mark, pop)
}

// lintBadgeView is the badge: the circle ({6}: the worst severity's sign,
// or how many findings) and, when open ({7}), the list of findings.
var lintBadgeView = &view{name: "lint-badge", src: `
<span class="lint-badge-wrap">
	<button type="button" class={0} data-testid="lint-badge" data-severity={1} title={2} aria-label={3} aria-expanded={4} @click={5}>{6}</button>
	{7}
</span>`}

// lintPopView is the open list of findings with its close button.
var lintPopView = &view{name: "lint-pop", src: `
<div class="lint-pop" role="dialog" data-testid="lint-pop" aria-label={t:designer.lint.title} @keydown={0}>
	<ul class="lint-pop__list">{1}</ul>
	<button type="button" class="button button--secondary lint-pop__close" @click={2}>{t:designer.close}</button>
</div>`}

// lintPopItemView is one finding of the list: its severity's sign, code
// and message.
var lintPopItemView = &view{name: "lint-pop-item", src: `
<li class={0} data-code={1}>
	<span class={2} aria-label={3} role="img">{4}</span>
	<code class="lint-code">{1}</code>
	<p class="lint-pop__text">{5}</p>
</li>`}

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
