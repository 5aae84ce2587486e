// Package session is the app's domain layer: the open scenario, its edits
// with undo and redo, and its storage. It is plain Go so that every user
// intent can be tested on the host against the memory store; the UI calls
// its methods (from ctx.Async, never on the UI goroutine when they touch
// storage) and renders what they return.
//
// No edit is dropped (unsaved.go): a scenario whose save failed stays in
// the session, listed by Unsaved, retried by itself with a backoff and
// reopened with its edits, until that scenario is saved, deleted or
// discarded by the user. HasUnsaved and OpenUnsaved tell the interface
// when to ask before leaving the page or the scenario.
package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/engine"
)

// maxUndo bounds the undo history of one scenario.
const maxUndo = 100

// Session holds the scenario being worked on.
type Session struct {
	// mu serialises the operations: the UI starts each in its own
	// goroutine (ctx.Async), and two quick edits must not both save on top
	// of the same revision.
	mu    sync.Mutex
	store Store
	now   func() time.Time
	newID func() string

	doc  *Doc
	undo [][]byte
	redo [][]byte

	sim *Simulation
	// unsaved holds the scenarios whose last edit has not reached the
	// store, open or not (unsaved.go); guarded by mu.
	unsaved
	// action is true between Begin and the Edit or Finish that completes
	// the user's action: the open scenario's change is kept, not saved
	// yet. actionOpen mirrors it for HasUnsaved, which never waits.
	action     bool
	actionOpen atomic.Bool
	// fresh is the open scenario while OpenNew has shown it and it is not
	// written and stored yet (StoreNew, or the next operation, does it).
	fresh *Doc
}

// Doc is the open scenario. Scenario is always valid: every edit is
// written out and read back through the engine's reader before it is kept.
type Doc struct {
	ID       string
	Revision int
	Scenario *engine.Scenario
	// JSON is the scenario file as last written (what export gives); nil
	// only between OpenNew and the store of the new scenario.
	JSON []byte
	// Saved is false while an edit has not reached the store.
	Saved bool
}

// New creates a session over a store: the tab's store in the browser,
// tabstore.Local over a memory store in the site generator and host tests.
// now and newID are injected so that tests are deterministic; nil means
// the wall clock and a time-based id.
func New(store Store, now func() time.Time, newID func() string) *Session {
	if now == nil {
		now = time.Now
	}
	s := &Session{store: store, now: now, newID: newID}
	s.sim = &Simulation{store: store}
	s.unsaved.init()
	if s.newID == nil {
		s.newID = func() string { return fmt.Sprintf("s%d", s.now().UnixNano()) }
	}
	return s
}

// Store is the session's storage.
func (s *Session) Store() Store { return s.store }

// Simulation is the board's simulation of the open scenario.
func (s *Session) Simulation() *Simulation { return s.sim }

// Doc is the open scenario, or nil.
func (s *Session) Doc() *Doc { return s.doc }

// Scenario is the open scenario's design, or nil.
func (s *Session) Scenario() *engine.Scenario {
	if s.doc == nil {
		return nil
	}
	return s.doc.Scenario
}

// List returns the stored scenarios.
func (s *Session) List(ctx context.Context) ([]storage.Meta, error) {
	return s.store.ListScenarios(ctx)
}

// Open loads a stored scenario and makes it the open one. A scenario with
// edits this tab could not save yet is opened with those edits, not the
// stored version: nothing typed is dropped by moving between scenarios.
// The scenario open before, if unsaved, stays in Unsaved and keeps being
// retried.
func (s *Session) Open(ctx context.Context, id string) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	s.settle(ctx)
	if p := s.pending[id]; p != nil {
		if s.doc != p.doc {
			s.doc = p.doc
			s.undo, s.redo = nil, nil
		}
		return nil
	}
	return s.openStored(ctx, id)
}

// openStored makes the stored version of id the open scenario.
func (s *Session) openStored(ctx context.Context, id string) error {
	rec, err := s.store.GetScenario(ctx, id)
	if err != nil {
		return fmt.Errorf("open scenario %s: %w", id, err)
	}
	sc, err := engine.ReadScenario(rec.Data)
	if err != nil {
		return fmt.Errorf("open scenario %s: %w", id, err)
	}
	s.doc = &Doc{ID: id, Revision: rec.Revision, Scenario: sc, JSON: rec.Data, Saved: true}
	s.undo, s.redo = nil, nil
	s.setAction(false)
	s.remember(ctx, id)
	return nil
}

