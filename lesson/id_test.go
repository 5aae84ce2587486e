package lesson

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// idRE is the id rule as a regexp, the form validID replaced; the tests
// hold the loop to it.
var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

func TestValidID(t *testing.T) {
	long := "a123456789012345678901234567890123456789012345678901234567890123"
	tests := []struct {
		id   string
		want bool
	}{
		{"", false},
		{"a", true},
		{"0", true},
		{"lesson-1", true},
		{"-a", false},
		{"a-", true},
		{"A", false},
		{"a_b", false},
		{"a b", false},
		{"урок", false},
		{long, true},
		{long + "4", false},
		{"a\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			assert.Equal(t, tt.want, validID(tt.id))
			assert.Equal(t, idRE.MatchString(tt.id), validID(tt.id))
		})
	}
}

func FuzzValidID(f *testing.F) {
	for _, s := range []string{"", "a", "-", "a-b-c", "Z9", "a\x00", "ё", "0123456789012345678901234567890123456789012345678901234567890123x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, idRE.MatchString(s), validID(s), "%q", s)
	})
}
