package whatif

import (
	"embed"

	"github.com/triggersim/triggersim/text"
)

// The package's messages live in texts/, one file per part and language
// (format in package text): replay.*.txt the errors of a recorded event
// history, model.*.txt a traffic model's, sweep.*.txt a sweep range's,
// report.*.txt the sentences of
// the text reports.
//
//go:embed texts/*.txt
var textFiles embed.FS

// Texts is the what-if package's message catalog; its tests check both
// languages key for key.
var Texts = text.FromFS(textFiles, "texts")

// say returns the sentence key in lang ("en", or Russian for anything
// else) with its placeholders filled by name from pairs; the numbers in
// pairs are already printed (format.Text).
func say(lang, key string, pairs ...string) string {
	return Texts.Say(lang, key, pairs...)
}
