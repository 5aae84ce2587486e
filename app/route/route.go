// Package route turns a page's address into the user's place in the app
// and back: which page, which scenario, and where in it (entity type,
// pipeline, selected item, side panel, lesson and narration step, quiz
// question, what-if variant). Every page keeps its place in the URL's query, so a reload
// (F5), back and forward, and a copied address all land where the user
// was.
//
// Parse never fails: a value that is malformed, out of range or hostile
// (control characters, overlong strings, unknown panels) is dropped, and
// the page falls back to its default for that part. Place.URL gives the
// canonical address, so Parse(p.URL()) == p for every place Parse returns.
//
// The package is plain Go (no go-app, no syscall/js) so that its table
// tests run on the host.
package route

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The pages of the app, by path.
const (
	Home     = "/"
	Design   = "/design"
	Simulate = "/simulate"
	Whatif   = "/whatif"
	Lessons  = "/lessons"
	Lesson   = "/lesson"
	Narrate  = "/narrate"
	Quiz     = "/quiz"
	Train    = "/train"
	Results  = "/results"
	Author   = "/author"
)

// Query keys.
const (
	keyID       = "id"
	keyExample  = "example"
	keyItems    = "items"
	keyEntity   = "entity"
	keyPipeline = "pipeline"
	keyStage    = "stage"
	keyItem     = "item"
	keyPanel    = "panel"
	keyLesson   = "lesson"
	keyEvent    = "event"
	keyStep     = "step"
	keyQuestion = "question"
	keyHints    = "hints"
	keyPick     = "pick"
	keyRight    = "right"
	keyAsked    = "asked"
	keyVariant  = "variant"
	keySeed     = "seed"
	keyDays     = "days"
)

// Board side panels a place may name.
const (
	PanelExplain  = "explain"
	PanelTimeline = "timeline"
	PanelLog      = "log"
	PanelChecks   = "checks"
)

// Limits of the values a place accepts.
const (
	// maxText bounds an id, a name or an anchor, in bytes.
	maxText = 256
	// MaxItems bounds ?items= (the board's extra copies of an example's
	// first item).
	MaxItems = 10000
	// maxPipeline bounds a pipeline id.
	maxPipeline = 1 << 20
	// maxCount bounds a narration's event and step numbers and a quiz's
	// question number and score.
	maxCount = 1 << 20
	// MaxDays bounds the what-if horizon.
	MaxDays = 3650
	// maxSeed bounds the what-if seed.
	maxSeed = 1<<31 - 1
)

// Variant prefixes: variant B of the what-if lab is a stored scenario or a
// built-in example.
const (
	VariantStore   = "store:"
	VariantExample = "example:"
)

// Place is where the user is. The zero value of a field means "not given":
// the page uses its default (the first entity type, the first pipeline
// with items, no selected item…).
type Place struct {
	// Page is the path of the page (one of the constants above).
	Page string
	// Scenario is the id of a stored scenario (?id=, except on /lesson
	// where ?id= names the lesson).
	Scenario string
	// Example is a built-in example's file name, opened as a new copy.
	Example string
	// Items asks the board for that many extra items (load tests).
	Items int
	// Entity and Pipeline are the shown entity type and pipeline of the
	// designer and the board; Pipeline counts only with an Entity.
	Entity   string
	Pipeline int
	// Stage is a designer stage to reveal (lint links).
	Stage string
	// Item is the board's selected item (its dialog is open).
	Item string
	// Panel is the board's side panel (Panel* constants).
	Panel string
	// Lesson is a lesson id ("ru/01-first-trigger").
	Lesson string
	// Event and Step are the narration's place: the number of events told
	// (1 for the first) and the step within the last one.
	Event int
	Step  int
	// Hints is how many of a lesson's hints are open.
	Hints int
	// Question is the quiz's open question (1 for the first, one past the
	// last at its end). Pick is the stage the learner picked for it ("" while
	// unanswered); Right and Asked are the score shown, that answer
	// included. They count only with a Question.
	Question int
	Pick     string
	Right    int
	Asked    int
	// Variant is the what-if lab's variant B: VariantStore+id or
	// VariantExample+name.
	Variant string
	// Seed (≥ 0) and Days (1..MaxDays) are the what-if run's options;
	// HasSeed tells a seed of 0 from no seed.
	Seed    int
	HasSeed bool
	Days    int
	// Anchor is the fragment: an element to reveal ("trigger-t1").
	Anchor string
}

