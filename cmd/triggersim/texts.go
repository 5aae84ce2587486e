package main

import (
	"embed"

	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/text"
)

// The command's sentences live in texts/, one file per part and language
// (see package text for the format); the reports of whatif, calibrate and
// lesson check come with their packages' own catalogs.
//
//go:embed texts/*.txt
var textFiles embed.FS

// texts is the command's message catalog; its test checks both languages
// key for key.
var texts = text.FromFS(textFiles, "texts")

// say returns the sentence key in lang ("en", or Russian for anything
// else) with its placeholders filled by name from pairs.
func say(lang, key string, pairs ...string) string {
	if lang != text.EN {
		lang = text.RU
	}
	if s, ok := texts.Named(lang, key, pairs...); ok {
		return s
	}
	return key // a typo shows instead of vanishing
}

// num prints a count as the text reports do (format.Text).
func num(lang string, n int) string { return format.Text(lang).Int(int64(n)) }

// explicit is the language of a message the command used to print in
// English only: the one --lang asks for, English without it, so that the
// output of a command line that names no language stays as it was.
func explicit(lang string) string {
	if lang == "" {
		return text.EN
	}
	return lang
}
