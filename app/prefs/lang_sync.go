package prefs

import "github.com/triggersim/triggersim/app/i18n"

// LangSync is what the header does once the scenario store has answered:
// the language to show and the one to write back to the store.
type LangSync struct {
	// Show is the language the page should switch to ("" to keep its own).
	Show string
	// Store is the language to write to the store ("" to leave it).
	Store string
}

// SyncLang reconciles the two places the interface language is kept:
// localStorage (chosen, written synchronously at the click, and read
// before the first render) and the scenario store's setting (stored,
// written asynchronously after it). Every choice writes both, so when
// localStorage holds a choice it is the newer one: a store write can be
// lost to a reload that comes right after the click, or land after the
// first-run seed of an older page. Letting the store win then switched a
// freshly reloaded page back to the old language after it had rendered in
// the new one. The store's value is shown only when localStorage has none
// (cleared, or kept by an earlier version in the store alone); the store
// is repaired whenever it disagrees. storeOK is false when the store could
// not be read at all (unavailable): then it is neither trusted nor written.
func SyncLang(chosen string, chosenOK bool, stored string, storedOK, storeOK bool) LangSync {
	stored = normalStored(stored, storedOK)
	switch {
	case chosenOK:
		chosen = i18n.Normalize(chosen)
		if storeOK && stored != chosen {
			return LangSync{Store: chosen}
		}
		return LangSync{}
	case stored != "":
		return LangSync{Show: stored}
	default:
		return LangSync{}
	}
}

// normalStored is the stored language normalised, or "" when there is none.
func normalStored(stored string, ok bool) string {
	if !ok || stored == "" {
		return ""
	}
	return i18n.Normalize(stored)
}
