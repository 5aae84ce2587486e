package session

import (
	"context"
	"errors"
	"fmt"

	"github.com/triggersim/triggersim/app/storage"
)

// Show makes the scenario a page's address asks for the open one, and
// returns its id:
//   - id given: that stored scenario (opened unless it is open already);
//   - no id: the open scenario, else the one this browser opened last
//     (a bare /design or /simulate after a reload or in a new tab).
//
// With nothing to show it returns ErrNoScenario; a named scenario that is
// not stored gives an error satisfying errors.Is(err, storage.ErrNotExist).
func (s *Session) Show(ctx context.Context, id string) (string, error) {
	if id != "" {
		if d := s.Doc(); d != nil && d.ID == id {
			return id, nil
		}
		if err := s.Open(ctx, id); err != nil {
			return "", err
		}
		return id, nil
	}
	if d := s.Doc(); d != nil {
		return d.ID, nil
	}
	last, err := s.store.GetSetting(ctx, storage.SettingLastScenario)
	switch {
	case errors.Is(err, storage.ErrNotExist) || err == nil && last == "":
		return "", ErrNoScenario
	case err != nil:
		return "", fmt.Errorf("read the last opened scenario: %w", err)
	}
	if err := s.Open(ctx, last); err != nil {
		if errors.Is(err, storage.ErrNotExist) {
			// Deleted since (in this tab or another): nothing to reopen.
			return "", ErrNoScenario
		}
		return "", err
	}
	return last, nil
}

// remember records id as the scenario this browser opened last. It is a
// convenience for the next bare address: a failed write loses only that,
// and the edit or open that called it has already succeeded, so the
// error is not passed on.
func (s *Session) remember(ctx context.Context, id string) {
	_ = s.store.PutSetting(ctx, storage.SettingLastScenario, id)
}
