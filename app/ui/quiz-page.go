package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
)

// QuizPage is /quiz?lesson=ID or ?example=NAME (or the open scenario):
// "where will this deal go?". The board shows the items before the next
// script event, the event is told in words, the learner picks a stage,
// and the page reveals the outcome with the narration that explains it.
// The score counts this session's answers. The question, the pick and the
// score are in the address (route.Place.Question…), so a reload, back and
// forward and a copied address land on the same question.
type QuizPage struct {
	app.Compo
	teachChrome

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	sc       *engine.Scenario
	title    string
	quiz     *teach.Quiz
	q        *teach.Question
	picked   string
	correct  bool
	finished bool
	err      string
}

// OnNav loads the scenario and goes to the question of the address (the
// first without one).
func (p *QuizPage) OnNav(ctx app.Context) {
	p.mountChrome(ctx, p.Tab)
	p.sc, p.title = teachScenario(p.Tab.Session, ctx.Page().URL().Query().Get)
	at := p.place
	p.seek(teach.QuizPlace{Question: at.Question, Pick: at.Pick, Right: at.Right, Asked: at.Asked})
	p.syncPlace(ctx)
	markShown(ctx, route.Quiz, p.place.Lesson)
}

// seek starts the quiz over at place at (the first question for the zero
// place).
func (p *QuizPage) seek(at teach.QuizPlace) {
	p.quiz, p.q, p.picked, p.correct, p.finished, p.err = nil, nil, "", false, false, ""
	if p.sc == nil {
		return
	}
	q, err := teach.SeekQuiz(p.sc, at, p.currentLang())
	if err != nil {
		p.err = err.Error()
		return
	}
	p.quiz, p.q = q, q.Current()
	p.finished = p.q == nil
	if p.q != nil && q.Answered() {
		p.picked = q.Place().Pick
		answer, _ := p.q.Reveal()
		p.correct = p.picked == answer
	}
}

// syncPlace writes the quiz's question, pick and score into the address.
func (p *QuizPage) syncPlace(ctx app.Context) {
	if p.quiz == nil {
		return
	}
	at := p.quiz.Place()
	p.place.Question, p.place.Pick, p.place.Right, p.place.Asked = at.Question, at.Pick, at.Right, at.Asked
	showPlace(ctx, p.place)
}

func (p *QuizPage) next() {
	p.picked = ""
	q, ok := p.quiz.Next(p.currentLang())
	p.q, p.finished = q, !ok
}

func (p *QuizPage) onLangChange(ctx app.Context, lang string) { p.changeLang(ctx, lang) }

func (p *QuizPage) onPick(ctx app.Context, stage string) {
	if p.q == nil || p.picked != "" {
		return
	}
	p.picked = stage
	p.correct = p.quiz.Answer(stage)
	p.syncPlace(ctx)
}

func (p *QuizPage) onNext(ctx app.Context, e app.Event) {
	p.next()
	p.syncPlace(ctx)
}

func (p *QuizPage) onAgain(ctx app.Context, e app.Event) {
	p.seek(teach.QuizPlace{})
	p.syncPlace(ctx)
}

