package lesson

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/triggersim/triggersim/format"
)

// ResultFormat and ResultVersion name the result sheet a trainee submits.
const (
	ResultFormat  = "triggersim/lesson-result"
	ResultVersion = 1
)

// MaxNameRunes bounds a trainee's name.
const MaxNameRunes = 100

// Result is what a trainee submits for one lesson: who, which goals
// passed, how many hints and checks it took and how long. It is written
// on the trainee's machine and leaves it only when the trainee sends the
// file.
type Result struct {
	Lesson  string // the lesson's id
	Title   string // the lesson's title as the trainee saw it
	Trainee string // the name as typed
	// Submitted is when «Сдать» was pressed (UTC, seconds).
	Submitted time.Time
	Seconds   int // from opening the lesson to submitting
	Attempts  int // checks before submitting
	Hints     int // hints opened
	Goals     []GoalMark
}

// GoalMark is one goal's verdict in a result sheet.
type GoalMark struct {
	Name string
	Pass bool
}

// Met counts the goals that passed.
func (r *Result) Met() int {
	n := 0
	for _, g := range r.Goals {
		if g.Pass {
			n++
		}
	}
	return n
}

// Done reports whether every goal passed.
func (r *Result) Done() bool { return len(r.Goals) > 0 && r.Met() == len(r.Goals) }

// NewResult makes the result sheet of a check: the report's goals with
// their names, and the trainee's name trimmed.
func NewResult(l *Lesson, lang, trainee string, rep Report, hints, attempts int, started, now time.Time) (*Result, error) {
	trainee = strings.TrimSpace(trainee)
	if err := checkName(trainee); err != "" {
		return nil, errors.New(say(lang, err, "max", format.Text(lang).Int(MaxNameRunes)))
	}
	r := &Result{
		Lesson: l.ID, Title: l.Title.In(lang), Trainee: trainee,
		Submitted: now.UTC().Truncate(time.Second),
		Seconds:   max(0, int(now.Sub(started).Seconds())),
		Attempts:  attempts, Hints: min(hints, len(l.Hints)),
	}
	for i, g := range rep.Goals {
		name := g.Name
		if name == "" {
			name = fmt.Sprintf("#%d", i+1)
		}
		r.Goals = append(r.Goals, GoalMark{Name: name, Pass: g.Pass})
	}
	return r, nil
}

// checkName returns the message key of what is wrong with a name, or "".
func checkName(s string) string {
	switch {
	case s == "":
		return "result.nameEmpty"
	case utf8.RuneCountInString(s) > MaxNameRunes:
		return "result.nameLong"
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return "result.nameControl"
	}
	return ""
}

// WriteResult renders a result sheet.
func WriteResult(r *Result) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"format\": %s,\n  \"version\": %d,\n", jsonString(ResultFormat), ResultVersion)
	fmt.Fprintf(&b, "  \"lesson\": %s,\n  \"title\": %s,\n  \"trainee\": %s,\n", jsonString(r.Lesson), jsonString(r.Title), jsonString(r.Trainee))
	fmt.Fprintf(&b, "  \"submitted\": %s,\n  \"seconds\": %d,\n  \"attempts\": %d,\n  \"hints\": %d,\n  \"goals\": [",
		jsonString(r.Submitted.UTC().Format(time.RFC3339)), r.Seconds, r.Attempts, r.Hints)
	for i, g := range r.Goals {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "\n    {\"name\": %s, \"pass\": %t}", jsonString(g.Name), g.Pass)
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes()
}

// MaxResultBytes bounds a result sheet: it is small.
const MaxResultBytes = 1_000_000

