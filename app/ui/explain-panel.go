package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// ExplainPanel explains the last event: where it was delivered, every
// candidate trigger with why it fired or not, what moved, and what the
// robots did.
type ExplainPanel struct {
	app.Compo

	Lang string
	// X is the explanation; nil before the first event.
	X *simulate.Explanation
}

// Render implements app.Composer.
func (p *ExplainPanel) Render() app.UI {
	if p.X == nil {
		return elct("section", "explain", "explain").Body(
			pc("explain__hint", i18n.T(p.Lang, "board.explain.none")),
		)
	}
	x := p.X
	return elct("section", "explain", "explain").
		Attr("data-event", strconv.Itoa(x.Index)).
		Attr("aria-live", "polite").
		Body(
			p.section(x.Section, 0, true, x.Code),
			app.Range(x.Later).Slice(func(i int) app.UI {
				return p.section(x.Later[i], i+1, false, x.Code)
			}),
			p.omitted("board.explain.laterOmitted", x.LaterOmitted),
		)
}

// section is one instant and its cause: a heading with the time, then
// the entries grouped. The first section is the event's own; a later one
// is a delayed robot's run.
func (p *ExplainPanel) section(s simulate.Section, n int, own bool, code string) app.UI {
	cls := "explain__section"
	if !own {
		cls += " explain__section--later"
	}
	return elc("div", cls).Attr("data-section", strconv.Itoa(n)).Body(
		elc("div", "explain__event").Body(
			spanc("explain__time", simulate.FormatShort(s.When, p.Lang)),
			elc("strong", "explain__title").Title(s.Cause).Text(s.Cause),
		),
		p.group("delivery", "board.explain.delivery", s.Delivery),
		p.group("candidates", "board.explain.candidates", s.Candidates),
		app.If(own && len(s.Candidates) == 0 && code != "CREATE" && code != "UPDATE" && code != "MOVE", func() app.UI {
			return pc("explain__hint", i18n.T(p.Lang, "board.explain.noCandidates"))
		}),
		p.group("changes", "board.explain.changes", s.Changes),
		p.group("robots", "board.explain.robots", s.Robots),
		p.group("other", "board.explain.other", s.Other),
		p.omitted("board.explain.omitted", s.Omitted),
	)
}

// omitted says how many entries or later sections are not listed
// (simulate.ExplainLimit); data-omitted holds the number.
func (p *ExplainPanel) omitted(key string, n int) app.UI {
	if n == 0 {
		return nil
	}
	return elc("p", "explain__hint explain__omitted").Attr("data-omitted", strconv.Itoa(n)).
		Text(strings.ReplaceAll(i18n.T(p.Lang, key), "{n}", strconv.Itoa(n)))
}

func (p *ExplainPanel) group(id, key string, lines []simulate.Line) app.UI {
	if len(lines) == 0 {
		return nil
	}
	return elc("div", "explain__group").Attr("data-group", id).Body(
		h3c("explain__heading", i18n.T(p.Lang, key)),
		app.Raw(explainListHTML(lines)),
	)
}

// explainListHTML is the markup of a group's list: the same elements
// go-app would build line by line, put in the page in one piece. The
// explanation of a call over ten thousand deals lists hundreds of lines,
// and mounting them one element and one icon at a time was most of the
// task that draws the end of a jump. Every text is escaped.
func explainListHTML(lines []simulate.Line) string {
	var b strings.Builder
	b.WriteString(`<ul class="explain__list">`)
	for _, l := range lines {
		mark, cls := markOf(l)
		b.WriteString(`<li class="explain__line explain__line--` + cls + `"><span class="explain__mark" aria-hidden="true">` + iconSVG(mark) +
			`</span><span class="explain__text">` + escapeHTML(l.Text) + `</span></li>`)
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// markOf is a line's icon and style: fired and ran lines are green,
// skipped and failed ones grey or red.
func markOf(l simulate.Line) (string, string) {
	switch {
	case l.Status == simulate.Fired:
		return "check", "ok"
	case l.Status == simulate.Skipped:
		return "cross", "skip"
	case l.Type == "robot" && l.Status == "ran":
		return "check", "ok"
	case l.Type == "robot":
		return "cross", "skip"
	case l.Type == "scheduled":
		return "clock", "wait"
	case l.Type == "cancelled", l.Type == "undelivered":
		return "ban", "skip"
	case l.Type == "error", l.Type == "loop":
		return "alert", "error"
	case l.Type == "outbox":
		return "mail", "info"
	case l.Type == "deliver":
		return "right", "info"
	}
	return "dot", "info"
}
