package ui

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// A view is a piece of a page written as markup instead of as builder calls.
//
// Every go-app builder call compiles to about 230 bytes of WebAssembly at
// the place it is written, and every i18n.T call to about as much (issue
// 12, docs/performance.md "ninth run"): a form of forty labelled fields is
// tens of kilobytes of code. The same form as markup is a string, which
// costs a few bytes a tag over the wire and is read once, the first time
// it is shown; what differs from one render to the next comes in as
// holes. A view builds exactly the tree the builder calls it replaces
// built, with the same go-app calls (app.Elem, Attr, On, Body, app.Text),
// so go-app sees no difference.
//
// The markup is a small part of HTML:
//
//	<tag name="value" name=value name name={0} @click={1}>content</tag>
//	<input … />                   an element without content
//	{0}                           a hole: the argument at that index
//	{t:key}                       the text i18n.T gives key in the language
//
// A hole in content takes a string (a text node), an app.UI (nil for
// nothing) or a []app.UI; in an attribute any value go-app's Attr takes
// (a bool false leaves a boolean attribute out); after @event an
// app.EventHandler or a method value of its type. data-* and aria-*
// attributes get the value DataSet and Aria would give them (%v: a bool
// is "true" or "false", never left out), through Attr (formatValue).
// Text between tags is taken without its surrounding white space, and
// white space alone is dropped, so markup can be indented; a text that
// must keep its spaces comes in as a hole.
//
// A view is declared as a package variable, &view{name: …, src: `…`}: a
// literal of constants, which the linker lays out as data, where a
// constructor call would add its own code to the package's init. The
// markup is read the first time the view renders, and a mistake in it
// panics there, naming the view and the line; TestViewsParse finds every
// view in the package's source and reads it, so none reaches the browser.
type view struct {
	name string
	src  string

	once  sync.Once
	roots []*vnode
	holes int // how many arguments the markup uses: the highest hole + 1
	err   error
}

// vnode is one node of a read view.
type vnode struct {
	tag         string // "" for text and holes
	selfClosing bool
	text        string // a text node's text; a key when key is true
	key         bool   // text is an i18n key
	hole        int    // a hole's argument; -1 when the node is not one
	attrs       []vattr
	events      []vattr
	kids        []*vnode
}

// attrSet is the go-app setter an attribute goes through, decided when
// the markup is read rather than at every render.
type attrSet uint8

const (
	setAttr  attrSet = iota // Attr(name, v)
	setValue                // Attr(name, formatValue(v)), for data-* and aria-*
)

// vattr is an attribute or an event handler: a static value, a text key
// or a hole.
type vattr struct {
	name  string // without its data- or aria- prefix when set says so
	set   attrSet
	value string
	key   bool // value is an i18n key
	hole  int  // -1 when the value is static
	// static is a static value as go-app's Attr takes it, made an
	// interface once when the markup is read: converting the string at
	// every render would allocate it every time (a constant written as
	// .Attr("type", "button") allocates nothing).
	static any
}

// parse reads the markup once.
func (v *view) parse() error {
	v.once.Do(func() {
		p := &viewParser{src: v.src, holes: -1}
		v.roots, v.err = p.document()
		v.holes = p.holes + 1
		if v.err != nil {
			v.err = fmt.Errorf("ui: view %s: %w", v.name, v.err)
		}
	})
	return v.err
}

// el builds the view's element with args filling its holes.
func (v *view) el(lang string, args ...any) app.UI {
	v.check(1, args)
	return v.build(v.roots[0], lang, args)
}

// els builds the view's elements, for a view of several side by side.
func (v *view) els(lang string, args ...any) []app.UI {
	v.check(0, args)
	out := make([]app.UI, len(v.roots))
	for i, n := range v.roots {
		out[i] = v.build(n, lang, args)
	}
	return out
}

// check panics when the view cannot be built with args: its markup is
// wrong, it has not roots elements (0: any number), or args do not fill
// its holes.
func (v *view) check(roots int, args []any) {
	if err := v.parse(); err != nil {
		panic(err)
	}
	if roots > 0 && len(v.roots) != roots {
		panic(fmt.Sprintf("ui: view %s has %d elements, built as %d", v.name, len(v.roots), roots))
	}
	if len(args) != v.holes {
		panic(fmt.Sprintf("ui: view %s: %d arguments for %d holes", v.name, len(args), v.holes))
	}
}

// build makes the element of n.
func (v *view) build(n *vnode, lang string, args []any) app.UI {
	if n.selfClosing {
		return setAttrs(v, app.ElemSelfClosing(n.tag), n, lang, args)
	}
	e := setAttrs(v, app.Elem(n.tag), n, lang, args)
	if kids := v.content(n, lang, args); kids != nil {
		e = e.Body(kids...)
	}
	return e
}

