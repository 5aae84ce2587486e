package engine

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/triggersim/triggersim/text"
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
	// Msg is the message in English, as Error prints it.
	Msg string
	// Code and Args say the same language-neutrally: a key of Texts and
	// its arguments, which Message renders in the interface's language.
	// Code is "" for the messages the catalog does not hold yet; those
	// read in English in both languages.
	Code string
	Args []string
	// Catalog holds Code when another reader made the error (the lesson
	// files); nil means Texts. Its read.phrase.* keys name its own words.
	Catalog *text.Catalog
}

// Message is the error's message in lang ("ru" or "en"), without the path.
func (e *Error) Message(lang string) string {
	if e.Code == "" || lang == "en" {
		return e.Msg
	}
	cat := Texts
	if e.Catalog != nil {
		cat = e.Catalog
	}
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		switch {
		case e.Code == "xref.robotParams":
			args[i] = "«" + RobotTypeName(a, lang) + "»" // the name Bitrix24 shows
		case e.Catalog != nil && catalogPhrase(e.Catalog, a, lang) != "":
			args[i] = catalogPhrase(e.Catalog, a, lang)
		default:
			args[i] = phraseText(a, lang)
		}
	}
	if s, ok := cat.Format(lang, e.Code, args...); ok {
		return s
	}
	return e.Msg
}

// catalogPhrase renders a in lang when it is the English text of one of
// cat's read.phrase.* keys; "" otherwise.
func catalogPhrase(cat *text.Catalog, a, lang string) string {
	for _, k := range cat.Keys() {
		if !strings.HasPrefix(k, "read.phrase.") {
			continue
		}
		if en, _ := cat.Format("en", k); en == a {
			s, _ := cat.Format(lang, k)
			return s
		}
	}
	return ""
}

// Text renders "path: message" in lang, like Error does in English; the
// document itself is "(root)" in English and «(корень)» in Russian.
func (e *Error) Text(lang string) string {
	if e.Code == "read.more" {
		return e.Message(lang)
	}
	p := e.Path
	if p == "" && lang != "en" {
		p, _ = Texts.Format(lang, "read.root")
	}
	return displayPath(p) + ": " + e.Message(lang)
}

// phraseText renders an argument in lang: the reader's words for what it
// expected or found ("an object", "end of input", "a stage id",
// "character 'x'") have read.phrase.* keys and read in lang; values
// quoted from the file stay as they are.
func phraseText(a, lang string) string {
	if c, ok := strings.CutPrefix(a, "character "); ok {
		if s, ok := Texts.Format(lang, "read.char", c); ok {
			return s
		}
		return a
	}
	if n, ok := strings.CutPrefix(a, "a list of "); ok {
		if s, ok := Texts.Format(lang, "read.listOf", n); ok {
			return s
		}
		return a
	}
	if key, ok := phraseKeys()[a]; ok {
		if s, ok := Texts.Format(lang, key); ok {
			return s
		}
	}
	if key, head, last, ok := splitList(a); ok {
		for _, s := range append(head, last) {
			quoted := len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"'
			if !quoted && !typeNames[s] {
				return a
			}
		}
		for i := range head {
			head[i] = listItem(head[i], lang)
		}
		if s, ok := Texts.Format(lang, key, strings.Join(head, ", "), listItem(last, lang)); ok {
			return s
		}
	}
	return a
}

// listItem renders one item of a list: smart processes have their words.
func listItem(s, lang string) string {
	if s == smartProcesses {
		if t, ok := Texts.Format(lang, "read.smartProcesses"); ok {
			return t
		}
	}
	return s
}

// smartProcesses is how SupportedTypes names smart processes.
const smartProcesses = "smart processes (DYNAMIC_n)"

// typeNames are the words of TriggerInfo.SupportedTypes: entity types and
// the phrase for smart processes.
var typeNames = map[string]bool{typeLead: true, typeDeal: true, typeQuote: true, typeSmartInvoice: true,
	typeOrder: true, smartProcesses: true}

// splitList splits our own lists, `"a", "b" or "c"` (quoted values) and
// "LEAD, DEAL and smart processes (DYNAMIC_n)" (SupportedTypes), into the
// head items and the last one, so that the joining word reads in the
// interface's language.
func splitList(a string) (key string, head []string, last string, ok bool) {
	for _, sep := range []string{" or ", " and "} {
		i := strings.LastIndex(a, sep)
		if i < 0 {
			continue
		}
		return "read.list" + strings.TrimSpace(sep), strings.Split(a[:i], ", "), a[i+len(sep):], true
	}
	return "", nil, "", false
}

// phraseKeys maps the English text of each read.phrase.* key to the key.
var phraseKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, k := range Texts.Keys() {
		if strings.HasPrefix(k, "read.phrase.") {
			if en, ok := Texts.Format("en", k); ok {
				m[en] = k
			}
		}
	}
	return m
})

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

// Text prints one error per line in lang (see Error.Text).
func (es Errors) Text(lang string) string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Text(lang))
	}
	return b.String()
}

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
	if l.capped() {
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = clipped(s)
		}
	}
	l.errs = append(l.errs, &Error{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// capped closes the list with its last entry once MaxErrors are in.
func (l *errList) capped() bool {
	if len(l.errs) == MaxErrors {
		l.errs = append(l.errs, &Error{Msg: moreErrorsMsg, Code: "read.more"})
		l.full = true
		return true
	}
	return false
}

// addCode records an error whose message is the key code of Texts with
// args (already quoted and clipped where they echo the file): its English
// text is Msg, and Message renders it in any language.
func (l *errList) addCode(path, code string, args ...string) {
	if l.full || l.capped() {
		return
	}
	msg, ok := Texts.Format("en", code, args...)
	if !ok {
		msg = code + ": " + strings.Join(args, ", ")
	}
	l.errs = append(l.errs, &Error{Path: path, Msg: msg, Code: code, Args: args})
}

// addErr records err at path: a coded error of a helper (ParseTime,
// newCalendar, CompileCondition) keeps its code, so it reads in any
// language; any other error reads in English.
func (l *errList) addErr(path string, err error) {
	var ce *codedError
	if errors.As(err, &ce) {
		l.addCode(path, ce.code, ce.args...)
		return
	}
	l.add(path, "%v", err)
}

// codedError is an error of a helper outside the reader: a key of Texts
// and its arguments, as in Error. Its Error is the English text.
type codedError struct {
	code string
	args []string
}

// errCode returns the coded error code with args.
func errCode(code string, args ...string) error { return &codedError{code: code, args: args} }

func (e *codedError) Error() string {
	if s, ok := Texts.Format("en", e.code, e.args...); ok {
		return s
	}
	return e.code + ": " + strings.Join(e.args, ", ")
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

// ErrorMessage renders err in lang ("ru" or "en") for a person who typed
// the input: a coded error of a helper (ParseTime, ParseDuration) or of
// the reader (*Error, Errors: "path: message", one a line) reads in
// lang; any other error reads as its Error text.
func ErrorMessage(err error, lang string) string {
	var ce *codedError
	if errors.As(err, &ce) {
		return (&Error{Msg: ce.Error(), Code: ce.code, Args: ce.args}).Message(lang)
	}
	var es Errors
	if errors.As(err, &es) {
		lines := make([]string, len(es))
		for i, e := range es {
			lines[i] = e.Text(lang)
		}
		return strings.Join(lines, "\n")
	}
	var e *Error
	if errors.As(err, &e) {
		if e.Path == "" {
			return e.Message(lang)
		}
		return e.Text(lang)
	}
	return err.Error()
}
