package b24import

import (
	"embed"
	"strconv"
	"strings"
	"sync"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/text"
)

// The import's messages live in texts/ (b24.ru.txt, b24.en.txt; format in
// package text): a Problem's place and message are keys there with their
// arguments, rendered in the interface's language.
//
//go:embed texts/*.txt
var textFiles embed.FS

// Texts is the import's message catalog.
var Texts = text.FromFS(textFiles, "texts")

// Phrase is a key of Texts and its arguments.
type Phrase struct {
	Code string
	Args []string
}

// Text renders the phrase in lang; arguments that are the import's own
// words (b24.phrase.*: "a number", the shape it expected) read in lang
// too, values from the portal's output stay as they are.
func (p Phrase) Text(lang string) string {
	args := make([]string, len(p.Args))
	for i, a := range p.Args {
		args[i] = a
		if key, ok := phraseKeys()[a]; ok {
			args[i], _ = Texts.Format(lang, key)
		}
	}
	s, ok := Texts.Format(lang, p.Code, args...)
	if !ok {
		return p.Code + ": " + strings.Join(p.Args, ", ")
	}
	return s
}

// phraseKeys maps the English text of each b24.phrase.* key to the key.
var phraseKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, k := range Texts.Keys() {
		if strings.HasPrefix(k, "b24.phrase.") {
			if en, ok := Texts.Format(text.EN, k); ok {
				m[en] = k
			}
		}
	}
	return m
})

func phrase(code string, args ...string) Phrase { return Phrase{Code: code, Args: args} }

// Problem is one thing wrong with the REST output: where (the file and the
// record in it; zero for the output as a whole) and what. What is a phrase
// of Texts, or the scenario reader's error about the stages the records
// make (Reader), which reads in the interface's language too.
type Problem struct {
	Place  Phrase
	What   Phrase
	Reader *engine.Error
}

// Text renders "place: message" in lang.
func (p Problem) Text(lang string) string {
	var msg string
	switch {
	case p.Reader != nil && p.Place.Code == "":
		return p.Reader.Text(lang)
	case p.Reader != nil:
		msg = p.Reader.Message(lang)
		if p.What.Code != "" {
			msg += "; " + p.What.Text(lang)
		}
	default:
		msg = p.What.Text(lang)
	}
	if p.Place.Code == "" {
		return msg
	}
	return p.Place.Text(lang) + ": " + msg
}

// Error is every problem of one import; errors.Is(err, ErrInvalid) holds.
// Its Error is the English text, one problem per line after a heading.
type Error struct {
	Problems []Problem
	// more counts the problems left out past maxErrors.
	more int
	// list is set when the problems come as a list (after "…:\n") even
	// when there is one.
	list bool
}

// one is the error of a single problem: "heading: place: message".
func one(place, what Phrase) *Error { return &Error{Problems: []Problem{{Place: place, What: what}}} }

// many is the error of a list of problems, capped at maxErrors.
func many(ps []Problem) *Error {
	e := &Error{list: true}
	if len(ps) > maxErrors {
		e.more = len(ps) - maxErrors
		ps = ps[:maxErrors]
	}
	e.Problems = ps
	return e
}

// problemError carries one problem out of the parsing functions.
type problemError struct{ p Problem }

func (e *problemError) Error() string { return e.p.Text(text.EN) }

// fail is the problem what at place, as an error of the parsing functions.
func fail(place, what Phrase) error { return &problemError{Problem{Place: place, What: what}} }

// at is a place that is a path only ("crm.status.list[3]").
func at(where string) Phrase { return phrase("b24.at", where) }

// asError turns an error of the parsing functions into the import's Error.
func asError(err error) error {
	if pe, ok := err.(*problemError); ok {
		return &Error{Problems: []Problem{pe.p}}
	}
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }

func (e *Error) Error() string { return ErrInvalid.Error() + e.body(text.EN) }

// Text renders the problems in lang, one per line, the last line saying
// how many more there are when the list is capped.
func (e *Error) Text(lang string) string { return strings.Join(e.Lines(lang), "\n") }

// Lines renders each problem in lang, then the «… and N more» line if any.
func (e *Error) Lines(lang string) []string {
	var out []string
	for _, p := range e.Problems {
		out = append(out, p.Text(lang))
	}
	if e.more > 0 {
		out = append(out, phrase("b24.more", itoa(e.more)).Text(lang))
	}
	return out
}

func (e *Error) body(lang string) string {
	lines := e.Lines(lang)
	if len(e.Problems) == 1 && e.more == 0 && !e.list {
		return ": " + lines[0]
	}
	return ":\n" + strings.Join(lines, "\n")
}

// Is makes errors.Is(err, ErrInvalid) hold.
func (e *Error) Is(target error) bool { return target == ErrInvalid }
