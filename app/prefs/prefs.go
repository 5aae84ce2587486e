// Package prefs keeps this browser's small preferences, which survive a
// reload and are not part of any scenario: the interface language, the
// presenter mode, whether the designer's check panel is open, whether the
// board's side panel is closed, the lesson file a trainee is working on and
// the built-in lesson a learner opened last. The result sheets a trainer
// collects on /results and the lesson being written on /author are this
// tab's only: they survive a reload of the tab, not its closing.
//
// The app keeps them in the browser's localStorage (Browser) and the
// tab's sessionStorage (TabBrowser, given with WithTab); the tests use
// Memory. Components read and write them only through Prefs, which
// knows the keys and the types and logs what cannot be read or written: a
// preference is never worth an error on screen.
package prefs

import (
	"encoding/json"
	"errors"
	"sync"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/teach"
)

// Storage holds JSON values by key; a missing key leaves v unchanged and
// is not an error. go-app's app.BrowserStorage satisfies it.
type Storage interface {
	Get(key string, v any) error
	Set(key string, v any) error
}

// The keys in localStorage. They are those of earlier versions, so a
// preference survives an update.
const (
	keyLang      = "triggersim.lang"
	keyPresenter = "triggersim.presenter"
	keyLintOpen  = "triggersim.designer.lintOpen"
	keySide      = "triggersim.board.sideClosed"
	keyTraining  = "train.current"
	keyBuiltin   = "lesson.open"
	keyResults   = "results.sheets"
	keyAuthoring = "author.draft"
)

// Prefs reads and writes the preferences.
type Prefs struct {
	s   Storage
	tab Storage // this tab's values (Results)
	log func(...any)
}

// New returns the preferences in s; log (nil: none) hears of every value
// that could not be read or written.
func New(s Storage, log func(...any)) *Prefs {
	if log == nil {
		log = func(...any) {}
	}
	return &Prefs{s: s, tab: &Memory{}, log: log}
}

// WithTab sets where this tab's values are kept (a Memory until then) and
// returns p.
func (p *Prefs) WithTab(s Storage) *Prefs {
	p.tab = s
	return p
}

func (p *Prefs) get(key string, v any) {
	if err := p.s.Get(key, v); err != nil {
		p.log("reading the preference", key, "failed:", err)
	}
}

func (p *Prefs) set(key string, v any) {
	if err := p.s.Set(key, v); err != nil {
		p.log("saving the preference", key, "failed:", err)
	}
}

// Lang is the chosen interface language, normalised (i18n.Default when
// none was chosen).
func (p *Prefs) Lang() string {
	var lang string
	p.get(keyLang, &lang)
	return i18n.Normalize(lang)
}

// ChosenLang is the chosen interface language, normalised, and whether
// one was chosen at all.
func (p *Prefs) ChosenLang() (string, bool) {
	var lang string
	p.get(keyLang, &lang)
	return i18n.Normalize(lang), lang != ""
}

// SetLang remembers the interface language.
func (p *Prefs) SetLang(lang string) { p.set(keyLang, i18n.Normalize(lang)) }

// Presenter reports whether the presenter mode is on.
func (p *Prefs) Presenter() bool {
	var on bool
	p.get(keyPresenter, &on)
	return on
}

// SetPresenter remembers the presenter mode.
func (p *Prefs) SetPresenter(on bool) { p.set(keyPresenter, on) }

// LintOpen reports whether the designer's check panel is open.
func (p *Prefs) LintOpen() bool {
	var open bool
	p.get(keyLintOpen, &open)
	return open
}

// SetLintOpen remembers whether the designer's check panel is open.
func (p *Prefs) SetLintOpen(open bool) { p.set(keyLintOpen, open) }

// SideClosed reports whether the board's side panel is closed.
func (p *Prefs) SideClosed() bool {
	var closed bool
	p.get(keySide, &closed)
	return closed
}

// SetSideClosed remembers whether the board's side panel is closed.
func (p *Prefs) SetSideClosed(closed bool) { p.set(keySide, closed) }

// Training is the lesson file a trainee works on (/train); the zero
// Training when there is none.
func (p *Prefs) Training() teach.Training {
	var t teach.Training
	p.get(keyTraining, &t)
	return t
}

// SetTraining remembers the trainee's lesson file.
func (p *Prefs) SetTraining(t teach.Training) { p.set(keyTraining, t) }

// Builtin is the built-in lesson whose copy the learner opened last; the
// zero Builtin when there is none.
func (p *Prefs) Builtin() teach.Builtin {
	var b teach.Builtin
	p.get(keyBuiltin, &b)
	return b
}

// SetBuiltin remembers the built-in lesson whose copy the learner opened.
func (p *Prefs) SetBuiltin(b teach.Builtin) { p.set(keyBuiltin, b) }

// Results are the result sheets collected on /results in this tab, each
// as the text it was read from, in the order they were added.
func (p *Prefs) Results() []string {
	var rs []string
	if err := p.tab.Get(keyResults, &rs); err != nil {
		p.log("reading the preference", keyResults, "failed:", err)
	}
	return rs
}

// SetResults keeps the result sheets of this tab.
func (p *Prefs) SetResults(rs []string) {
	if err := p.tab.Set(keyResults, rs); err != nil {
		p.log("saving the preference", keyResults, "failed:", err)
	}
}

// Authoring is the lesson being written on /author in this tab: the
// draft and the form's fields, over the stored scenario Of (its
// solution).
type Authoring struct {
	Of         string      `json:"of"`
	Draft      teach.Draft `json:"draft"`
	Hints      string      `json:"hints"`
	Scope      string      `json:"scope"`
	ScopeStage string      `json:"scopeStage"`
	Custom     []string    `json:"custom,omitempty"`
}

// Authoring is this tab's lesson being written; the zero Authoring when
// there is none.
func (p *Prefs) Authoring() Authoring {
	var a Authoring
	if err := p.tab.Get(keyAuthoring, &a); err != nil {
		p.log("reading the preference", keyAuthoring, "failed:", err)
	}
	return a
}

// SetAuthoring keeps this tab's lesson being written.
func (p *Prefs) SetAuthoring(a Authoring) {
	if err := p.tab.Set(keyAuthoring, a); err != nil {
		p.log("saving the preference", keyAuthoring, "failed:", err)
	}
}

// Memory is a Storage in memory that keeps values as JSON, as the
// browser does; the zero value is ready.
type Memory struct {
	mu sync.Mutex
	m  map[string][]byte
}

// Get implements Storage.
func (m *Memory) Get(key string, v any) error {
	m.mu.Lock()
	b, ok := m.m[key]
	m.mu.Unlock()
	if !ok {
		return nil
	}
	return json.Unmarshal(b, v)
}

// Set implements Storage.
func (m *Memory) Set(key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[string][]byte{}
	}
	m.m[key] = b
	return nil
}

// ErrUnavailable is returned by Browser's Storage when the browser refuses
// localStorage (storage disabled, a sandboxed frame, a full quota).
var ErrUnavailable = errors.New("localStorage is not available")
