package text

import (
	"unicode"
	"unicode/utf8"
)

// Sentence starts s with a capital letter. The catalogs' messages are
// written in lower case, to follow a colon ("Не получилось: …", "reason:
// …"); a line that shows one alone starts it as a sentence.
func Sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
