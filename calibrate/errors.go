package calibrate

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/text"
)

// Error is every error about the input files: errors.Is(err, ErrInvalid)
// holds. It keeps the place, a text key (texts/input.*.txt) and its values
// rather than a sentence, so the message can be said in either language;
// Error is the English one.
type Error struct {
	// Place names the file and, for a JSON syntax error, the line and
	// column ("deals.json:3:14"), or a record ("H.json: [0]"); "" when
	// the error is about the input as a whole.
	Place string
	// Code is the key of the sentence, "" when Cause says it all; Values
	// are its placeholders by name.
	Code   string
	Values []string
	// Cause is the problem inside the file: a field error of this package
	// (which has its own Message), a b24import error, or a decoder error.
	Cause error
}

func (e *Error) Error() string { return e.Message(text.EN) }

// Is makes errors.Is(err, ErrInvalid) hold.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

func (e *Error) Unwrap() error { return e.Cause }

// Message is the error in lang ("en", or Russian for anything else).
func (e *Error) Message(lang string) string {
	s := say(lang, "input.heading")
	place := e.Place
	if lang != text.EN {
		// Without a categories file the English place has always begun
		// ", statuses.json"; the other language need not keep that.
		place = strings.TrimPrefix(place, ", ")
	}
	if place != "" {
		s += ": " + place
	}
	if e.Code != "" {
		s += ": " + say(lang, e.Code, e.Values...)
	}
	if e.Cause != nil {
		s += causeText(lang, e.Cause)
	}
	return s
}

// causeText is ": " and the cause in lang. A b24import error says its
// problems in lang; the decoder's words exist in English only, so they
// are left out of other languages (the place still shows where).
func causeText(lang string, err error) string {
	var fe *fieldError
	if errors.As(err, &fe) {
		return ": " + fe.Message(lang)
	}
	if lang == text.EN {
		return ": " + err.Error()
	}
	var be *b24import.Error
	if errors.As(err, &be) {
		lines := be.Lines(lang)
		if len(lines) == 1 {
			return ": " + lines[0]
		}
		return ":\n" + strings.Join(lines, "\n")
	}
	return ""
}

// fieldError is a malformed value inside a file: its JSON path, a text key
// and its values; got, when set, is the value found, described in the
// language of the message ({got}).
type fieldError struct {
	path   string
	root   bool // path is the top level of the file
	code   string
	values []string
	got    any
	hasGot bool
}

func (e *fieldError) Error() string { return e.Message(text.EN) }

// Message is the error in lang: "path: sentence".
func (e *fieldError) Message(lang string) string {
	pairs := e.values
	if e.hasGot {
		pairs = append(append([]string(nil), pairs...), "got", kindText(lang, e.got))
	}
	msg := say(lang, e.code, pairs...)
	switch {
	case e.root:
		return say(lang, "input.root") + ": " + msg
	case e.path != "":
		return e.path + ": " + msg
	}
	return msg
}

// badField is the error code at path with its values.
func badField(path, code string, values ...string) error {
	return &fieldError{path: path, code: code, values: values}
}

// badValue is badField with the value found, v.
func badValue(path, code string, v any, values ...string) error {
	return &fieldError{path: path, code: code, values: values, got: v, hasGot: true}
}

// atRoot marks a field error as being about the top level when path is "".
func atRoot(err error, path string) error {
	if fe, ok := err.(*fieldError); ok && path == "" {
		fe.root = true
	}
	return err
}

// kindText describes v in lang: "the string \"x\"", "an array", ….
func kindText(lang string, v any) string {
	switch x := v.(type) {
	case nil:
		return say(lang, "kind.null")
	case bool:
		return say(lang, "kind.bool")
	case json.Number:
		return say(lang, "kind.number", "number", x.String())
	case string:
		if len(x) > 40 {
			x = x[:40] + "…"
		}
		return say(lang, "kind.string", "string", strconv.Quote(x))
	case []any:
		return say(lang, "kind.array")
	default:
		return say(lang, "kind.object")
	}
}

// fileError is the error code about file with its values.
func fileError(file, code string, values ...string) error {
	return &Error{Place: file, Code: code, Values: values}
}
