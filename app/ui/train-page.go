package ui

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/lesson"
)

// TrainPage is /train#s1.…: a lesson file opened from a link or a file.
// The trainee opens its start in the designer, comes back to check the
// goals (they turn green one by one), opens hints, and submits a result
// sheet under their name.
type TrainPage struct {
	app.Compo
	teachChrome

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	st     teach.Training
	l      *lesson.Lesson
	rep    lesson.Report
	onOpen bool
	name   string
	result string
	err    string
}

// OnNav opens the lesson of the link, or the one the trainee is working on.
func (p *TrainPage) OnNav(ctx app.Context) {
	p.mountChrome(ctx, p.Tab)
	p.err, p.result = "", ""
	saved := p.Tab.Prefs.Training()
	p.st = saved
	if frag := ctx.Page().URL().Fragment; frag != "" {
		_, data, err := teach.OpenLesson([]byte(frag))
		if err != nil {
			p.err = err.Error()
		} else if string(data) != saved.Lesson {
			p.st = teach.Training{Lesson: string(data), Started: time.Now().Unix()}
			p.save(ctx)
		}
	}
	p.load()
	// The trainee's copy is what the goals are checked on: open it when
	// another scenario (or none, after a reload) is open.
	if d := p.Tab.Session.Doc(); p.l != nil && p.st.Scenario != "" && (d == nil || d.ID != p.st.Scenario) {
		sess, id, page := p.Tab.Session, p.st.Scenario, p.page.or(ctx)
		ctx.Async(func() {
			_, err := sess.Show(context.Background(), id)
			page.Dispatch(func(ctx app.Context) {
				if err != nil {
					app.Log("reopening the trainee's copy failed:", err)
				}
				p.check()
				markReady(ctx)
			})
		})
		return
	}
	markReady(ctx)
}

func (p *TrainPage) load() {
	p.l = nil
	if p.st.Lesson == "" {
		return
	}
	l, err := lesson.Read([]byte(p.st.Lesson))
	if err != nil {
		p.err = err.Error()
		return
	}
	p.l = l
	p.check()
}

func (p *TrainPage) save(ctx app.Context) {
	p.Tab.Prefs.SetTraining(p.st)
}

func (p *TrainPage) onLangChange(ctx app.Context, lang string) {
	p.changeLang(ctx, lang)
	p.check()
}

// check runs the goals on the open copy, or on the lesson's start.
func (p *TrainPage) check() {
	if p.l == nil {
		return
	}
	sc := p.Tab.Session.Scenario()
	d := p.Tab.Session.Doc()
	p.onOpen = sc != nil && d != nil && p.st.Scenario != "" && d.ID == p.st.Scenario
	if !p.onOpen {
		sc = p.l.Scenario
	}
	p.rep = p.l.Check(sc, p.currentLang())
}

func (p *TrainPage) onCheck(ctx app.Context, e app.Event) {
	p.st.Attempts++
	p.save(ctx)
	p.check()
}

func (p *TrainPage) onHint(ctx app.Context, e app.Event) {
	p.st.Hints++
	p.save(ctx)
}

func (p *TrainPage) onStart(ctx app.Context, e app.Event) {
	if p.onOpen {
		ctx.Navigate("/design?id=" + url.QueryEscape(p.st.Scenario))
		return
	}
	p.create(ctx)
}

func (p *TrainPage) create(ctx app.Context) {
	data, err := p.l.StartFile(p.currentLang())
	if err != nil {
		p.err = err.Error()
		return
	}
	sess, page := p.Tab.Session, p.page.or(ctx)
	ctx.Async(func() {
		id, err := sess.Create(context.Background(), data)
		page.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.err = err.Error()
				return
			}
			p.st.Scenario = id
			p.save(ctx)
			ctx.Navigate("/design?id=" + url.QueryEscape(id))
		})
	})
}

func (p *TrainPage) onFile(ctx app.Context, e app.Event) {
	readFileText(ctx, e.Get("target").Get("files").Index(0), func(ctx app.Context, name string, data []byte, err error) {
		if err == nil {
			_, data, err = teach.OpenLesson(data)
		}
		if err != nil {
			p.err = fmt.Sprintf("%s: %v", name, err)
			return
		}
		p.err = ""
		p.st = teach.Training{Lesson: string(data), Started: time.Now().Unix()}
		p.save(ctx)
		p.load()
	})
}

func (p *TrainPage) onSubmit(ctx app.Context, e app.Event) {
	p.check()
	r, err := lesson.NewResult(p.l, p.currentLang(), p.name, p.rep, p.st.Hints, p.st.Attempts, time.Unix(p.st.Started, 0), time.Now())
	if err != nil {
		p.err = err.Error()
		return
	}
	p.err = ""
	data := lesson.WriteResult(r)
	p.result = string(data)
	download(teach.ResultFileName(r), "application/json", data)
}

func (p *TrainPage) onRestart(ctx app.Context, e app.Event) { p.create(ctx) }

func (p *TrainPage) onName(ctx app.Context, e app.Event) { p.name = srcValue(ctx) }