// Close forgets the open scenario.
func (s *Session) Close() {
	s.lock(context.Background())
	defer s.changed()
	defer s.mu.Unlock()
	s.settle(context.Background())
	s.close()
}

func (s *Session) close() {
	s.doc, s.undo, s.redo = nil, nil, nil
	s.setAction(false)
}

// Create stores a new scenario from a file's bytes (an example, an import,
// or a blank one) and opens it. Nothing is stored when data is invalid:
// the error lists every problem with its JSON path (engine.Errors).
func (s *Session) Create(ctx context.Context, data []byte) (string, error) {
	sc, err := engine.ReadScenario(data)
	if err != nil {
		return "", err
	}
	return s.CreateScenario(ctx, sc)
}

// CreateScenario is Create for a scenario already read (and changed: the
// board's ?items=N adds deals to an example), so that ten thousand deals
// are not written and read back once more before being stored. sc becomes
// the open scenario: the caller must not change it afterwards.
func (s *Session) CreateScenario(ctx context.Context, sc *engine.Scenario) (string, error) {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if err := engine.Check(sc); err != nil {
		return "", err
	}
	out, err := engine.WriteScenario(sc)
	if err != nil {
		return "", err
	}
	s.settle(ctx)
	id := s.newID()
	rec := storage.Record{Meta: storage.Meta{ID: id, Title: sc.Title, Updated: s.now()}, Data: out}
	if err := s.store.PutScenario(ctx, rec); err != nil {
		return "", fmt.Errorf("store the new scenario: %w", err)
	}
	s.doc = &Doc{ID: id, Revision: 1, Scenario: sc, JSON: out, Saved: true}
	s.undo, s.redo = nil, nil
	s.setAction(false)
	s.remember(ctx, id)
	return id, nil
}

// OpenNew makes sc, a new scenario, the open one at once, before it is
// written and stored, so that a page can show ten thousand deals without
// waiting for the 1.4 MB of JSON and the store: the page shows it, then
// calls StoreNew (off the UI goroutine) and only then gives its id to the
// address bar. Any other operation of the session stores it first, so
// nothing works on a scenario the store has not seen. Until then its JSON
// is nil and it is not Saved. Nothing is opened when sc is invalid. sc
// must not be changed afterwards.
func (s *Session) OpenNew(ctx context.Context, sc *engine.Scenario) (string, error) {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if err := engine.Check(sc); err != nil {
		return "", err
	}
	s.settle(ctx)
	id := s.newID()
	s.doc = &Doc{ID: id, Scenario: sc}
	s.fresh = s.doc
	s.undo, s.redo = nil, nil
	s.setAction(false)
	return id, nil
}

// StoreNew writes and stores the scenario OpenNew opened, as
// CreateScenario would have. When the store fails, the scenario stays
// open and is listed by Unsaved, retried like any unsaved edit. It does
// nothing when that scenario is stored already.
func (s *Session) StoreNew(ctx context.Context) error {
	s.mu.Lock()
	defer s.changed()
	defer s.mu.Unlock()
	return s.storeFresh(ctx)
}

// lock takes the session's lock and first stores a scenario OpenNew left
// unstored, so that every operation sees it written and stored. A failed
// store leaves it in the unsaved list, like a failed save.
func (s *Session) lock(ctx context.Context) {
	s.mu.Lock()
	_ = s.storeFresh(ctx)
}

func (s *Session) storeFresh(ctx context.Context) error {
	doc := s.fresh
	if doc == nil {
		return nil
	}
	s.fresh = nil
	out, err := engine.WriteScenario(doc.Scenario)
	if err != nil {
		// A checked scenario always writes; should it not, nothing can
		// be stored, and the open scenario is closed rather than left
		// without its file.
		if s.doc == doc {
			s.close()
		}
		return err
	}
	doc.JSON = out
	s.sim.written(doc.ID, out)
	if err := s.saveDoc(ctx, doc); err != nil {
		return err
	}
	s.remember(ctx, doc.ID)
	return nil
}

// Blank is a new empty scenario: one deal pipeline with Bitrix24's default
// stages, in the given language.
func Blank(title, lang string) []byte {
	return engine.BlankScenario(title, lang)
}

