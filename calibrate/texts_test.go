package calibrate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/calibrate"
)

// TestTextsConsistent checks the reports' catalog key for key: both
// languages have every key and the same placeholders, and no text is a
// printf format.
func TestTextsConsistent(t *testing.T) {
	assert.Empty(t, calibrate.Texts.Problems())
	assert.Greater(t, len(calibrate.Texts.Keys()), 15, "the catalog was not read")
}