// setter is what go-app's two element kinds (with content and without)
// both have, each returning itself.
type setter[E any] interface {
	Attr(name string, v any) E
	On(event string, h app.EventHandler, options ...app.EventOption) E
}

// setAttrs sets n's attributes and event handlers on e.
func setAttrs[E setter[E]](v *view, e E, n *vnode, lang string, args []any) E {
	for _, a := range n.attrs {
		val := v.attrValue(a, lang, args)
		switch a.set {
		case setValue:
			e = e.Attr(a.name, formatValue(val))
		default:
			e = e.Attr(a.name, val)
		}
	}
	for _, ev := range n.events {
		e = e.On(ev.name, v.handler(ev, args))
	}
	return e
}

// formatValue is v as go-app's DataSet and Aria format it (fmt's %v),
// without fmt for the values views give them: a string as it is, a bool
// as "true" or "false", an int in decimal. DataSet and Aria call
// fmt.Sprintf for every value, strings included; on a page's first
// render that was fmt's first use, whose code the browser compiles then:
// 2.9 ms of a warm load's start in V8 CPU profiles (docs/performance.md,
// issue 12's sixteenth run).
func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	}
	return fmt.Sprint(v)
}

// attrValue is what an attribute is set to.
func (v *view) attrValue(a vattr, lang string, args []any) any {
	switch {
	case a.hole >= 0:
		return args[a.hole]
	case a.key:
		return i18n.T(lang, a.value)
	}
	return a.static
}

// handler is the event handler of a hole.
func (v *view) handler(a vattr, args []any) app.EventHandler {
	switch h := args[a.hole].(type) {
	case app.EventHandler:
		return h
	case func(app.Context, app.Event):
		return h
	case nil:
		return nil
	}
	panic(fmt.Sprintf("ui: view %s: @%s={%d} is a %T, not an event handler", v.name, a.name, a.hole, args[a.hole]))
}

// content is n's children, nil when it has none.
func (v *view) content(n *vnode, lang string, args []any) []app.UI {
	if len(n.kids) == 0 {
		return nil
	}
	out := make([]app.UI, 0, len(n.kids))
	for _, k := range n.kids {
		switch {
		case k.tag != "":
			out = append(out, v.build(k, lang, args))
		case k.hole >= 0:
			switch a := args[k.hole].(type) {
			case string:
				out = append(out, app.Text(a))
			case app.UI:
				out = append(out, a)
			case []app.UI:
				out = append(out, a...)
			case nil:
			default:
				panic(fmt.Sprintf("ui: view %s: {%d} is a %T, not a text or an element", v.name, k.hole, a))
			}
		case k.key:
			out = append(out, app.Text(i18n.T(lang, k.text)))
		default:
			out = append(out, app.Text(k.text))
		}
	}
	return out
}

// maxHoles bounds a view's arguments: a view with more is a page, not a
// piece of one.
const maxHoles = 64

// viewParser reads a view's markup.
type viewParser struct {
	src   string
	pos   int
	holes int // the highest hole seen
}

// document is the markup: elements, with white space around them.
func (p *viewParser) document() ([]*vnode, error) {
	var roots []*vnode
	for p.space(); p.pos < len(p.src); p.space() {
		if p.src[p.pos] != '<' {
			return nil, p.errorf("text outside the elements")
		}
		n, err := p.element()
		if err != nil {
			return nil, err
		}
		roots = append(roots, n)
	}
	if len(roots) == 0 {
		return nil, p.errorf("no element")
	}
	return roots, nil
}

// element reads <tag …>content</tag> or <tag … />.
func (p *viewParser) element() (*vnode, error) {
	start := p.pos
	p.pos++ // <
	tag := p.name()
	if tag == "" {
		return nil, p.errorf("a tag name after <")
	}
	n := &vnode{tag: tag, hole: -1}
	for {
		p.space()
		if p.pos >= len(p.src) {
			return nil, p.errorAt(start, "<%s> is not closed", tag)
		}
		switch {
		case strings.HasPrefix(p.src[p.pos:], "/>"):
			p.pos += 2
			n.selfClosing = true
			return n, nil
		case p.src[p.pos] == '>':
			p.pos++
			if err := p.content(n); err != nil {
				return nil, err
			}
			if tag == "textarea" && len(n.kids) > 0 {
				// A child text is only the textarea's first content: the
				// browser reads it once and the user's edits hide it.
				return nil, p.errorAt(start, "a <textarea>'s text is its value: write value={n}, not content")
			}
			return n, nil
		}
		if err := p.attr(n); err != nil {
			return nil, err
		}
	}
}