// Render implements app.Composer.
func (p *QuizPage) Render() app.UI {
	lang := p.currentLang()
	if p.quiz == nil {
		msg := i18n.T(lang, "teach.noScenario")
		if p.err != "" {
			msg = i18n.F(lang, "teach.error", "error", p.err)
		}
		return p.frame(p.Tab, "quiz-page", p.onLangChange,
			p.toolbar(i18n.T(lang, "teach.quiz.title"), ""),
			&EmptyState{TestID: "quiz-empty", Icon: "info", Heading: 2, Title: msg,
				ActionText: i18n.T(lang, "teach.toLessons"), ActionHref: "/lessons", ActionID: "quiz-to-lessons",
				Extra: []app.UI{teachPicker(lang, "/quiz")}},
		)
	}
	right, asked := p.quiz.Score()
	score := elct("span", "quiz-page__score", "quiz-score").
		Aria("label", i18n.T(lang, "teach.quiz.scoreLabel")).
		Text(i18n.T(lang, "teach.quiz.scoreLabel") + ": " + i18n.F(lang, "teach.quiz.score", "right", right, "asked", asked))
	if p.finished || p.q == nil {
		return p.frame(p.Tab, "quiz-page", p.onLangChange,
			p.toolbar(i18n.T(lang, "teach.quiz.title"), p.title, score),
			elc("div", "quiz-page__end").Role("status").DataSet("testid", "quiz-end").Body(
				elText("p", i18n.F(lang, "teach.quiz.end", "right", right, "asked", asked)),
				buttonc("button button--primary").DataSet("testid", "quiz-again").
					OnClick(p.onAgain).Body(iconText("restart", i18n.T(lang, "teach.quiz.again"))...),
			),
			teachPicker(lang, "/quiz"),
		)
	}
	q := p.q
	answer, story := "", teach.Narration{}
	if p.picked != "" {
		answer, story = q.Reveal()
	}
	stageName := func(id string) string {
		for _, st := range q.Options {
			if st.ID == id {
				return st.Name
			}
		}
		return id
	}
	lit := teachLit{target: q.Target}
	if p.picked != "" {
		lit.stage = answer
	}
	cards := q.Cards()
	if p.picked != "" {
		cards = story.Cards(q.Lane, len(story.Steps)-1)
	}
	return p.frame(p.Tab, "quiz-page", p.onLangChange,
		p.toolbar(i18n.T(lang, "teach.quiz.title"), p.title, score),
		elc("div", "quiz-page__stage").Body(
			elct("p", "quiz-page__event", "quiz-event").Text(q.Text),
			elc("p", "quiz-page__question").Body(
				app.Text(i18n.F(lang, "teach.quiz.question", "item", q.Title)),
				app.If(q.From != "", func() app.UI {
					return spanc("quiz-page__now", i18n.F(lang, "teach.quiz.now", "stage", stageName(q.From)))
				}),
			),
			elc("div", "quiz-page__options").Role("group").Aria("label", i18n.T(lang, "teach.quiz.pick")).Body(
				app.Range(q.Options).Slice(func(i int) app.UI {
					st := q.Options[i]
					cls := "quiz-page__option"
					switch {
					case p.picked != "" && st.ID == answer:
						cls += " quiz-page__option--answer"
					case p.picked == st.ID:
						cls += " quiz-page__option--wrong"
					}
					color := st.Color
					if color == "" {
						color = "#39A8EF"
					}
					return buttonc(cls).
						DataSet("testid", "quiz-option").
						DataSet("stage", st.ID).
						Style("--stage-color", color).
						Style("--stage-text", textOn(color)).
						Attr("disabled", p.picked != "").
						Aria("pressed", fmt.Sprint(p.picked == st.ID)).
						OnClick(func(ctx app.Context, e app.Event) { p.onPick(ctx, st.ID) }).
						Text(st.Name)
				}),
			),
			app.If(p.picked != "", func() app.UI {
				verdict, cls := i18n.T(lang, "teach.quiz.right"), "quiz-page__reveal quiz-page__reveal--right"
				if !p.correct {
					verdict = i18n.T(lang, "teach.quiz.wrong") + " " + i18n.F(lang, "teach.quiz.answer", "stage", stageName(answer))
					cls = "quiz-page__reveal quiz-page__reveal--wrong"
				}
				return elc("div", cls).Role("status").Body(
					elct("p", "quiz-page__verdict", "quiz-verdict").DataSet("correct", fmt.Sprint(p.correct)).Text(verdict),
					elcText("h2", "quiz-page__why", i18n.T(lang, "teach.quiz.why")),
					elc("ol", "quiz-page__story").Body(
						app.Range(story.Steps).Slice(func(i int) app.UI {
							s := story.Steps[i]
							return elc("li", "narration-page__item narration-page__item--"+s.Tone).Body(
								app.Text(s.Text),
								app.If(s.Reason != "", func() app.UI {
									return spanc("quiz-page__reason", s.Reason)
								}),
							)
						}),
					),
					buttonc("button button--primary button--big").DataSet("testid", "quiz-next").
						OnClick(p.onNext).Body(iconTextAfter(i18n.T(lang, "teach.quiz.next"), "right")...),
				)
			}),
		),
		teachBoard(lang, p.sc, q.Lane, cards, lit),
	)
}