// Parse reads the place of an address. A nil URL is the home page.
func Parse(u *url.URL) Place {
	if u == nil {
		return Place{Page: Home}
	}
	q := u.Query()
	p := Place{Page: cleanPath(u.Path), Anchor: text(u.Fragment)}
	if p.Page == Lesson {
		p.Lesson = lessonID(q.Get(keyID))
	} else {
		p.Scenario = text(q.Get(keyID))
		p.Lesson = lessonID(q.Get(keyLesson))
	}
	p.Example = name(q.Get(keyExample))
	p.Items = number(q.Get(keyItems), 1, MaxItems)
	p.Entity = entity(q.Get(keyEntity))
	if p.Entity != "" {
		p.Pipeline = number(q.Get(keyPipeline), 0, maxPipeline)
		p.Stage = text(q.Get(keyStage))
	}
	p.Item = text(q.Get(keyItem))
	switch v := q.Get(keyPanel); v {
	case PanelExplain, PanelTimeline, PanelLog, PanelChecks:
		p.Panel = v
	}
	p.Event = number(q.Get(keyEvent), 1, maxCount)
	if p.Event > 0 {
		p.Step = number(q.Get(keyStep), 0, maxCount)
	}
	p.Hints = number(q.Get(keyHints), 1, maxCount)
	p.Question = number(q.Get(keyQuestion), 1, maxCount)
	if p.Question > 0 {
		p.Pick = text(q.Get(keyPick))
		p.Right = number(q.Get(keyRight), 0, maxCount)
		p.Asked = number(q.Get(keyAsked), 0, maxCount)
	}
	p.Variant = variant(q.Get(keyVariant))
	if v := q.Get(keySeed); v != "" {
		if n, ok := parseInt(v, 0, maxSeed); ok {
			p.Seed, p.HasSeed = n, true
		}
	}
	p.Days = number(q.Get(keyDays), 1, MaxDays)
	return p
}

// ParseString reads the place of an address given as text ("/design?id=s1").
func ParseString(s string) Place {
	u, err := url.Parse(s)
	if err != nil {
		return Place{Page: Home}
	}
	return Parse(u)
}

// URL is the canonical address of the place: the path, the query with the
// given parts (keys sorted), and the anchor.
func (p Place) URL() *url.URL {
	q := url.Values{}
	set := func(key, v string) {
		if v != "" {
			q.Set(key, v)
		}
	}
	setInt := func(key string, n int) {
		if n > 0 {
			q.Set(key, strconv.Itoa(n))
		}
	}
	if p.Page == Lesson {
		set(keyID, p.Lesson)
	} else {
		set(keyID, p.Scenario)
		set(keyLesson, p.Lesson)
	}
	set(keyExample, p.Example)
	setInt(keyItems, p.Items)
	if p.Entity != "" {
		set(keyEntity, p.Entity)
		q.Set(keyPipeline, strconv.Itoa(p.Pipeline))
		set(keyStage, p.Stage)
	}
	set(keyItem, p.Item)
	set(keyPanel, p.Panel)
	if p.Event > 0 {
		setInt(keyEvent, p.Event)
		q.Set(keyStep, strconv.Itoa(p.Step))
	}
	setInt(keyHints, p.Hints)
	if p.Question > 0 {
		setInt(keyQuestion, p.Question)
		set(keyPick, p.Pick)
		q.Set(keyRight, strconv.Itoa(p.Right))
		q.Set(keyAsked, strconv.Itoa(p.Asked))
	}
	set(keyVariant, p.Variant)
	if p.HasSeed {
		q.Set(keySeed, strconv.Itoa(p.Seed))
	}
	setInt(keyDays, p.Days)
	page := p.Page
	if page == "" {
		page = Home
	}
	return &url.URL{Path: page, RawQuery: q.Encode(), Fragment: p.Anchor}
}

