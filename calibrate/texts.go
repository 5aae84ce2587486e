package calibrate

import (
	"embed"

	"github.com/triggersim/triggersim/text"
)

// The sentences of the text reports live in texts/, one file per part and
// language (see package text for the format).
//
//go:embed texts/*.txt
var textFiles embed.FS

// Texts is the catalog of the calibration reports' sentences; its test checks
// both languages key for key.
var Texts = text.FromFS(textFiles, "texts")

// say returns the sentence key in lang ("en", or Russian for anything
// else) with its placeholders filled by name from pairs; the numbers in
// pairs are already printed (format.Text).
func say(lang, key string, pairs ...string) string {
	return Texts.Say(lang, key, pairs...)
}
