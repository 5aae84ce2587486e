// Package text is the message catalog of triggersim: every sentence the
// engine, the command-line tool and the app show, in Russian and English,
// with named placeholders.
//
// A catalog is read from plain files, one per language and part
// ("explain.ru.txt", "explain.en.txt"), embedded into the program that uses
// them. Each line is one message:
//
//	# a comment
//	skip.backwards(stage, current) = стадия триггера {stage} раньше текущей ({current})
//	board.add = Добавить
//	lint.step.sep = ", "
//
// The key comes first (no spaces), then an optional parameter list, then
// " = " and the text. A text in double quotes is read as a Go string
// literal, for texts with edge spaces or escapes. A placeholder is a name in
// braces, {stage}; braces around anything else ({"TITLE": …}) are literal.
//
// The parameter list gives the order of positional arguments (Format): the
// engine's explanations are language-neutral data (a code and its
// arguments) rendered when the log is shown, and their arguments travel in
// that order. A message without a list is filled by name only (Named).
//
// Both languages must have the same keys, the same parameter lists and the
// same placeholders, and every placeholder must be declared when a list is
// given; no text is a printf format ("%s", "%d", "%%") and no placeholder
// is a bare number ("{0}"): a value has a name that says what it holds,
// and a literal percent sign is written as it is ("95 % interval").
// Problems reports any of these, and each catalog's test requires it to be
// empty. At run time a missing message falls back to Russian, the
// app's first language, and then to the key itself.
//
// The package uses the standard library only, so the engine can use it.
package text

import (
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The languages of every catalog; Russian is the default and the fallback.
const (
	RU = "ru"
	EN = "en"
)

// Languages lists the catalog languages, Russian first.
func Languages() []string { return []string{RU, EN} }

// Catalog is a set of messages in both languages. It is safe for
// concurrent use; it is parsed on first use and never written afterwards.
type Catalog struct {
	once      sync.Once
	checkOnce sync.Once
	// load reads the catalog files (inLanguage) of one language (0
	// Russian, 1 English), or of both when only is -1: file name →
	// content.
	load func(only int) map[string]string
	msgs map[string]*message
	full atomic.Bool // msgs is parsed
	// russian holds the Russian texts alone, parsed by the first lookup
	// in Russian while msgs is not: a page shown in Russian, the
	// default, never parses the English files. A key missing there (but
	// for HasIn in Russian, which it answers exactly), and every other
	// question, goes to msgs.
	ruOnce  sync.Once
	russian map[string]*message
	// store holds the messages msgs points to, allocated together. When
	// it grows past its capacity the messages already placed stay where
	// they are (msgs points to them), only the new ones go to the new array.
	store    []message
	problems []string
	// table, when set, holds the catalog compiled (FromTable), and
	// entries its messages as they are first used.
	table   *Table
	entries []atomic.Pointer[message]
}

// message is one key in both languages.
type message struct {
	params   []string // declared order; nil when undeclared
	declared [2]bool
	decl     [2][]string
	texts    [2]template
	has      [2]bool
}

// template is a text as written, split into its literal pieces and
// placeholders on first use: a page reads a few hundred of a catalog's
// texts, and compiling all of them took 40 % of the catalog's parse in
// the page as it starts (BenchmarkFirstRussianLookup in wasm).
type template struct {
	raw      string
	compiled atomic.Pointer[[]piece]
}

// pieces returns the text's pieces, compiled against the message's
// declared parameters. Two goroutines may compile the same text at once;
// they store equal results, so either is right.
func (t *template) pieces(params []string) []piece {
	if p := t.compiled.Load(); p != nil {
		return *p
	}
	p := compile(t.raw, params)
	t.compiled.Store(&p)
	return p
}

// piece is a literal (name == "") or a placeholder; arg is the index of the
// placeholder in the declared parameters, -1 when undeclared.
type piece struct {
	lit  string
	name string
	arg  int
}

// FromFS returns the catalog made of the files in dir of fsys whose names end
// in ".ru.txt" or ".en.txt". The files are read and parsed on first use,
// and a page in Russian reads only the Russian ones.
func FromFS(fsys fs.FS, dir string) *Catalog {
	return &Catalog{load: func(only int) map[string]string {
		files := map[string]string{}
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return files
		}
		buf := make([]byte, 16<<10)
		for _, e := range entries {
			if !inLanguage(e.Name(), only) {
				continue
			}
			if data, err := readString(fsys, path.Join(dir, e.Name()), buf); err == nil {
				files[e.Name()] = data
			}
		}
		return files
	}}
}

