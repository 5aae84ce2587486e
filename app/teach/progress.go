package teach

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/triggersim/triggersim/app/storage"
)

// ProgressKey is the setting that holds the ids of the lessons done, as a
// JSON array. (Presenter mode is the header's setting, storage.SettingPresenter.)
const ProgressKey = "lessons.progress"

// Progress is the set of lessons the learner completed.
type Progress struct {
	done map[string]bool
}

// ParseProgress reads the stored setting; anything unreadable is an
// empty progress (a lost tick is better than a broken page).
func ParseProgress(s string) Progress {
	p := Progress{done: map[string]bool{}}
	var ids []string
	if err := json.Unmarshal([]byte(s), &ids); err != nil {
		return p
	}
	for _, id := range ids {
		if id != "" {
			p.done[id] = true
		}
	}
	return p
}

// String is the setting's value: the ids, sorted, as a JSON array.
func (p Progress) String() string {
	ids := p.IDs()
	b, _ := json.Marshal(ids) // strings always marshal
	return string(b)
}

// IDs lists the lessons done, sorted.
func (p Progress) IDs() []string {
	ids := make([]string, 0, len(p.done))
	for id := range p.done {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Done reports whether a lesson is done.
func (p Progress) Done(id string) bool { return p.done[id] }

// Count is how many lessons of a language ("ru" or "en") are done.
func (p Progress) Count(lang string) int {
	n := 0
	for id := range p.done {
		if strings.HasPrefix(id, lang+"/") {
			n++
		}
	}
	return n
}

// Mark returns the progress with a lesson marked done; it reports
// whether that changed anything.
func (p Progress) Mark(id string) (Progress, bool) {
	if p.done[id] {
		return p, false
	}
	out := Progress{done: make(map[string]bool, len(p.done)+1)}
	for k := range p.done {
		out.done[k] = true
	}
	out.done[id] = true
	return out, true
}

// Settings is where the progress is kept: a storage.Store, or the
// session that the pages reach storage through.
type Settings interface {
	GetSetting(ctx context.Context, key string) (string, error)
	PutSetting(ctx context.Context, key, value string) error
}

// LoadProgress reads the progress from the settings; none stored is an
// empty progress.
func LoadProgress(ctx context.Context, st Settings) (Progress, error) {
	s, err := st.GetSetting(ctx, ProgressKey)
	if errors.Is(err, storage.ErrNotExist) {
		return ParseProgress(""), nil
	}
	if err != nil {
		return ParseProgress(""), fmt.Errorf("read lesson progress: %w", err)
	}
	return ParseProgress(s), nil
}

// MarkDone marks a lesson done in the store (read, mark, write).
func MarkDone(ctx context.Context, st Settings, id string) (Progress, error) {
	p, err := LoadProgress(ctx, st)
	if err != nil {
		return p, err
	}
	p, changed := p.Mark(id)
	if !changed {
		return p, nil
	}
	if err := st.PutSetting(ctx, ProgressKey, p.String()); err != nil {
		return p, fmt.Errorf("save lesson progress: %w", err)
	}
	return p, nil
}
