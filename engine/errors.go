package engine

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalid is the sentinel for a scenario file that cannot be used: every
// error returned by ReadScenario satisfies errors.Is(err, ErrInvalid), so a
// caller (the CLI's exit status 2, the app's import dialog) can branch on it
// without parsing messages.
var ErrInvalid = errors.New("invalid scenario")

// MaxErrors caps how many errors one read reports: enough to fix a file in
// one go, few enough that a wrong file (say, a result file) does not drown
// the user. Past the cap a last entry says that more errors exist.
const MaxErrors = 100

// moreErrorsMsg is the message of the entry that closes a capped list.
const moreErrorsMsg = "… and more errors"

// Error is one problem in a scenario file, located by its JSON path
// ("triggers[2].settings.url", "entities[0].pipelines[1].stages[3].id";
// "" is the document itself).
type Error struct {
	Path string
	Msg  string
}

// Error renders "path: message"; the document itself prints as "(root)".
func (e *Error) Error() string {
	if e.Msg == moreErrorsMsg && e.Path == "" {
		return e.Msg
	}
	return displayPath(e.Path) + ": " + e.Msg
}

// Is makes a single *Error match ErrInvalid too.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// displayPath is the printable form of a JSON path.
func displayPath(p string) string {
	if p == "" {
		return "(root)"
	}
	return p
}

// Errors is every problem found in one scenario file, in the order found.
type Errors []*Error

// Error prints one error per line.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalid) hold for any reading error.
func (es Errors) Is(target error) bool { return target == ErrInvalid }

// errList collects errors up to MaxErrors. It is passed by pointer through
// one read; it is not shared between reads.
type errList struct {
	errs Errors
	full bool
}

// add records an error at path unless the cap has been reached.
func (l *errList) add(path, format string, args ...any) {
	if l.full {
		return
	}
	if len(l.errs) == MaxErrors {
		l.errs = append(l.errs, &Error{Msg: moreErrorsMsg})
		l.full = true
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = clipped(s)
		}
	}
	l.errs = append(l.errs, &Error{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// clipped is a string argument of an error message. Quoted (%q) it is cut
// to 40 characters, because it echoes the user's input, which may be huge;
// with %s it is printed whole (our own wording).
type clipped string

// Format implements fmt.Formatter.
func (c clipped) Format(f fmt.State, verb rune) {
	s := string(c)
	if verb == 'q' {
		s = Quote(s)
	}
	_, _ = f.Write([]byte(s))
}

// err returns the collected errors, or nil when there are none.
func (l *errList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return l.errs
}

// keyPath appends an object key to a path: ".key" for plain keys,
// `["odd key"]` for keys that would be ambiguous in dotted form. A key
// longer than 40 characters is quoted and cut (Clip): a path echoes the
// user's input too.
func keyPath(path, key string) string {
	if c := Clip(key); c != key {
		if !plainKey(key) {
			return path + "[" + Quote(key) + "]"
		}
		key = c // "…" marks the cut; the path is for reading
		if path == "" {
			return key
		}
		return path + "." + key
	}
	if plainKey(key) {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// indexPath appends an array index to a path.
func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

func plainKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