// readString reads a file into one string, allocated once at the file's
// size, through buf: fs.ReadFile's copy and a conversion to string would
// be two, and the app reads its catalogs while its first page starts.
func readString(fsys fs.FS, name string, buf []byte) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	if info, err := f.Stat(); err == nil {
		b.Grow(int(info.Size()))
	}
	// A loop of Reads, not io.CopyBuffer: its WriterTo and ReaderFrom
	// checks keep those methods of every type in the wasm (15 KB).
	for {
		n, err := f.Read(buf)
		b.Write(buf[:n])
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
	}
}

// FromFiles returns the catalog made of files (name → content), named as
// for FromFS; tests use it.
func FromFiles(files map[string]string) *Catalog {
	return &Catalog{load: func(only int) map[string]string {
		out := make(map[string]string, len(files))
		for name, data := range files {
			if inLanguage(name, only) {
				out[name] = data
			}
		}
		return out
	}}
}

func langIndex(lang string) int {
	if lang == EN {
		return 1
	}
	return 0
}

func (c *Catalog) parsed() map[string]*message {
	c.once.Do(func() {
		if c.table != nil {
			c.msgs = make(map[string]*message, len(c.entries))
			for i := range c.entries {
				c.msgs[c.table.piece(i, 0)] = c.entry(i)
			}
			c.full.Store(true)
			return
		}
		c.parseFiles(c.load(-1), -1)
		c.full.Store(true)
	})
	return c.msgs
}

// russianOnly is the catalog's Russian texts alone, each message as the
// whole catalog has it when it has a Russian text (its parameters are the
// Russian declaration's either way).
func (c *Catalog) russianOnly() map[string]*message {
	c.ruOnce.Do(func() {
		ru := &Catalog{}
		ru.parseFiles(c.load(0), 0)
		c.russian = ru.msgs
	})
	return c.russian
}

// parseFiles parses files, load's of language index only (0 Russian, 1
// English, -1 both), into c.msgs.
func (c *Catalog) parseFiles(files map[string]string, only int) {
	names := make([]string, 0, len(files))
	lines := 0
	for name, data := range files {
		names = append(names, name)
		lines += strings.Count(data, "\n") + 1
	}
	// One key per line at most (of each language when both are read):
	// size the map and the messages' storage once instead of growing
	// them key by key (the app parses its catalogs while its first page
	// starts).
	if only < 0 {
		lines /= 2
	}
	c.msgs = make(map[string]*message, lines)
	c.store = make([]message, 0, lines)
	slices.Sort(names)
	for _, name := range names {
		c.parseFile(name, files[name], fileLang(name))
	}
	c.finish()
}

// inLanguage reports whether name is a catalog file of language index
// only, or of either language when only is -1.
func inLanguage(name string, only int) bool {
	li := fileLang(name)
	return li >= 0 && (only < 0 || li == only)
}

// fileLang is the language index of a catalog file's name (0 for
// ".ru.txt", 1 for ".en.txt"), or -1 for any other file.
func fileLang(name string) int {
	switch {
	case strings.HasSuffix(name, ".ru.txt"):
		return 0
	case strings.HasSuffix(name, ".en.txt"):
		return 1
	}
	return -1
}

