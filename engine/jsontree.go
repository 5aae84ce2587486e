package engine

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The scenario reader works on a small JSON tree of its own instead of
// encoding/json's map[string]any, because a scenario file must be read
// strictly: key order kept (so errors come out in file order and writing
// is stable), duplicate keys refused, numbers kept as written (so 1.5 is
// never silently taken as the integer 1), nesting bounded, and nothing after
// the document. The scanner is a single pass over the input with recursion
// bounded by maxJSONDepth, so reading is linear in the input and never
// overflows the stack.

// maxJSONDepth bounds nesting; a real scenario needs fewer than ten levels.
const maxJSONDepth = 64

// MaxJSONDepth is maxJSONDepth for other readers of user JSON (the
// Bitrix24 REST import), so that every import has the same bound.
const MaxJSONDepth = maxJSONDepth

// jtKind is the type of a JSON value.
type jtKind uint8

const (
	jtNull jtKind = iota
	jtFalse
	jtTrue
	jtNumber
	jtString
	jtArray
	jtObject
)

// jtNode is one JSON value. For an object the members are the kids, each
// carrying its key; for an array the kids are the items.
type jtNode struct {
	text string   // string value, or number text as written
	key  string   // the member key, when the node is an object member
	kids []jtNode // array items or object members, in file order
	kind jtKind
}

// describe names a value for "expected X, got Y" messages.
func (n *jtNode) describe() string {
	switch n.kind {
	case jtNull:
		return "null"
	case jtFalse:
		return "false"
	case jtTrue:
		return "true"
	case jtNumber:
		return Clip(n.text)
	case jtString:
		return Quote(n.text)
	case jtArray:
		return "an array"
	default:
		return "an object"
	}
}

// member returns the value of key in an object, or nil.
func (n *jtNode) member(key string) *jtNode {
	for i := range n.kids {
		if n.kids[i].key == key {
			return &n.kids[i]
		}
	}
	return nil
}

// jtPathSeg is one step of the path to the value being scanned; the path
// string is only built when an error needs it.
type jtPathSeg struct {
	key   string
	index int // -1 for a key
}

type jtParser struct {
	src   string
	pos   int
	depth int
	path  []jtPathSeg
	stack []jtNode // scratch space for the kids of open containers
	errs  *errList
	fatal bool
}

// parseJSONTree reads one JSON document. Syntax errors stop the scan (there is
// no sensible way to go on); duplicate keys are reported and the scan goes
// on, keeping the first occurrence. ok is false when anything was reported.
func parseJSONTree(data []byte, errs *errList) (root jtNode, ok bool) {
	before := len(errs.errs)
	p := &jtParser{src: string(data), errs: errs}
	// A UTF-8 byte order mark is harmless and some editors add one.
	p.src = strings.TrimPrefix(p.src, "\uFEFF")
	p.skipSpace()
	if p.pos == len(p.src) {
		errs.addCode("", "json.empty")
		return jtNode{}, false
	}
	root = p.value()
	if p.fatal {
		return jtNode{}, false
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		p.syntax("json.trailing")
		return jtNode{}, false
	}
	return root, len(errs.errs) == before
}

func (p *jtParser) pathString() string {
	var b strings.Builder
	for _, s := range p.path {
		if s.index >= 0 {
			b.WriteString(indexPath("", s.index))
		} else {
			b.WriteString(keyPath(b.String(), s.key)[b.Len():])
		}
	}
	return b.String()
}

// syntax reports a fatal syntax error at the current position: code is a
// key of Texts whose first two parameters are the line and the column.
func (p *jtParser) syntax(code string, args ...string) {
	if p.fatal {
		return
	}
	p.fatal = true
	line, col := p.lineCol()
	p.errs.addCode(p.pathString(), code, append([]string{strconv.Itoa(line), strconv.Itoa(col)}, args...)...)
}

// lineCol converts p.pos to a 1-based line and column (in characters).
func (p *jtParser) lineCol() (line, col int) {
	pos := min(p.pos, len(p.src))
	line = 1 + strings.Count(p.src[:pos], "\n")
	start := strings.LastIndexByte(p.src[:pos], '\n') + 1
	col = 1 + utf8.RuneCountInString(p.src[start:pos])
	return line, col
}

