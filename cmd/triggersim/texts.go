package main

import (
	"embed"
	"fmt"
	"io"
	"strings"

	"github.com/triggersim/triggersim/calibrate"
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
	return texts.Say(lang, key, pairs...)
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

// usageErr is a mistake on the command line: a key of the catalog and its
// values, worded when printed in the language --lang asks for (English
// without it, as Error does).
type usageErr struct {
	key   string
	pairs []string
}

func (e usageErr) Error() string { return say(text.EN, e.key, e.pairs...) }

// badUsage makes a usageErr.
func badUsage(key string, pairs ...string) error { return usageErr{key, pairs} }

// flagErr is a bad value of a flag whose package words the mistake in
// either language (whatif.SweepError): "--sweep: " and the message.
type flagErr struct {
	flag string
	err  interface {
		error
		Message(lang string) string
	}
}

func (e flagErr) Error() string { return e.flag + ": " + e.err.Error() }

// sayErr words err in lang: a usageErr, a flagErr or a calibrate.Error in
// that language (in English exactly as Error prints it), any other error
// as it is.
func sayErr(lang string, err error) string {
	if u, ok := err.(usageErr); ok {
		return say(lang, u.key, u.pairs...)
	}
	if f, ok := err.(flagErr); ok && lang != text.EN {
		return f.flag + ": " + f.err.Message(lang)
	}
	if c, ok := err.(*calibrate.Error); ok && lang != text.EN {
		return c.Message(lang)
	}
	return err.Error()
}

// usageFail prints a mistake on the command line and the command's usage
// (key usage.<cmd>) in the language args ask for, and returns exit status 2.
func usageFail(stderr io.Writer, args []string, cmd string, err error) int {
	lang := explicit(langOf(args))
	fmt.Fprintf(stderr, "triggersim: %s\n%s", sayErr(lang, err), say(lang, "usage."+cmd))
	return 2
}

// langOf finds a valid --lang in args before they are parsed, so that a
// mistake elsewhere on the line is said in that language; "" when there
// is none.
func langOf(args []string) string {
	lang := ""
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if value == text.RU || value == text.EN {
			lang = value
		}
	}
	return lang
}