func (c *Catalog) problem(format string, args ...string) {
	s := format
	for _, a := range args {
		s = strings.Replace(s, "%s", a, 1)
	}
	c.problems = append(c.problems, s)
}

func (c *Catalog) parseFile(name, data string, li int) {
	// where names the line in a problem; built only then, as the app
	// parses its catalogs while its first page starts.
	where := func(n int) string { return name + ":" + strconv.Itoa(n+1) }
	for n := 0; data != ""; n++ {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if trimmed := strings.TrimSpace(line); trimmed == "" || trimmed[0] == '#' {
			continue
		}
		key, params, declared, txt, ok := parseLine(line)
		if !ok {
			c.problem("%s: expected `key = text` or `key(params) = text`", where(n))
			continue
		}
		m := c.msgs[key]
		if m == nil {
			c.store = append(c.store, message{})
			m = &c.store[len(c.store)-1]
			c.msgs[key] = m
		}
		if m.has[li] {
			c.problem("%s: key %s is defined twice", where(n), key)
			continue
		}
		m.has[li] = true
		m.declared[li] = declared
		m.decl[li] = params
		m.texts[li] = template{raw: txt}
	}
}

// parseLine splits `key(a, b) = text`.
func parseLine(line string) (key string, params []string, declared bool, txt string, ok bool) {
	// The key ends at the first space or parenthesis (a byte loop:
	// strings.IndexAny builds a set for every line).
	end := 0
	for end < len(line) && line[end] != ' ' && line[end] != '(' {
		end++
	}
	if end == 0 || end == len(line) {
		return "", nil, false, "", false
	}
	key, rest := line[:end], line[end:]
	if strings.HasPrefix(rest, "(") {
		closeAt := strings.IndexByte(rest, ')')
		if closeAt < 0 {
			return "", nil, false, "", false
		}
		declared = true
		for _, p := range strings.Split(rest[1:closeAt], ",") {
			if p = strings.TrimSpace(p); p != "" {
				params = append(params, p)
			}
		}
		rest = rest[closeAt+1:]
	}
	if strings.TrimRight(rest, " ") == " =" {
		return key, params, declared, "", true // an empty text
	}
	rest, ok = strings.CutPrefix(rest, " = ")
	if !ok {
		return "", nil, false, "", false
	}
	if strings.HasPrefix(rest, `"`) {
		s, err := strconv.Unquote(rest)
		if err != nil {
			return "", nil, false, "", false
		}
		rest = s
	}
	return key, params, declared, rest, true
}

// finish settles each key's parameters; its texts compile on first use
// (template.pieces).
func (c *Catalog) finish() {
	for _, m := range c.msgs {
		li := 0
		if !m.has[0] {
			li = 1
		}
		if m.declared[li] {
			m.params = m.decl[li]
			if m.params == nil {
				m.params = []string{}
			}
		}
	}
}