// String is the canonical address as text.
func (p Place) String() string { return p.URL().String() }

// Same reports whether two places are the same address.
func (p Place) Same(o Place) bool { return p.String() == o.String() }

// Of is the place of a page showing a stored scenario (or no scenario when
// id is empty), with nothing else chosen: the header's links.
func Of(page, id string) Place { return Place{Page: page, Scenario: id} }

// WithScenario returns the place showing the stored scenario id: a page
// opened from an example, or through a bare address, names the scenario
// it ended up showing, so a reload opens it again instead of a new copy.
func (p Place) WithScenario(id string) Place {
	p.Scenario, p.Example, p.Items = id, "", 0
	return p
}

// cleanPath keeps a known page's path (with or without a trailing
// slash); any other path is the home page.
func cleanPath(path string) string {
	switch p := strings.TrimSuffix(path, "/"); p {
	case Design, Simulate, Whatif, Lessons, Lesson, Narrate, Quiz, Train, Results, Author:
		return p
	}
	return Home
}

// text keeps a value that is valid UTF-8, at most maxText bytes and free
// of control characters; anything else is dropped.
func text(v string) string {
	if v == "" || len(v) > maxText || !utf8.ValidString(v) {
		return ""
	}
	for _, r := range v {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ""
		}
	}
	return v
}

// name keeps a file name of a built-in example: letters, digits, '.',
// '-' and '_'.
func name(v string) string {
	if len(v) > maxText {
		return ""
	}
	for _, r := range v {
		if !(r < utf8.RuneSelf && (isAlnum(byte(r)) || r == '.' || r == '-' || r == '_')) {
			return ""
		}
	}
	return v
}

// lessonID keeps a lesson id: "ru/01-first-trigger".
func lessonID(v string) string {
	if len(v) > maxText || strings.Contains(v, "..") {
		return ""
	}
	for _, r := range v {
		if !(r < utf8.RuneSelf && (isAlnum(byte(r)) || r == '/' || r == '-' || r == '_' || r == '.')) {
			return ""
		}
	}
	return v
}

// entity keeps an entity type code: DEAL, LEAD, SMART_INVOICE,
// DYNAMIC_128.
func entity(v string) string {
	if len(v) > 64 {
		return ""
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return ""
		}
	}
	return v
}

// variant keeps variant B: "store:ID" or "example:NAME"; a bare name is
// an example (the form of the what-if links written before the prefixes).
func variant(v string) string {
	switch {
	case strings.HasPrefix(v, VariantStore):
		if id := text(strings.TrimPrefix(v, VariantStore)); id != "" {
			return VariantStore + id
		}
	case strings.HasPrefix(v, VariantExample):
		if n := name(strings.TrimPrefix(v, VariantExample)); n != "" {
			return VariantExample + n
		}
	default:
		if n := name(v); n != "" {
			return VariantExample + n
		}
	}
	return ""
}

// number parses a decimal in [lo, hi]; anything else is 0.
func number(v string, lo, hi int) int {
	n, ok := parseInt(v, lo, hi)
	if !ok {
		return 0
	}
	return n
}

// parseInt accepts plain decimal digits only (no sign, no spaces, no
// leading "+"), so that the canonical address spells the same number.
func parseInt(v string, lo, hi int) (int, bool) {
	if v == "" || len(v) > 10 {
		return 0, false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return n, true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Link is the address of a header section seen from the place at, with
// open the id of the open scenario ("" when none): the designer, the board
// and the what-if lab name the open scenario, so the address they open
// survives a reload; between the designer and the board the shown entity
// type and pipeline go along. Other sections are their bare page.
func Link(page string, at Place, open string) Place {
	switch page {
	case Design, Simulate, Whatif:
	default:
		return Place{Page: page}
	}
	l := Place{Page: page, Scenario: open}
	if open != "" && (page == Design || page == Simulate) && (at.Page == Design || at.Page == Simulate) && (at.Scenario == open || at.Scenario == "") {
		l.Entity, l.Pipeline = at.Entity, at.Pipeline
	}
	return l
}
