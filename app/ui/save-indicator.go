package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// SaveIndicator shows whether the last edit reached the browser's storage:
// «Сохранено», «Сохранение…» or «Не сохранено: <причина>». It is a live
// region, so a screen reader announces a failed save.
type SaveIndicator struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// State is "saving", "saved" or "failed".
	State string
	// Reason says why a save failed.
	Reason string
}

// Render implements app.Composer.
func (s *SaveIndicator) Render() app.UI {
	var text string
	switch s.State {
	case "saving":
		text = i18n.T(s.Lang, "hdr.saving")
	case "failed":
		text = i18n.F(s.Lang, "hdr.notSaved", "reason", s.Reason)
	default:
		text = i18n.T(s.Lang, "hdr.saved")
	}
	state := s.State
	if state == "" {
		state = "saved"
	}
	return elc("span", "save-indicator save-indicator--"+state).
		Role("status").
		Attr("aria-live", "polite").
		Attr("data-testid", "header-save-state").
		Attr("data-state", state).
		Title(text).
		Text(text)
}
