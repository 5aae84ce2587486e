package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// EmptyState is what every page shows where it has nothing to show yet (no
// scenarios, no scenario open, no results): one icon, one title, one
// explanation and one primary action, the same look on every page
// (issue 11). The action is a link when ActionHref is set, a button calling
// OnAction otherwise; Extra holds a page's secondary ways out (a file
// button, a list of examples) and sits under the action.
type EmptyState struct {
	app.Compo

	TestID     string // data-testid of the block
	Icon       string // a name from the icon set (icon.go)
	Heading    int    // 1 when the empty state is the page's main content, 2 under a page title
	Title      string
	Text       string
	Detail     string // an error that explains why the page is empty, shown as an alert
	ActionText string
	ActionHref string
	ActionID   string // data-testid of the primary action
	OnAction   func(ctx app.Context)
	Extra      []app.UI
}

// Render implements app.Composer.
func (s *EmptyState) Render() app.UI {
	var title app.UI = elcText("h2", "empty-state__title", s.Title)
	if s.Heading == 1 {
		title = elcText("h1", "empty-state__title", s.Title)
	}
	return elc("div", "empty-state").Attr("data-empty-state", "1").Attr("data-testid", s.TestID).Body(
		app.If(s.Icon != "", func() app.UI {
			return elc("span", "empty-state__icon").Body(Icon(s.Icon))
		}),
		title,
		app.If(s.Detail != "", func() app.UI {
			return elc("p", "empty-state__detail").Role("alert").Text(s.Detail)
		}),
		app.If(s.Text != "", func() app.UI { return pc("empty-state__text", s.Text) }),
		app.If(s.ActionText != "", func() app.UI { return s.renderAction() }),
		app.If(len(s.Extra) > 0, func() app.UI { return elc("div", "empty-state__extra").Body(s.Extra...) }),
	)
}

func (s *EmptyState) renderAction() app.UI {
	const class = "button button--primary empty-state__action"
	if s.ActionHref != "" {
		return elct("a", class, s.ActionID).Attr("href", s.ActionHref).Text(s.ActionText)
	}
	return buttonc(class).Attr("data-testid", s.ActionID).Text(s.ActionText).
		OnClick(func(ctx app.Context, e app.Event) {
			if s.OnAction != nil {
				s.OnAction(ctx)
			}
		})
}
