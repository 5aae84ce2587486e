package ui

import (
	"unicode"
	"unicode/utf8"
)

// sentence starts s with a capital letter. Errors are worded to follow a
// colon ("Не получилось: …"); a line that shows one alone (the lab's, the
// calibration dialog's) starts it as a sentence.
func sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