func (p *jtParser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// value scans one value; the caller has skipped leading space.
func (p *jtParser) value() jtNode {
	if p.pos >= len(p.src) {
		p.syntax("json.endValue")
		return jtNode{}
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s := p.str()
		return jtNode{kind: jtString, text: s}
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", jtTrue)
	case c == 'f':
		return p.literal("false", jtFalse)
	case c == 'n':
		return p.literal("null", jtNull)
	default:
		p.syntax("json.unexpectedValue", p.charAt())
		return jtNode{}
	}
}

// charAt describes the character at the current position for messages.
func (p *jtParser) charAt() string {
	if p.pos >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	if r == utf8.RuneError {
		return "invalid UTF-8"
	}
	return "character " + strconv.QuoteRune(r)
}

func (p *jtParser) literal(word string, kind jtKind) jtNode {
	if !strings.HasPrefix(p.src[p.pos:], word) {
		p.syntax("json.unexpectedValue", p.charAt())
		return jtNode{}
	}
	p.pos += len(word)
	return jtNode{kind: kind}
}

func (p *jtParser) number() jtNode {
	start := p.pos
	s := p.src
	digits := func() int {
		n := 0
		for p.pos < len(s) && s[p.pos] >= '0' && s[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if s[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(s) && s[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		p.syntax("json.numberDigit")
		return jtNode{}
	}
	if p.pos < len(s) && s[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			p.syntax("json.numberFraction")
			return jtNode{}
		}
	}
	if p.pos < len(s) && (s[p.pos] == 'e' || s[p.pos] == 'E') {
		p.pos++
		if p.pos < len(s) && (s[p.pos] == '+' || s[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			p.syntax("json.numberExponent")
			return jtNode{}
		}
	}
	return jtNode{kind: jtNumber, text: s[start:p.pos]}
}

// str scans a string literal starting at the opening quote.
func (p *jtParser) str() string {
	p.pos++ // opening quote
	start := p.pos
	s := p.src
	// Fast path: no escapes, plain ASCII or valid UTF-8.
	for p.pos < len(s) {
		c := s[p.pos]
		switch {
		case c == '"':
			p.pos++
			return s[start : p.pos-1]
		case c == '\\':
			return p.strSlow(start)
		case c < 0x20:
			p.syntax("json.control", fmt.Sprintf("%U", rune(c)))
			return ""
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, size := utf8.DecodeRuneInString(s[p.pos:])
			if r == utf8.RuneError && size == 1 {
				p.syntax("json.badUTF8")
				return ""
			}
			p.pos += size
		}
	}
	p.syntax("json.unterminated")
	return ""
}

// strSlow finishes a string that contains escapes; start is just after the
// opening quote and p.pos at the first backslash.
func (p *jtParser) strSlow(start int) string {
	s := p.src
	var b strings.Builder
	b.WriteString(s[start:p.pos])
	for p.pos < len(s) {
		c := s[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String()
		case c == '\\':
			if p.pos+1 >= len(s) {
				p.pos++
				p.syntax("json.unterminated")
				return ""
			}
			e := s[p.pos+1]
			p.pos += 2
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return ""
				}
				if utf16.IsSurrogate(r) {
					// A valid pair gives one rune; a lone surrogate becomes
					// U+FFFD, as encoding/json does.
					if strings.HasPrefix(s[p.pos:], `\u`) {
						save := p.pos
						p.pos += 2
						r2, ok := p.hex4()
						if !ok {
							return ""
						}
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							r = dec
						} else {
							p.pos = save
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				b.WriteRune(r)
			default:
				p.pos -= 2
				p.syntax("json.badEscape", `\`+string(rune(e)))
				return ""
			}
		case c < 0x20:
			p.syntax("json.control", fmt.Sprintf("%U", rune(c)))
			return ""
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			p.pos++
		default:
			r, size := utf8.DecodeRuneInString(s[p.pos:])
			if r == utf8.RuneError && size == 1 {
				p.syntax("json.badUTF8")
				return ""
			}
			b.WriteString(s[p.pos : p.pos+size])
			p.pos += size
		}
	}
	p.syntax("json.unterminated")
	return ""
}

// hex4 reads the four hex digits of a \u escape.
func (p *jtParser) hex4() (rune, bool) {
	if p.pos+4 > len(p.src) {
		p.syntax("json.badUnicode")
		return 0, false
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := p.src[p.pos+i]
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			p.syntax("json.badUnicode")
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	p.pos += 4
	return r, true
}

// enter and leave bound the nesting depth.
func (p *jtParser) enter() bool {
	p.depth++
	if p.depth > maxJSONDepth {
		p.fatal = true
		p.errs.addCode(p.pathString(), "json.deep", strconv.Itoa(maxJSONDepth))
		return false
	}
	return true
}

func (p *jtParser) leave() { p.depth-- }

// collect moves the kids pushed since base into their own exactly-sized
// slice, so a container's items are allocated once.
func (p *jtParser) collect(base int) []jtNode {
	n := len(p.stack) - base
	if n == 0 {
		return nil
	}
	kids := make([]jtNode, n)
	copy(kids, p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return kids
}

func (p *jtParser) array() jtNode {
	if !p.enter() {
		return jtNode{}
	}
	defer p.leave()
	p.pos++ // [
	base := len(p.stack)
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		return jtNode{kind: jtArray}
	}
	for i := 0; ; i++ {
		p.path = append(p.path, jtPathSeg{index: i})
		p.skipSpace()
		v := p.value()
		if p.fatal {
			return jtNode{}
		}
		p.stack = append(p.stack, v)
		p.skipSpace()
		if p.pos >= len(p.src) {
			p.syntax("json.endArray")
			return jtNode{}
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			p.path = p.path[:len(p.path)-1]
			return jtNode{kind: jtArray, kids: p.collect(base)}
		default:
			p.syntax("json.unexpectedArray", p.charAt())
			return jtNode{}
		}
		p.path = p.path[:len(p.path)-1]
	}
}

// jtSmallObject is the member count up to which duplicate keys are found by
// a linear scan; larger objects use a set, keeping the scan linear.
const jtSmallObject = 16

func (p *jtParser) object() jtNode {
	if !p.enter() {
		return jtNode{}
	}
	defer p.leave()
	p.pos++ // {
	base := len(p.stack)
	var seen map[string]struct{}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return jtNode{kind: jtObject}
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			p.syntax("json.unexpectedKey", p.charAt())
			return jtNode{}
		}
		key := p.str()
		if p.fatal {
			return jtNode{}
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			p.syntax("json.unexpectedColon", p.charAt())
			return jtNode{}
		}
		p.pos++
		p.skipSpace()
		p.path = append(p.path, jtPathSeg{key: key, index: -1})
		v := p.value()
		if p.fatal {
			return jtNode{}
		}
		dup := false
		members := p.stack[base:]
		if seen == nil && len(members) >= jtSmallObject {
			seen = make(map[string]struct{}, 2*len(members))
			for i := range members {
				seen[members[i].key] = struct{}{}
			}
		}
		if seen != nil {
			_, dup = seen[key]
			seen[key] = struct{}{}
		} else {
			for i := range members {
				if members[i].key == key {
					dup = true
					break
				}
			}
		}
		if dup {
			p.errs.addCode(p.pathString(), "json.duplicateKey")
		} else {
			v.key = key
			p.stack = append(p.stack, v)
		}
		p.skipSpace()
		if p.pos >= len(p.src) {
			p.syntax("json.endObject")
			return jtNode{}
		}
		c := p.src[p.pos]
		if c == ',' || c == '}' {
			p.path = p.path[:len(p.path)-1]
		}
		switch c {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return jtNode{kind: jtObject, kids: p.collect(base)}
		default:
			p.syntax("json.unexpectedObject", p.charAt())
			return jtNode{}
		}
	}
}

// JSONSyntaxError returns the first JSON syntax error of data, with its
// line and column, as a coded Error that reads in any language (Message);
// nil when data is one well-formed JSON document. Duplicate keys are not
// syntax errors here. Other readers of JSON files (the Bitrix24 import)
// use it to say what is wrong in the interface's language.
func JSONSyntaxError(data []byte) *Error {
	var errs errList
	parseJSONTree(data, &errs)
	for _, e := range errs.errs {
		if e.Code != "json.duplicateKey" {
			return e
		}
	}
	return nil
}
