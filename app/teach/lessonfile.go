package teach

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/triggersim/triggersim/app/share"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

// TrainPath is the page a shared lesson opens on.
const TrainPath = "/train"

// LessonLink returns the share link of a lesson file: origin + /train#s1.…,
// with the limits of scenario links (app/share).
func LessonLink(origin string, lessonJSON []byte) (string, error) {
	frag, err := share.Encode(lessonJSON)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(origin, "/") + TrainPath + "#" + frag, nil
}

// OpenLesson reads a lesson from a share link's fragment or from a file's
// content: either a lesson file or a link (anything with "#s1.").
func OpenLesson(text []byte) (*lesson.Lesson, []byte, error) {
	data := text
	if s := strings.TrimSpace(string(text)); !strings.HasPrefix(s, "{") {
		var err error
		if data, err = share.Decode(s); err != nil {
			return nil, nil, err
		}
	}
	l, err := lesson.Read(data)
	if err != nil {
		return nil, nil, err
	}
	return l, data, nil
}

// Draft is a lesson being authored in the app from the open scenario,
// which is the author's solution.
type Draft struct {
	ID, Lang    string
	Title, Task string
	Hints       []string
	Scopes      []string
	Goals       []lesson.Goal
}

// Lesson builds the lesson: the start is the solution without what the
// trainee may change (lesson.StartFrom), the solution is embedded.
func (d *Draft) Lesson(sol *engine.Scenario) *lesson.Lesson {
	start := lesson.StartFrom(sol, d.Scopes)
	start.Title = d.Title
	start.Description = d.Task
	solution := *sol
	solution.Expect = nil
	l := &lesson.Lesson{
		ID:        d.ID,
		Title:     lesson.Text{d.Lang: strings.TrimSpace(d.Title)},
		Task:      lesson.Text{d.Lang: strings.TrimSpace(d.Task)},
		MayChange: d.Scopes,
		Goals:     d.Goals,
		Scenario:  start,
		Solution:  &solution,
	}
	for _, h := range d.Hints {
		if h = strings.TrimSpace(h); h != "" {
			l.Hints = append(l.Hints, lesson.Text{d.Lang: h})
		}
	}
	return l
}

// Publish checks the draft and writes the lesson file. It refuses, with
// the reasons in the draft's language, a lesson without a title, task or
// goal, one whose goals already hold at the start or fail on the solution;
// the verdict is returned either way for the page to show.
func (d *Draft) Publish(sol *engine.Scenario) ([]byte, lesson.Verdict, []string) {
	var problems []string
	en := d.Lang == "en"
	say := func(ru, enText string) {
		if en {
			problems = append(problems, enText)
		} else {
			problems = append(problems, ru)
		}
	}
	if strings.TrimSpace(d.Title) == "" {
		say("введите название урока", "type the lesson's title")
	}
	if strings.TrimSpace(d.Task) == "" {
		say("введите задание", "type the task")
	}
	if len(d.Goals) == 0 {
		say("добавьте хотя бы одну цель", "add at least one goal")
	}
	if sol == nil {
		say("откройте сценарий", "open a scenario")
		return nil, lesson.Verdict{}, problems
	}
	l := d.Lesson(sol)
	var v lesson.Verdict
	if len(d.Goals) > 0 {
		v = l.Validate(nil, d.Lang)
		problems = append(problems, v.Problems...)
	}
	if len(problems) > 0 {
		return nil, v, problems
	}
	data, err := lesson.Write(l)
	if err == nil {
		_, err = lesson.Read(data) // what we publish must read back
	}
	if err != nil {
		return nil, v, []string{fmt.Sprint(err)}
	}
	return data, v, nil
}

// Slug makes a lesson id from a title: its ASCII letters and digits with
// dashes ("lesson" when none, as for a Russian title) and a hash of the
// whole title, so that two lessons of one trainer differ.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "lesson"
	}
	h := fnv.New32a()
	h.Write([]byte(title))
	return fmt.Sprintf("%s-%08x", s, h.Sum32())
}

// ResultFileName is the download name of a result sheet:
// result-<lesson>-<trainee>.json, with the name's letters kept.
func ResultFileName(r *lesson.Result) string {
	var b strings.Builder
	for _, c := range r.Trainee {
		switch {
		case c == ' ' || c == '-':
			b.WriteByte('-')
		case c == '/' || c == '\\' || c == '.' || c == ':' || c < ' ':
		default:
			b.WriteRune(c)
		}
	}
	return "result-" + r.Lesson + "-" + b.String() + ".json"
}
