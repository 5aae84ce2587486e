package prefs_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/app/prefs"
)

func TestSyncLang(t *testing.T) {
	for _, c := range []struct {
		name              string
		chosen            string
		chosenOK          bool
		stored            string
		storedOK, storeOK bool
		want              prefs.LangSync
	}{
		{"both agree", "en", true, "en", true, true, prefs.LangSync{}},
		// The store's write was lost to a reload right after the click,
		// or the first-run seed landed after it: localStorage is newer.
		{"stale store", "en", true, "ru", true, true, prefs.LangSync{Store: "en"}},
		{"store empty", "en", true, "", false, true, prefs.LangSync{Store: "en"}},
		{"store unavailable", "en", true, "", false, false, prefs.LangSync{}},
		{"chosen spelled loosely", "EN-gb", true, "en", true, true, prefs.LangSync{}},
		// Nothing in localStorage (cleared, or an earlier version kept
		// the language in the store alone): the store's choice shows.
		{"only the store", "", false, "en", true, true, prefs.LangSync{Show: "en"}},
		{"only the store, loosely", "", false, " En ", true, true, prefs.LangSync{Show: "en"}},
		{"neither", "", false, "", false, true, prefs.LangSync{}},
		{"neither, store unavailable", "", false, "", false, false, prefs.LangSync{}},
		{"stored but unreadable", "", false, "en", false, false, prefs.LangSync{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, prefs.SyncLang(c.chosen, c.chosenOK, c.stored, c.storedOK, c.storeOK))
		})
	}
}

func ExampleSyncLang() {
	// The user chose English and reloaded at once: the store still says
	// Russian. The page keeps English and the store is corrected.
	fmt.Printf("%+v\n", prefs.SyncLang("en", true, "ru", true, true))
	// Output: {Show: Store:en}
}