// Duplicate stores a copy of a stored scenario under a new id and title.
func (s *Session) Duplicate(ctx context.Context, id, title string) (string, error) {
	s.lock(ctx)
	defer s.mu.Unlock()
	var data []byte
	if p := s.pending[id]; p != nil {
		data = p.doc.JSON // the copy is of what the user sees
	} else {
		rec, err := s.store.GetScenario(ctx, id)
		if err != nil {
			return "", fmt.Errorf("duplicate scenario %s: %w", id, err)
		}
		data = rec.Data
	}
	sc, err := engine.ReadScenario(data)
	if err != nil {
		return "", fmt.Errorf("duplicate scenario %s: %w", id, err)
	}
	sc.Title = title
	out, err := engine.WriteScenario(sc)
	if err != nil {
		return "", err
	}
	nid := s.newID()
	if err := s.store.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: nid, Title: title, Updated: s.now()}, Data: out}); err != nil {
		return "", fmt.Errorf("store the copy: %w", err)
	}
	return nid, nil
}

// Rename changes a stored scenario's title.
func (s *Session) Rename(ctx context.Context, id, title string) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if s.doc != nil && s.doc.ID == id {
		return s.edit(ctx, func(sc *engine.Scenario) error { sc.Title = title; return nil })
	}
	if p := s.pending[id]; p != nil {
		// Renaming over unsaved edits of a scenario that is not open:
		// rename the edited version, so that neither is lost.
		return s.editDoc(ctx, p.doc, func(sc *engine.Scenario) error { sc.Title = title; return nil })
	}
	rec, err := s.store.GetScenario(ctx, id)
	if err != nil {
		return fmt.Errorf("rename scenario %s: %w", id, err)
	}
	sc, err := engine.ReadScenario(rec.Data)
	if err != nil {
		return fmt.Errorf("rename scenario %s: %w", id, err)
	}
	sc.Title = title
	out, err := engine.WriteScenario(sc)
	if err != nil {
		return err
	}
	rec.Title, rec.Data, rec.Updated = title, out, s.now()
	return s.store.PutScenario(ctx, rec)
}

// Delete removes a stored scenario (the UI asks for confirmation first).
func (s *Session) Delete(ctx context.Context, id string) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if err := s.store.DeleteScenario(ctx, id); err != nil {
		return fmt.Errorf("delete scenario %s: %w", id, err)
	}
	s.forget(id)
	if s.doc != nil && s.doc.ID == id {
		s.close()
	}
	return nil
}

// ErrNoScenario is returned by edits when no scenario is open.
var ErrNoScenario = errors.New("no scenario is open")

// Edit applies a change to a copy of the open scenario, checks the result
// with the engine's reader and compiler, and keeps it only when it is
// valid: the error then says what is wrong, in the reader's words, and the
// scenario is unchanged. A kept edit is saved and can be undone.
//
// When only the save fails, the edit is still kept: the error satisfies
// errors.Is(err, ErrNotSaved) (and the store's error), the scenario is
// listed by Unsaved and saved again by itself (see Retry).
func (s *Session) Edit(ctx context.Context, change func(sc *engine.Scenario) error) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	return s.edit(ctx, change)
}

func (s *Session) edit(ctx context.Context, change func(sc *engine.Scenario) error) error {
	if s.doc == nil {
		return ErrNoScenario
	}
	return s.editDoc(ctx, s.doc, change)
}

// Begin applies the first change of a user action that takes two steps:
// picking a trigger or robot, or adding a stage, places it; then its
// settings dialog fills it in. The change is checked and kept like an
// Edit's, with its undo step, but not saved: the Edit that follows (the
// dialog's save) or Finish (the dialog closed without one) saves both as
// one version and one undo step. One user action, one version.
//
// Opening, creating or closing a scenario first saves an action left
// open, so nothing placed is lost; HasUnsaved reports it meanwhile.
func (s *Session) Begin(ctx context.Context, change func(sc *engine.Scenario) error) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if s.doc == nil {
		return ErrNoScenario
	}
	s.settle(ctx)
	sc, out, err := apply(s.doc, change)
	if err != nil {
		return err
	}
	s.snapshot()
	s.doc.Scenario, s.doc.JSON, s.doc.Saved = sc, out, false
	s.setAction(true)
	return nil
}

// Finish saves the action that Begin opened, when it is still open; it
// does nothing otherwise. The error is Edit's (ErrNotSaved when only the
// save failed: the change is kept and retried).
func (s *Session) Finish(ctx context.Context) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if !s.action {
		return nil
	}
	return s.save(ctx)
}

// Pending reports whether an action opened by Begin is not saved yet.
func (s *Session) Pending() bool { return s.actionOpen.Load() }

// settle saves an action left open before the session moves on. A failed
// save keeps the scenario in the unsaved list, retried as usual.
func (s *Session) settle(ctx context.Context) {
	if s.action && s.doc != nil {
		_ = s.save(ctx)
	}
	s.setAction(false)
}

func (s *Session) setAction(open bool) {
	s.action = open
	s.actionOpen.Store(open)
}

