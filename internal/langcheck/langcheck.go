// Package langcheck tells whether a message shown to the user reads in
// Russian: it has Cyrillic letters and no English words outside what the
// user's own file holds (quoted values, upper-case codes such as DEAL or
// JSON) and the code words a test allows. Tests of every error family
// (scenario files, the Bitrix24 import, the what-if replay, lessons,
// calibration) use it; it is imported by tests only.
package langcheck

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// quotedRE matches what a message quotes from the user's input or names
// as code: "…", '…' and «…».
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|«[^»]*»`)

// codeRE matches what is code whatever the language: JSON paths
// (whatif.flows[0]), numbers with units (2h30m, 1e15).
var codeRE = regexp.MustCompile(`[A-Za-z_]\w*(?:\.\w+|\[\d+\])+|\d[\w.]*`)

// latinWordRE finds Latin words.
var latinWordRE = regexp.MustCompile(`[A-Za-z][A-Za-z_]*`)

// EnglishWords lists the Latin words of msg that are not quoted, not
// paths or numbers, not upper-case codes (DEAL, RFC, CSV), not "id" (a
// word of Russian CRM speech too) and not among allowed.
func EnglishWords(msg string, allowed ...string) []string {
	var out []string
	for _, w := range latinWordRE.FindAllString(codeRE.ReplaceAllString(quotedRE.ReplaceAllString(msg, ""), ""), -1) {
		if strings.ToUpper(w) == w || w == "id" || slices.Contains(allowed, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// HasCyrillic reports whether msg has a Cyrillic letter.
func HasCyrillic(msg string) bool {
	return strings.IndexFunc(msg, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0
}

// Problems says why msg does not read in Russian; empty when it does.
func Problems(msg string, allowed ...string) []string {
	var out []string
	if !HasCyrillic(msg) {
		out = append(out, "no Cyrillic in "+msg)
	}
	if w := EnglishWords(msg, allowed...); len(w) > 0 {
		out = append(out, "English words "+strings.Join(w, ", ")+" in "+msg)
	}
	return out
}
