package whatif_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/whatif"
)

// TestTextsConsistent checks the reports' catalog key for key: both
// languages have every key and the same placeholders, and no text is a
// printf format.
func TestTextsConsistent(t *testing.T) {
	assert.Empty(t, whatif.Texts.Problems())
	assert.Greater(t, len(whatif.Texts.Keys()), 35, "the catalog was not read")
}