// ReadResult reads and validates a result sheet.
func ReadResult(data []byte) (*Result, error) {
	if len(data) > MaxResultBytes {
		return nil, errsOf("", fmt.Sprintf("a result sheet is at most %d KB; this is %d bytes", MaxResultBytes/1000, len(data)))
	}
	if err := checkDocument(data, "result sheet"); err != nil {
		return nil, err
	}
	e := &errs{}
	keys := []string{"format", "version", "lesson", "title", "trainee", "submitted", "seconds", "attempts", "hints", "goals"}
	ms, ok := e.object(data, "", keys)
	if !ok || !e.header(ms, ResultFormat, ResultVersion) {
		return nil, e.err()
	}
	r := &Result{}
	for _, k := range keys[2:] {
		v := get(ms, k)
		if v == nil {
			e.addCode("", "lesson.missing", strconv.Quote(k))
			continue
		}
		switch k {
		case "lesson":
			if s, ok := e.str(v, k); ok {
				if !validID(s) {
					e.addCode(k, "lesson.notID", strconv.Quote(s))
				}
				r.Lesson = s
			}
		case "title":
			r.Title, _ = e.str(v, k)
		case "trainee":
			if s, ok := e.str(v, k); ok {
				if bad := checkName(s); bad != "" || s != strings.TrimSpace(s) {
					e.addCode(k, "lesson.notName", strconv.Quote(s))
				}
				r.Trainee = s
			}
		case "submitted":
			if s, ok := e.str(v, k); ok {
				t, err := time.Parse(time.RFC3339, s)
				if err != nil {
					e.addCode(k, "lesson.time", strconv.Quote(s))
				}
				r.Submitted = t.UTC()
			}
		case "seconds":
			r.Seconds, _ = e.integer(v, k, 0, 1<<31-1)
		case "attempts":
			r.Attempts, _ = e.integer(v, k, 0, 1<<31-1)
		case "hints":
			r.Hints, _ = e.integer(v, k, 0, MaxHints)
		case "goals":
			list, ok := e.array(v, k)
			if !ok {
				continue
			}
			if len(list) == 0 || len(list) > MaxGoals {
				e.addCode(k, "lesson.goalCount", strconv.Itoa(MaxGoals), strconv.Itoa(len(list)))
			}
			for i, raw := range list {
				p := idx(k, i)
				gm, ok := e.object(raw, p, []string{"name", "pass"})
				if !ok {
					continue
				}
				var g GoalMark
				if n := get(gm, "name"); n != nil {
					g.Name, _ = e.nonEmpty(n, p+".name")
				} else {
					e.addCode(p, "lesson.missing", `"name"`)
				}
				switch p2 := get(gm, "pass"); string(bytes.TrimSpace(p2)) {
				case "true":
					g.Pass = true
				case "false":
				default:
					e.addCode(p+".pass", "lesson.bool")
				}
				r.Goals = append(r.Goals, g)
			}
		}
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return r, nil
}

func errsOf(path, m string) error {
	e := &errs{}
	e.add(path, "%s", m)
	return e.err()
}

// Sheet is the trainer's table of collected results: one row per trainee
// and lesson (the latest submission wins), in lesson, then name order.
type Sheet struct {
	Rows []SheetRow
	// Replaced counts earlier submissions a later one replaced.
	Replaced int
}

// SheetRow is one trainee's latest result for one lesson.
type SheetRow struct {
	*Result
	// Submissions counts how many sheets this trainee sent for the lesson.
	Submissions int
}

// Collect builds the trainer's table from result sheets.
func Collect(results []*Result) Sheet {
	type key struct{ lesson, who string }
	byKey := map[key]*SheetRow{}
	var s Sheet
	for _, r := range results {
		k := key{r.Lesson, strings.ToLower(r.Trainee)}
		row := byKey[k]
		if row == nil {
			byKey[k] = &SheetRow{Result: r, Submissions: 1}
			continue
		}
		row.Submissions++
		s.Replaced++
		if r.Submitted.After(row.Submitted) {
			row.Result = r
		}
	}
	for _, row := range byKey {
		s.Rows = append(s.Rows, *row)
	}
	sort.Slice(s.Rows, func(i, j int) bool {
		a, b := s.Rows[i], s.Rows[j]
		if a.Lesson != b.Lesson {
			return a.Lesson < b.Lesson
		}
		if la, lb := strings.ToLower(a.Trainee), strings.ToLower(b.Trainee); la != lb {
			return la < lb
		}
		return a.Trainee < b.Trainee
	})
	return s
}
