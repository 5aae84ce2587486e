package home

import "testing"

// The what-if examples are marked so the home page offers the lab for them.
func TestExamplesMarkWhatIf(t *testing.T) {
	n := 0
	for _, ex := range Examples() {
		if ex.WhatIf {
			n++
		}
		if ex.Name == "01-oplata-scheta.json" && ex.WhatIf {
			t.Errorf("%s has no traffic model but is marked as a what-if example", ex.Name)
		}
	}
	if n < 2 {
		t.Errorf("expected the two 11-whatif examples to be marked, got %d", n)
	}
}