// check compares the languages of one key.
func (c *Catalog) check(key string, m *message) {
	for li, lang := range Languages() {
		if !m.has[li] {
			c.problem("key %s has no %s text", key, lang)
		}
	}
	if m.has[0] && m.has[1] && (m.declared[0] != m.declared[1] || !slices.Equal(m.decl[0], m.decl[1])) {
		c.problem("key %s: parameter lists differ between ru (%s) and en (%s)", key,
			strings.Join(m.decl[0], ", "), strings.Join(m.decl[1], ", "))
	}
	var names [2][]string
	for i := range 2 {
		if !m.has[i] {
			continue
		}
		if v := verbs(m.texts[i].raw); len(v) > 0 {
			c.problem("key %s (%s): printf verb %s; name the value instead ({count})", key, Languages()[i], strings.Join(v, " "))
		}
		var numbered []string
		for _, p := range m.texts[i].pieces(m.params) {
			if p.name == "" {
				continue
			}
			if strings.Trim(p.name, "0123456789") == "" {
				numbered = append(numbered, "{"+p.name+"}")
			}
			names[i] = append(names[i], p.name)
			if m.params != nil && p.arg < 0 {
				c.problem("key %s (%s): placeholder {%s} is not among its parameters (%s)", key, Languages()[i],
					p.name, strings.Join(m.params, ", "))
			}
		}
		if len(numbered) > 0 {
			slices.Sort(numbered)
			c.problem("key %s (%s): numbered placeholder %s; name the value instead ({count})", key, Languages()[i],
				strings.Join(slices.Compact(numbered), " "))
		}
		slices.Sort(names[i])
		names[i] = slices.Compact(names[i])
	}
	if !m.has[0] || !m.has[1] {
		return
	}
	if !slices.Equal(names[0], names[1]) {
		c.problem("key %s: placeholders differ between ru {%s} and en {%s}", key,
			strings.Join(names[0], "} {"), strings.Join(names[1], "} {"))
	}
	for _, p := range m.params {
		if !slices.Contains(names[0], p) {
			c.problem("key %s: parameter %s is never used", key, p)
		}
	}
}

// verbs lists the fmt verbs of a text ("%s", "%d", "%.1f", "%[2]s") and
// its "%%" escapes, sorted. A catalog text is never a printf format: its
// values have names, so Problems reports any verb, and a literal percent
// sign is written as it is ("95 % interval", "50%").
func verbs(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("0123456789.+-#[]", s[j]) >= 0 {
			j++
		}
		if j < len(s) && strings.IndexByte("sdvqfgtxXceEoUp", s[j]) >= 0 {
			out = append(out, s[i:j+1])
			i = j
		} else if j == i+1 && j < len(s) && s[j] == '%' {
			out = append(out, "%%")
			i = j
		}
	}
	slices.Sort(out)
	return out
}

// compile splits a text into literals and placeholders.
func compile(s string, params []string) []piece {
	var out []piece
	lit := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '}' {
			continue
		}
		if lit < i {
			out = append(out, piece{lit: s[lit:i], arg: -1})
		}
		name := s[i+1 : j]
		out = append(out, piece{name: name, arg: slices.Index(params, name)})
		lit = j + 1
		i = j
	}
	if lit < len(s) {
		out = append(out, piece{lit: s[lit:], arg: -1})
	}
	return out
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// lookup finds the template of key in lang, falling back to Russian.
func (c *Catalog) lookup(lang, key string) (*message, *template) {
	li := langIndex(lang)
	var m *message
	switch {
	case c.table != nil:
		if i := c.table.find(key); i >= 0 {
			m = c.entry(i)
		}
	case li == 0 && !c.full.Load():
		if m = c.russianOnly()[key]; m != nil {
			return m, &m.texts[0]
		}
		fallthrough
	default:
		m = c.parsed()[key]
	}
	if m == nil {
		return nil, nil
	}
	if !m.has[li] {
		li = 0
	}
	if !m.has[li] {
		li = 1
	}
	return m, &m.texts[li]
}

// Has reports whether key is in the catalog (in either language). A
// compiled table answers by its search, as lookups do, without building
// every key's message.
func (c *Catalog) Has(key string) bool {
	if c.table != nil {
		return c.table.find(key) >= 0
	}
	return c.parsed()[key] != nil
}

// HasIn reports whether key has a text in lang. Asked in Russian before
// the whole catalog is parsed, it reads the Russian texts alone, which
// answer it exactly: a Russian page (the board's explanations ask for
// optional keys as a fired event is explained) never parses the English
// files for it, which took a fired event's task past 50 ms.
func (c *Catalog) HasIn(lang, key string) bool {
	li := langIndex(lang)
	if c.table != nil {
		return c.table.find(key) >= 0 // a table's keys have both texts
	}
	if li == 0 && !c.full.Load() {
		return c.russianOnly()[key] != nil
	}
	m := c.parsed()[key]
	return m != nil && m.has[li]
}