// Render implements app.Composer.
func (p *TrainPage) Render() app.UI {
	lang := p.currentLang()
	fileInput := &FileButton{Lang: lang, Label: i18n.T(lang, "train.import"), TestID: "train-file",
		Accept: ".json,application/json", OnChange: p.onFile}
	if p.l == nil {
		var failed app.UI
		if p.err != "" {
			failed = lessonError("train-error", i18n.F(lang, "train.error", "error", p.err))
		}
		return p.frame(p.Tab, "train-page", p.onLangChange,
			p.toolbar(i18n.T(lang, "train.title"), ""),
			failed,
			pc("lesson-page__missing", i18n.T(lang, "train.none")),
			fileInput,
		)
	}
	l := p.l
	var hints []string
	for _, h := range l.Hints {
		hints = append(hints, h.In(lang))
	}
	source := i18n.T(lang, "train.onStart")
	if p.onOpen {
		source = i18n.T(lang, "train.onOpen")
	}
	scope := make([]app.UI, len(p.rep.Messages))
	for i, m := range p.rep.Messages {
		scope[i] = elct("p", "lesson-page__error", "train-scope").Text(m)
	}
	var done, failed, restart, result app.UI
	if p.onOpen && p.rep.Done {
		done = trainDoneView.el(lang)
	}
	if p.err != "" {
		failed = lessonError("train-error", p.err)
	}
	if p.onOpen {
		restart = pageButton("button button--quiet", "train-restart", i18n.T(lang, "train.restart"), p.onRestart)
	}
	if p.result != "" {
		result = trainResultView.el(lang, p.result)
	}
	return p.frame(p.Tab, "train-page lesson-page", p.onLangChange,
		p.toolbar(l.Title.In(lang), "", fileInput),
		trainLayoutView.el(lang,
			paragraphs("lesson-page__text", l.Task.In(lang)),
			lessonHints(lang, hints, p.st.Hints, p.onHint),
			lessonGoalList(lang, p.rep.Goals),
			scope, source, done, failed,
			p.onCheck, p.onStart, restart,
			i18n.F(lang, "train.attempts", "n", p.st.Attempts),
			lesson.MaxNameRunes, p.name, p.onName, p.onSubmit,
			result),
	)
}

// The training page's body: the lesson's task and hints, then its goals
// with their verdicts, the actions and the result sheet's form.
var trainLayoutView = &view{name: "train-layout", src: `
<div class="lesson-page__layout">
	<div class="lesson-page__task">{0}{1}</div>
	<section class="lesson-page__goal" aria-labelledby="train-goals">
		<h2 id="train-goals" class="lesson-page__goal-title">{t:train.goals}</h2>
		{2}
		{3}
		<p class="lesson-page__source" data-testid="train-source">{4}</p>
		{5}
		{6}
		<div class="lesson-page__actions">
			<button type="button" class="button button--primary" data-testid="train-check" @click={7}>{t:train.check}</button>
			<button type="button" class="button" data-testid="train-start" @click={8}>{t:train.start}</button>
			{9}
		</div>
		<p class="lesson-page__source" data-testid="train-attempts">{10}</p>
		<div class="train-page__submit">
			<label for="train-name">{t:train.name}</label>
			<input id="train-name" type="text" maxlength={11} data-testid="train-name" value={12} @input={13} />
			<button type="button" class="button button--primary" data-testid="train-submit" @click={14}>{t:train.submit}</button>
		</div>
		{15}
	</section>
</div>`}

// The verdict when every goal holds on the trainee's copy.
var trainDoneView = &view{name: "train-done", src: `
<div class="lesson-page__verdict lesson-page__verdict--done" role="status" data-testid="train-done">{t:train.done}</div>`}

// The submitted result sheet, to copy.
var trainResultView = &view{name: "train-result", src: `
<div class="train-page__result" role="status">
	<p>{t:train.submitted}</p>
	<textarea readonly rows="8" aria-label={t:train.result} data-testid="train-result" value={0}></textarea>
</div>`}

// lessonError is a page's failure: <p class="lesson-page__error"
// role="alert" data-testid>text</p>.
func lessonError(testid, text string) app.UI {
	return elc("p", "lesson-page__error").Role("alert").Attr("data-testid", testid).Text(text)
}

// goalList renders goals with their verdicts, green when they hold.
func lessonGoalList(lang string, goals []lesson.GoalResult) app.UI {
	return elc("ul", "lesson-page__expects").Body(
		app.Range(goals).Slice(func(i int) app.UI {
			r := goals[i]
			return lessonExpect(lang, r.Pass, r.Name, r.Message)
		}),
	)
}

func lessonGoalName(name string) app.UI {
	if name == "" {
		return nil
	}
	return elText("strong", name)
}

// lessonExpect is a goal with its verdict, green when it holds.
func lessonExpect(lang string, pass bool, name, message string) app.UI {
	cls, icon, state := "lesson-page__expect lesson-page__expect--fail", "cross", "teach.lesson.fail"
	if pass {
		cls, icon, state = "lesson-page__expect lesson-page__expect--pass", "check", "teach.lesson.pass"
	}
	return lessonExpectView.el(lang, cls, fmt.Sprint(pass), i18n.T(lang, state), Icon(icon), lessonGoalName(name), message)
}

// A goal and its verdict: an icon named for it, the goal's name and the
// verdict's message.
var lessonExpectView = &view{name: "lesson-expect", src: `
<li class={0} data-testid="goal-item" data-pass={1}>
	<span class="lesson-page__expect-icon" role="img" aria-label={2}>{3}</span>
	<span class="lesson-page__expect-text">{4}<span class="lesson-page__expect-msg">{5}</span></span>
</li>`}