// attr reads one attribute or @event.
func (p *viewParser) attr(n *vnode) error {
	event := p.src[p.pos] == '@'
	if event {
		p.pos++
	}
	name := p.name()
	if name == "" {
		if p.pos >= len(p.src) {
			return p.errorf("<%s> is not closed", n.tag)
		}
		return p.errorf("an attribute name in <%s>, not %q", n.tag, p.src[p.pos])
	}
	a := vattr{name: name, hole: -1}
	if !event && (strings.HasPrefix(name, "data-") || strings.HasPrefix(name, "aria-")) {
		a.set = setValue
	}
	if p.pos >= len(p.src) || p.src[p.pos] != '=' {
		if event {
			return p.errorf("@%s needs a handler: @%s={n}", name, name)
		}
		a.static = true // a boolean attribute
		n.attrs = append(n.attrs, a)
		return nil
	}
	p.pos++ // =
	switch {
	case p.pos >= len(p.src):
		return p.errorf("a value after %s=", name)
	case p.src[p.pos] == '"':
		end := strings.IndexByte(p.src[p.pos+1:], '"')
		if end < 0 {
			return p.errorf("%s=\" is not closed", name)
		}
		a.value = p.src[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
	case p.src[p.pos] == '{':
		h, key, err := p.hole()
		if err != nil {
			return err
		}
		a.hole, a.value, a.key = h, key, key != ""
	default:
		start := p.pos
		for p.pos < len(p.src) && !strings.ContainsRune(" \t\n>/", rune(p.src[p.pos])) {
			p.pos++
		}
		a.value = p.src[start:p.pos]
	}
	if a.hole < 0 && !a.key {
		a.static = a.value
	}
	if event {
		if a.hole < 0 {
			return p.errorf("@%s needs a hole: @%s={n}", name, name)
		}
		n.events = append(n.events, a)
		return nil
	}
	n.attrs = append(n.attrs, a)
	return nil
}

// hole reads {n} or {t:key}: the argument's index, or -1 and the key.
func (p *viewParser) hole() (int, string, error) {
	end := strings.IndexByte(p.src[p.pos:], '}')
	if end < 0 {
		return 0, "", p.errorf("{ is not closed")
	}
	in := p.src[p.pos+1 : p.pos+end]
	start := p.pos
	p.pos += end + 1
	if key, ok := strings.CutPrefix(in, "t:"); ok {
		if key == "" {
			return 0, "", p.errorAt(start, "{t:} without a key")
		}
		return -1, key, nil
	}
	h, err := strconv.Atoi(in)
	if err != nil || h < 0 || in[0] == '+' {
		return 0, "", p.errorAt(start, "{%s} is neither {n} nor {t:key}", in)
	}
	if h >= maxHoles {
		return 0, "", p.errorAt(start, "{%d}: a view has at most %d holes", h, maxHoles)
	}
	p.holes = max(p.holes, h)
	return h, "", nil
}

// content reads n's children up to </tag>.
func (p *viewParser) content(n *vnode) error {
	for {
		if p.pos >= len(p.src) {
			return p.errorf("</%s> is missing", n.tag)
		}
		switch {
		case strings.HasPrefix(p.src[p.pos:], "</"):
			p.pos += 2
			start := p.pos
			tag := p.name()
			if tag != n.tag || p.pos >= len(p.src) || p.src[p.pos] != '>' {
				return p.errorAt(start, "</%s> closes <%s>", p.src[start:p.pos], n.tag)
			}
			p.pos++
			return nil
		case p.src[p.pos] == '<':
			k, err := p.element()
			if err != nil {
				return err
			}
			n.kids = append(n.kids, k)
		case p.src[p.pos] == '{':
			h, key, err := p.hole()
			if err != nil {
				return err
			}
			n.kids = append(n.kids, &vnode{hole: h, text: key, key: key != ""})
		default:
			start := p.pos
			for p.pos < len(p.src) && p.src[p.pos] != '<' && p.src[p.pos] != '{' {
				p.pos++
			}
			if t := strings.TrimSpace(p.src[start:p.pos]); t != "" {
				n.kids = append(n.kids, &vnode{text: t, hole: -1})
			}
		}
	}
}

// name reads a tag or attribute name.
func (p *viewParser) name() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':') {
			break
		}
		p.pos++
	}
	return p.src[start:p.pos]
}

// space skips white space.
func (p *viewParser) space() {
	for p.pos < len(p.src) && strings.ContainsRune(" \t\n\r", rune(p.src[p.pos])) {
		p.pos++
	}
}

func (p *viewParser) errorf(format string, args ...any) error {
	return p.errorAt(p.pos, format, args...)
}

// errorAt says what is wrong at byte pos of the markup, by line.
func (p *viewParser) errorAt(pos int, format string, args ...any) error {
	pos = min(pos, len(p.src))
	line := 1 + strings.Count(p.src[:pos], "\n")
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}
