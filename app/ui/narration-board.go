package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
)

// teachLit names what the narration and the quiz highlight on the board.
type teachLit struct {
	target, trigger, robot, stage string
}

// teachBoard draws one pipeline as Bitrix24's Kanban: a coloured bar per
// stage with its triggers and robots, then the cards. It is a function,
// not a component: it has no state and the narration and quiz pages redraw
// it on every step.
func teachBoard(lang string, sc *engine.Scenario, lane teach.Lane, cards []teach.Card, lit teachLit) app.UI {
	return elc("section", "narration-board").
		Attr("aria-label", lane.Name).
		Body(
			elcText("h2", "narration-board__title", lane.Name),
			// The columns scroll sideways on narrow screens: a focusable
			// region lets keyboard users scroll them too.
			elc("div", "narration-board__columns").Role("region").
				Attr("aria-label", i18n.T(lang, "board.region")).TabIndex(0).Body(
				app.Range(lane.Stages).Slice(func(i int) app.UI {
					st := lane.Stages[i]
					return teachColumn(lang, sc, lane.Entity, st, cards, lit)
				}),
			),
		)
}

func teachColumn(lang string, sc *engine.Scenario, entity string, st engine.Stage, cards []teach.Card, lit teachLit) app.UI {
	class := "narration-board__column narration-board__column--" + st.Semantics
	if lit.stage == st.ID {
		class += " narration-board__column--lit"
	}
	color := st.Color
	if color == "" {
		color = "#39A8EF"
	}
	var triggers []engine.Trigger
	for _, t := range sc.Triggers {
		if t.Entity != entity {
			continue
		}
		if found, _, ok := sc.FindStage(entity, t.Stage); ok && found.ID == st.ID {
			triggers = append(triggers, t)
		}
	}
	var robots []engine.Robot
	for _, r := range sc.Robots {
		if r.Entity != entity {
			continue
		}
		if found, _, ok := sc.FindStage(entity, r.Stage); ok && found.ID == st.ID {
			robots = append(robots, r)
		}
	}
	var here []teach.Card
	for _, c := range cards {
		if c.Stage == st.ID {
			here = append(here, c)
		}
	}
	// An empty failure stage says nothing in a lesson: leave room for
	// the stages that matter on a projector.
	if st.Semantics == engine.Failure && len(here)+len(triggers)+len(robots) == 0 && lit.stage != st.ID {
		return nil
	}
	return elc("div", class).
		Attr("data-stage", st.ID).
		Body(
			elc("div", "narration-board__head").
				Style("background", color).
				Style("color", textOn(color)).
				Text(st.Name),
			elc("div", "narration-board__chips").Body(
				app.Range(triggers).Slice(func(i int) app.UI {
					t := triggers[i]
					cls := "narration-board__chip narration-board__chip--trigger"
					if lit.trigger == t.ID {
						cls += " narration-board__chip--lit"
					}
					return elc("span", cls).
						Attr("data-trigger", t.ID).
						Title(i18n.T(lang, "board.column.trigger")+": "+t.Code).
						Body(Icon("bolt"), app.Text(triggerLabel(t, lang)))
				}),
				app.Range(robots).Slice(func(i int) app.UI {
					r := robots[i]
					cls := "narration-board__chip narration-board__chip--robot"
					if lit.robot == r.ID {
						cls += " narration-board__chip--lit"
					}
					return elc("span", cls).
						Attr("data-robot", r.ID).
						Title(r.Type).
						Body(Icon("gear"), app.Text(robotLabel(r, lang)))
				}),
			),
			elc("div", "narration-board__cards").Body(
				app.Range(here).Slice(func(i int) app.UI {
					c := here[i]
					cls := "narration-board__card"
					if lit.target == c.Target {
						cls += " narration-board__card--lit"
					}
					return elc("div", cls).
						Attr("data-target", c.Target).
						Body(
							divText("narration-board__card-title", c.Title),
							elc("div", "narration-board__card-meta").Body(
								spanc("narration-board__card-amount", c.Amount),
								spanc("narration-board__card-id", c.Target),
							),
						)
				}),
			),
		)
}

func triggerLabel(t engine.Trigger, lang string) string {
	if t.Name != "" {
		return t.Name
	}
	if ti, ok := engine.LookupTrigger(t.Code); ok {
		if lang == "en" {
			return ti.ShortName["en"]
		}
		return ti.ShortName["ru"]
	}
	return t.Code
}

func robotLabel(r engine.Robot, lang string) string {
	if r.Name != "" {
		return r.Name
	}
	return engine.RobotTypeName(r.Type, i18n.Normalize(lang))
}