// Raw returns the text of key in lang with its placeholders as written, and
// whether the key exists.
func (c *Catalog) Raw(lang, key string) (string, bool) {
	_, t := c.lookup(lang, key)
	if t == nil {
		return "", false
	}
	return t.raw, true
}

// Params returns the declared parameters of key, in order; nil when it
// declares none.
func (c *Catalog) Params(key string) []string {
	if m := c.parsed()[key]; m != nil {
		return slices.Clone(m.params)
	}
	return nil
}

// Format renders key in lang, filling the declared parameters in order
// with args: a missing argument prints as "?", extra arguments are
// ignored, and a placeholder that is not declared stays as written. ok is
// false when the key does not exist.
func (c *Catalog) Format(lang, key string, args ...string) (s string, ok bool) {
	m, t := c.lookup(lang, key)
	if t == nil {
		return "", false
	}
	pieces := t.pieces(m.params)
	n := 0
	for _, p := range pieces {
		if p.name == "" {
			n += len(p.lit)
		} else if p.arg >= 0 && p.arg < len(args) {
			n += len(args[p.arg])
		} else {
			n += len(p.name) + 2
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range pieces {
		switch {
		case p.name == "":
			b.WriteString(p.lit)
		case p.arg >= 0 && p.arg < len(args):
			b.WriteString(args[p.arg])
		case p.arg >= 0:
			b.WriteString("?")
		default:
			b.WriteString("{" + p.name + "}")
		}
	}
	return b.String(), true
}

// Named renders key in lang with placeholders filled by name from pairs
// ("stage", "NEW", "item", "DEAL_1"). A placeholder with no value stays as
// written; ok is false when the key does not exist.
func (c *Catalog) Named(lang, key string, pairs ...string) (s string, ok bool) {
	m, t := c.lookup(lang, key)
	if t == nil {
		return "", false
	}
	return fill(t.raw, t.pieces(m.params), pairs), true
}

// Say is Named for a program's own sentences: lang is "en" or, for
// anything else, Russian, and a key that does not exist comes back as
// itself, so a typo shows instead of vanishing.
func (c *Catalog) Say(lang, key string, pairs ...string) string {
	if lang != EN {
		lang = RU
	}
	if s, ok := c.Named(lang, key, pairs...); ok {
		return s
	}
	return key
}

func fill(raw string, pieces []piece, pairs []string) string {
	var b strings.Builder
	b.Grow(len(raw))
	for _, p := range pieces {
		if p.name == "" {
			b.WriteString(p.lit)
			continue
		}
		v, found := "", false
		for i := 0; i+1 < len(pairs); i += 2 {
			if pairs[i] == p.name {
				v, found = pairs[i+1], true
				break
			}
		}
		if found {
			b.WriteString(v)
		} else {
			b.WriteString("{" + p.name + "}")
		}
	}
	return b.String()
}

// Keys returns every key, sorted.
func (c *Catalog) Keys() []string {
	m := c.parsed()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Placeholders returns the placeholder names of key's text in lang, sorted
// and without repeats.
func (c *Catalog) Placeholders(lang, key string) []string {
	m, t := c.lookup(lang, key)
	if t == nil {
		return nil
	}
	var names []string
	for _, p := range t.pieces(m.params) {
		if p.name != "" {
			names = append(names, p.name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// Problems lists what is wrong with the catalog's files: lines that do not
// parse, keys defined twice or missing in a language, parameter lists or
// placeholders that differ between the languages, placeholders that are
// not declared, parameters never used, printf verbs ("%s") in a text. A catalog's test requires none.
func (c *Catalog) Problems() []string {
	c.parsed()
	c.checkOnce.Do(func() {
		for _, key := range c.Keys() {
			c.check(key, c.msgs[key])
		}
	})
	return slices.Clone(c.problems)
}
