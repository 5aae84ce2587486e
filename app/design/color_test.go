package design

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// colorRE is the colour rule as a regexp, the form isColor replaced; the
// tests hold the loop to it.
var colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

func TestIsColor(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"#7BD500", true},
		{"#ff5752", true},
		{"#000000", true},
		{"", false},
		{"#", false},
		{"7BD500", false},
		{"#7BD50", false},
		{"#7BD5000", false},
		{"#7BD50G", false},
		{"##7BD50", false},
		{"#7bd50\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			assert.Equal(t, tt.want, isColor(tt.s))
			assert.Equal(t, colorRE.MatchString(tt.s), isColor(tt.s))
		})
	}
}

func FuzzIsColor(f *testing.F) {
	for _, s := range []string{"", "#", "#abcdef", "#ABCDEF", "#abcdeg", "#abcde", "#abcdef0", "#ёё"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, colorRE.MatchString(s), isColor(s), "%q", s)
	})
}