// apply runs a change on a copy of doc and validates the result.
func apply(doc *Doc, change func(sc *engine.Scenario) error) (*engine.Scenario, []byte, error) {
	work, err := engine.ReadScenario(doc.JSON)
	if err != nil {
		return nil, nil, fmt.Errorf("copy the scenario: %w", err)
	}
	if err := change(work); err != nil {
		return nil, nil, err
	}
	return validate(work)
}

// snapshot remembers the open scenario for undo.
func (s *Session) snapshot() {
	s.undo = append(s.undo, s.doc.JSON)
	if len(s.undo) > maxUndo {
		s.undo = s.undo[1:]
	}
	s.redo = nil
}

// editDoc edits doc, the open scenario or an unsaved one; only the open
// one has an undo history. A change that changes nothing (a dialog saved
// as it was, a title confirmed unchanged) makes no version and no undo
// step; the second step of an action Begin opened joins its version and
// undo step.
func (s *Session) editDoc(ctx context.Context, doc *Doc, change func(sc *engine.Scenario) error) error {
	sc, out, err := apply(doc, change)
	if err != nil {
		return err
	}
	if doc != s.doc {
		doc.Scenario, doc.JSON, doc.Saved = sc, out, false
		return s.saveDoc(ctx, doc)
	}
	if s.action {
		return s.replace(ctx, sc, out)
	}
	if bytes.Equal(out, doc.JSON) && doc.Saved {
		return nil
	}
	s.snapshot()
	return s.replace(ctx, sc, out)
}

// validate writes a scenario and reads it back, so that an edit is held to
// exactly the rules of a file.
func validate(sc *engine.Scenario) (*engine.Scenario, []byte, error) {
	out, err := engine.WriteScenario(sc)
	if err != nil {
		return nil, nil, err
	}
	back, err := engine.ReadScenario(out)
	if err != nil {
		return nil, nil, err
	}
	if err := engine.Check(back); err != nil {
		return nil, nil, err
	}
	return back, out, nil
}

func (s *Session) replace(ctx context.Context, sc *engine.Scenario, out []byte) error {
	s.doc.Scenario, s.doc.JSON, s.doc.Saved = sc, out, false
	return s.save(ctx)
}

// Save writes the open scenario to the store. On a revision conflict (the
// scenario changed in another tab) the error satisfies
// errors.Is(err, storage.ErrConflict) and the edit stays in memory; on any
// failure the scenario is listed by Unsaved until a save succeeds.
func (s *Session) Save(ctx context.Context) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	return s.save(ctx)
}

func (s *Session) save(ctx context.Context) error {
	if s.doc == nil {
		return ErrNoScenario
	}
	// Any save of the open scenario completes an action Begin opened.
	s.setAction(false)
	return s.saveDoc(ctx, s.doc)
}

// saveDoc writes doc and keeps the unsaved list true: a failure adds doc
// (or counts one more attempt and schedules the next), a success removes it.
func (s *Session) saveDoc(ctx context.Context, doc *Doc) error {
	doc.Saved = false
	s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	rec := storage.Record{Meta: storage.Meta{ID: doc.ID, Title: doc.Scenario.Title, Revision: doc.Revision, Updated: s.now()}, Data: doc.JSON}
	if err := s.store.PutScenario(ctx, rec); err != nil {
		s.failed(doc, err)
		return fmt.Errorf("save scenario: %w: %w", ErrNotSaved, err)
	}
	doc.Revision = storage.NextRevision(rec)
	doc.Saved = true
	s.forget(doc.ID)
	return nil
}

// CanUndo and CanRedo tell the toolbar which buttons to enable.
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// Undo reverts the last edit.
func (s *Session) Undo(ctx context.Context) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if s.doc == nil || len(s.undo) == 0 {
		return nil
	}
	prev := s.undo[len(s.undo)-1]
	sc, err := engine.ReadScenario(prev)
	if err != nil {
		return err
	}
	s.undo = s.undo[:len(s.undo)-1]
	s.redo = append(s.redo, s.doc.JSON)
	return s.replace(ctx, sc, prev)
}

// Redo re-applies the last undone edit.
func (s *Session) Redo(ctx context.Context) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	if s.doc == nil || len(s.redo) == 0 {
		return nil
	}
	next := s.redo[len(s.redo)-1]
	sc, err := engine.ReadScenario(next)
	if err != nil {
		return err
	}
	s.redo = s.redo[:len(s.redo)-1]
	s.undo = append(s.undo, s.doc.JSON)
	return s.replace(ctx, sc, next)
}
