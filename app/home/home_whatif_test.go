package home

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The what-if examples are marked so the home page offers the lab for them.
func TestExamplesMarkWhatIf(t *testing.T) {
	n := 0
	for _, ex := range Examples() {
		if ex.WhatIf {
			n++
		}
		assert.False(t, ex.Name == "01-oplata-scheta.json" && ex.WhatIf, "%s has no traffic model but is marked as a what-if example", ex.Name)
	}
	assert.False(t, n < 2, "expected the two 11-whatif examples to be marked, got %d", n)
}
