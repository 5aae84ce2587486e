package whatif

import (
	"embed"

	"github.com/triggersim/triggersim/text"
)

// The package's messages live in texts/ (replay.*.txt: the errors of a
// recorded event history; format in package text).
//
//go:embed texts/*.txt
var textFiles embed.FS

// Texts is the what-if package's message catalog.
var Texts = text.FromFS(textFiles, "texts")
