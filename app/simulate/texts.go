package simulate

import (
	"embed"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/text"
)

// The messages of what a person types into the board's dialogs live in
// texts/ (input.ru.txt, input.en.txt; format in package text).
//
//go:embed texts/*.txt
var textFiles embed.FS

// Texts is the catalog of this package's errors.
var Texts = text.FromFS(textFiles, "texts")

// inputError is the coded error code with args at path (the event data's
// key, or "" for a single input): its Error is the English text, and
// engine.ErrorMessage renders it in the interface language.
func inputError(path, code string, args ...string) *engine.Error {
	msg, ok := Texts.Format("en", code, args...)
	if !ok {
		msg = code
	}
	return &engine.Error{Path: path, Msg: msg, Code: code, Args: args, Catalog: Texts}
}
