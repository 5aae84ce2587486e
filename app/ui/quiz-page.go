package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

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
	title := i18n.T(lang, "teach.quiz.title")
	if p.quiz == nil {
		msg := i18n.T(lang, "teach.noScenario")
		if p.err != "" {
			msg = i18n.F(lang, "teach.error", "error", p.err)
		}
		return p.frame(p.Tab, "quiz-page", p.onLangChange,
			p.toolbar(title, ""),
			&EmptyState{TestID: "quiz-empty", Icon: "info", Heading: 2, Title: msg,
				ActionText: i18n.T(lang, "teach.toLessons"), ActionHref: "/lessons", ActionID: "quiz-to-lessons",
				Extra: []app.UI{teachPicker(lang, "/quiz")}},
		)
	}
	right, asked := p.quiz.Score()
	score := quizScoreView.el(lang,
		i18n.T(lang, "teach.quiz.scoreLabel")+": "+i18n.F(lang, "teach.quiz.score", "right", right, "asked", asked))
	if p.finished || p.q == nil {
		return p.frame(p.Tab, "quiz-page", p.onLangChange,
			p.toolbar(title, p.title, score),
			quizEndView.el(lang, i18n.F(lang, "teach.quiz.end", "right", right, "asked", asked), p.onAgain, Icon("restart")),
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
	var now, reveal app.UI
	if q.From != "" {
		now = spanc("quiz-page__now", i18n.F(lang, "teach.quiz.now", "stage", stageName(q.From)))
	}
	if p.picked != "" {
		verdict, cls := i18n.T(lang, "teach.quiz.right"), "quiz-page__reveal quiz-page__reveal--right"
		if !p.correct {
			verdict = i18n.T(lang, "teach.quiz.wrong") + " " + i18n.F(lang, "teach.quiz.answer", "stage", stageName(answer))
			cls = "quiz-page__reveal quiz-page__reveal--wrong"
		}
		steps := make([]app.UI, len(story.Steps))
		for i, s := range story.Steps {
			var reason app.UI
			if s.Reason != "" {
				reason = spanc("quiz-page__reason", s.Reason)
			}
			steps[i] = quizStepView.el(lang, "narration-page__item narration-page__item--"+s.Tone, s.Text, reason)
		}
		reveal = quizRevealView.el(lang, cls, fmt.Sprint(p.correct), verdict, steps, p.onNext, Icon("right"))
	}
	options := make([]app.UI, len(q.Options))
	for i, st := range q.Options {
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
		id := st.ID
		// The style as go-app's Style builds it, each value trimmed.
		style := "--stage-color:" + strings.TrimRightFunc(color, unicode.IsSpace) + ";--stage-text:" + textOn(color)
		options[i] = quizOptionView.el(lang, cls, st.ID, style, p.picked != "", strconv.FormatBool(p.picked == st.ID),
			func(ctx app.Context, e app.Event) { p.onPick(ctx, id) }, st.Name)
	}
	return p.frame(p.Tab, "quiz-page", p.onLangChange,
		p.toolbar(title, p.title, score),
		quizStageView.el(lang,
			q.Text,
			i18n.F(lang, "teach.quiz.question", "item", q.Title),
			now,
			options,
			reveal),
		teachBoard(lang, p.sc, q.Lane, cards, lit),
	)
}

// The quiz's score, in the toolbar.
var quizScoreView = &view{name: "quiz-score", src: `
<span class="quiz-page__score" data-testid="quiz-score" aria-label={t:teach.quiz.scoreLabel}>{0}</span>`}

// The end of the quiz: the score and the way to start over.
var quizEndView = &view{name: "quiz-end", src: `
<div class="quiz-page__end" role="status" data-testid="quiz-end">
	<p>{0}</p>
	<button type="button" class="button button--primary" data-testid="quiz-again" @click={1}>{2}<span class="icon-text">{t:teach.quiz.again}</span></button>
</div>`}

// A question: the event told in words, the question, the stages to pick
// from and, once picked, the outcome.
var quizStageView = &view{name: "quiz-stage", src: `
<div class="quiz-page__stage">
	<p class="quiz-page__event" data-testid="quiz-event">{0}</p>
	<p class="quiz-page__question">{1}{2}</p>
	<div class="quiz-page__options" role="group" aria-label={t:teach.quiz.pick}>{3}</div>
	{4}
</div>`}

// The outcome of a pick: the verdict, the narration that explains it and
// the way to the next question.
var quizRevealView = &view{name: "quiz-reveal", src: `
<div class={0} role="status">
	<p class="quiz-page__verdict" data-testid="quiz-verdict" data-correct={1}>{2}</p>
	<h2 class="quiz-page__why">{t:teach.quiz.why}</h2>
	<ol class="quiz-page__story">{3}</ol>
	<button type="button" class="button button--primary button--big" data-testid="quiz-next" @click={4}><span class="icon-text">{t:teach.quiz.next}</span>{5}</button>
</div>`}

// A stage to pick.
var quizOptionView = &view{name: "quiz-option", src: `
<button type="button" class={0} data-testid="quiz-option" data-stage={1} style={2} disabled={3} aria-pressed={4} @click={5}>{6}</button>`}

// A step of the narration and its reason.
var quizStepView = &view{name: "quiz-step", src: `
<li class={0}>{1}{2}</li>`}
