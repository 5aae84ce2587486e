package storage

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrQuotaExceeded means the browser refused a write because the site's
// storage quota is used up. It satisfies errors.Is(err, ErrUnavailable) too,
// so code that only knows ErrUnavailable still falls back safely, while the
// UI can say "storage is full: export your scenarios and delete old ones".
var ErrQuotaExceeded = fmt.Errorf("the browser's storage quota is exceeded: %w", ErrUnavailable)

// MaxVersions is how many saved versions of a scenario a HistoryStore keeps:
// the newest MaxVersions, the current one included.
const MaxVersions = 20

// Setting keys the app stores with Store.PutSetting. Values are strings:
// "ru" or "en" for SettingLang, "1" or "0" for SettingPresenter, a
// scenario id for SettingLastScenario (the scenario this browser opened
// last, which a bare /design or /simulate opens again).
const (
	SettingLang         = "lang"
	SettingPresenter    = "presenter"
	SettingLastScenario = "lastScenario"
)

// Version describes one saved version of a scenario, without its content.
type Version struct {
	// Revision is the scenario revision this version was saved as.
	Revision int
	// Title and Updated are the scenario's Meta at that save.
	Title   string
	Updated time.Time
	// Size is the length of the scenario JSON in bytes.
	Size int
}

// HistoryStore is the part of a Full store that keeps the last
// MaxVersions saved versions of every scenario, so that a user can go back
// to an earlier one. Every successful PutScenario adds its version (in the
// same atomic write as the scenario itself); DeleteScenario removes the
// history with the scenario. Restoring is GetVersion followed by an ordinary
// PutScenario with the current revision, so a restore is itself a version.
//
// It is a separate interface, not part of Store, so that a minimal store
// stays minimal; the app asks for it in its type (Full), never with a type
// assertion per call.
type HistoryStore interface {
	// ListVersions returns the kept versions of a scenario, newest first.
	// A scenario that does not exist has no versions: the result is empty,
	// not an error.
	ListVersions(ctx context.Context, id string) ([]Version, error)

	// GetVersion returns the scenario as saved at revision rev, with
	// Meta.Revision = rev, or an error satisfying errors.Is(err,
	// ErrNotExist) when that version is not (or no longer) kept.
	GetVersion(ctx context.Context, id string, rev int) (Record, error)
}

// SimStateStore is the part of a Full store that keeps the state of a
// scenario's simulation (clock, items, log — an opaque blob the simulator
// encodes), so that reloading the page continues where the user was. The
// state is kept apart from the scenario: saving it never changes the
// scenario's revision. DeleteScenario removes it with the scenario.
type SimStateStore interface {
	// GetSimState returns the stored state, or an error satisfying
	// errors.Is(err, ErrNotExist).
	GetSimState(ctx context.Context, id string) ([]byte, error)

	// PutSimState creates or replaces the state of scenario id. The
	// scenario itself need not exist (the simulator may run an unsaved
	// example).
	PutSimState(ctx context.Context, id string, data []byte) error

	// DeleteSimState removes the state (the user reset the simulation). It
	// is not an error when there is none.
	DeleteSimState(ctx context.Context, id string) error
}

// Full is a store with every part the app uses: scenarios and settings,
// their history and the simulation state. Both implementations (memory and
// IndexedDB) are Full, and the app opens only Full stores: a missing part
// is a compile error, not a call that silently does nothing.
type Full interface {
	Store
	HistoryStore
	SimStateStore
}

// IsUnavailable reports whether err means the storage cannot be used (for
// example a private window without IndexedDB, or a full quota). It is
// errors.Is(err, ErrUnavailable), spelled out for the UI.
func IsUnavailable(err error) bool { return errors.Is(err, ErrUnavailable) }
