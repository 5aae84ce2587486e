package ui

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/route"
)

// TestViewsParse reads every view of the package: a mistake in a view's
// markup fails here, not in a user's browser.
func TestViewsParse(t *testing.T) {
	views := packageViews(t)
	require.Greater(t, len(views), 20)
	names := map[string]bool{}
	for _, v := range views {
		assert.NoError(t, v.parse(), v.name)
		assert.False(t, names[v.name], "two views are named %s", v.name)
		names[v.name] = true
		// Every text a view looks up is in both catalogues: a key missing
		// from one would show in that language as the key itself.
		for _, key := range viewKeys(v.roots) {
			for _, lang := range i18n.Languages() {
				assert.True(t, i18n.Has(lang, key), "view %s: {t:%s} is not in the %s texts", v.name, key, lang)
			}
		}
	}
}

// viewKeys are the text keys of nodes and their descendants.
func viewKeys(nodes []*vnode) []string {
	var keys []string
	for _, n := range nodes {
		if n.key {
			keys = append(keys, n.text)
		}
		for _, a := range n.attrs {
			if a.key {
				keys = append(keys, a.value)
			}
		}
		keys = append(keys, viewKeys(n.kids)...)
	}
	return keys
}

// packageViews are the views declared in the package's source files: the
// &view{name: "…", src: `…`} literals, found by parsing the files (views
// are data, with no constructor that could list them at run time).
func packageViews(tb testing.TB) []*view {
	tb.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(tb, err)
	var views []*view
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(tb, err)
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != "view" {
				return true
			}
			v := &view{}
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				require.True(tb, ok, "%s: a view is written with its fields' names", fset.Position(e.Pos()))
				val, ok := kv.Value.(*ast.BasicLit)
				require.True(tb, ok && val.Kind == token.STRING, "%s: a view's fields are string literals", fset.Position(kv.Pos()))
				s, err := strconv.Unquote(val.Value)
				require.NoError(tb, err)
				switch kv.Key.(*ast.Ident).Name {
				case "name":
					v.name = s
				case "src":
					v.src = s
				}
			}
			require.NotEmpty(tb, v.name, "%s: a view without a name", fset.Position(lit.Pos()))
			views = append(views, v)
			return true
		})
	}
	return views
}

// TestFormatValueIsPercentV: formatValue gives what go-app's DataSet and
// Aria give, fmt's %v, for the values it formats itself and the others.
func TestFormatValueIsPercentV(t *testing.T) {
	for _, v := range []any{"", " padded ", "тест", true, false, 0, -42, 1 << 40, int64(-7), uint8(9), 1.5, 0.1, nil, []string{"a", "b"}} {
		assert.Equal(t, fmt.Sprintf("%v", v), formatValue(v), "%#v", v)
	}
}

// TestViewBuildsWhatBuildersBuild: a view builds the tree the builder
// calls it stands for build, attribute for attribute, node for node.
func TestViewBuildsWhatBuildersBuild(t *testing.T) {
	cases := []struct {
		name   string
		markup string
		args   []any
		want   app.UI
	}{
		{"static attributes and text", `<div class="a b" id=x data-testid="t" aria-label="L" role=status>Hello  there</div>`, nil,
			app.Elem("div").Class("a b").ID("x").DataSet("testid", "t").Aria("label", "L").Role("status").Text("Hello  there")},
		{"holes in attributes and content", `<p title={0} data-n={1}>{2}</p>`, []any{"T", 3, "text"},
			app.Elem("p").Attr("title", "T").DataSet("n", 3).Text("text")},
		{"a text key", `<h2 aria-label={t:author.goals}>{t:author.title}</h2>`, nil,
			app.Elem("h2").Aria("label", i18n.T("en", "author.goals")).Text(i18n.T("en", "author.title"))},
		{"children, nil and a list", `<ul> <li>a</li> {0} {1} <li>z</li> </ul>`, []any{nil, []app.UI{elText("li", "b"), nil, elText("li", "c")}},
			app.Elem("ul").Body(elText("li", "a"), elText("li", "b"), elText("li", "c"), elText("li", "z"))},
		{"an element hole", `<div>{0}</div>`, []any{spanText("x")}, app.Elem("div").Body(spanText("x"))},
		{"self-closing with a boolean", `<input type="text" readonly value={0} disabled={1} />`, []any{"v", false},
			app.ElemSelfClosing("input").Attr("type", "text").Attr("readonly", true).Attr("value", "v").Attr("disabled", false)},
		{"bare data- and aria- attributes", `<div data-open aria-busy></div>`, nil,
			app.Elem("div").DataSet("open", true).Aria("busy", true)},
		{"data- and aria- holes of other types", `<p data-f={0} aria-hidden={1} data-i={2} data-s={3}>x</p>`, []any{1.5, false, int64(-7), []string{"a"}},
			app.Elem("p").DataSet("f", 1.5).Aria("hidden", false).DataSet("i", int64(-7)).DataSet("s", []string{"a"}).Text("x")},
		{"no content", `<textarea rows="3"></textarea>`, nil, app.Elem("textarea").Attr("rows", "3")},
		{"indentation is not text", "<div>\n\t<span>a</span>\n\t<span>b</span>\n</div>", nil,
			app.Elem("div").Body(spanText("a"), spanText("b"))},
		{"text beside elements", `<p>Say <b>{0}</b> now</p>`, []any{"hi"},
			app.Elem("p").Body(app.Text("Say"), elText("b", "hi"), app.Text("now"))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := &view{name: c.name, src: c.markup}
			assert.Equal(t, sortedHTML(c.want), sortedHTML(v.el("en", c.args...)))
		})
	}
}

// sortedHTML is ui's HTML with each tag's attributes sorted: go-app keeps
// them in a map, so two builds of one element print them in any order.
func sortedHTML(ui app.UI) string {
	return htmlTag.ReplaceAllStringFunc(app.HTMLString(ui), func(tag string) string {
		m := htmlTag.FindStringSubmatch(tag)
		attrs := htmlAttr.FindAllString(m[2], -1)
		for i := range attrs {
			attrs[i] = strings.TrimSpace(attrs[i])
		}
		sort.Strings(attrs)
		return "<" + m[1] + " " + strings.Join(attrs, " ") + ">"
	})
}

var (
	htmlTag  = regexp.MustCompile(`<([a-z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>`)
	htmlAttr = regexp.MustCompile(`\s+[^\s=>]+(?:="[^"]*")?`)
)

// TestViewSeveralElements: els builds each element of a view, in order.
func TestViewSeveralElements(t *testing.T) {
	v := &view{name: "two", src: `<h1>{0}</h1> <p>{t:author.title}</p>`}
	got := v.els("ru", "T")
	require.Len(t, got, 2)
	assert.Equal(t, sortedHTML(elText("h1", "T")), sortedHTML(got[0]))
	assert.Equal(t, sortedHTML(elText("p", i18n.T("ru", "author.title"))), sortedHTML(got[1]))
	assert.PanicsWithValue(t, "ui: view two has 2 elements, built as 1", func() { v.el("ru", "T") })
}

// TestViewHandlers: @event takes an app.EventHandler or a method value of
// its type, and nothing else.
func TestViewHandlers(t *testing.T) {
	v := &view{name: "h", src: `<button @click={0} @focus={1}>x</button>`}
	var named app.EventHandler = func(app.Context, app.Event) {}
	method := (&AuthorPage{}).onInput
	assert.NotPanics(t, func() { v.el("en", named, method) })
	assert.NotPanics(t, func() { v.el("en", nil, method) })
	assert.PanicsWithValue(t, "ui: view h: @focus={1} is a string, not an event handler", func() { v.el("en", named, "x") })
}

// TestViewMisuse: a wrong number of arguments, or a hole in content
// given something that is neither text nor elements, panics naming the
// view.
func TestViewMisuse(t *testing.T) {
	v := &view{name: "m", src: `<p>{0}{1}</p>`}
	assert.PanicsWithValue(t, "ui: view m: 1 arguments for 2 holes", func() { v.el("en", "a") })
	assert.PanicsWithValue(t, "ui: view m: {1} is a int, not a text or an element", func() { v.el("en", "a", 3) })
}

// TestViewRejects: markup that is not a view says what is wrong and on
// which line.
func TestViewRejects(t *testing.T) {
	for _, c := range []struct{ markup, err string }{
		{``, "line 1: no element"},
		{`text`, "line 1: text outside the elements"},
		{"<div>\n<p>a</div>", "line 2: </div> closes <p>"},
		{"<div>\n<p>a</p>", "line 2: </div> is missing"},
		{"<div\nclass=x", "line 1: <div> is not closed"},
		{`<div class="x>a</div>`, `line 1: class=" is not closed`},
		{`<div>{x}</div>`, "line 1: {x} is neither {n} nor {t:key}"},
		{`<div>{-1}</div>`, "line 1: {-1} is neither {n} nor {t:key}"},
		{`<div>{t:}</div>`, "line 1: {t:} without a key"},
		{`<div>{0</div>`, "line 1: { is not closed"},
		{`<button @click>a</button>`, "line 1: @click needs a handler: @click={n}"},
		{`<button @click="f">a</button>`, "line 1: @click needs a hole: @click={n}"},
		{`<>a</>`, "line 1: a tag name after <"},
		{`<p>{64}</p>`, "line 1: {64}: a view has at most 64 holes"},
		{`<p>{+1}</p>`, "line 1: {+1} is neither {n} nor {t:key}"},
		{`<p @`, "line 1: <p> is not closed"},
		{`<div =x></div>`, `line 1: an attribute name in <div>, not '='`},
		{"<p>a</p>\n\ntail", "line 3: text outside the elements"},
		{"<div>\n<textarea>{0}</textarea></div>", "line 2: a <textarea>'s text is its value: write value={n}, not content"},
	} {
		v := &view{name: "bad", src: c.markup}
		err := v.parse()
		if assert.Error(t, err, c.markup) {
			assert.Equal(t, "ui: view bad: "+c.err, err.Error(), c.markup)
		}
		assert.Panics(t, func() { v.el("en") }, c.markup)
	}
}

// FuzzViewParse: any markup is read or refused, never a panic or a hang,
// and a view that reads builds with nil in every hole.
func FuzzViewParse(f *testing.F) {
	for _, v := range packageViews(f) {
		f.Add(v.src)
	}
	f.Add(`<div a=b @c={0} d>{1}<e/>{t:k}</div>`)
	f.Fuzz(func(t *testing.T, markup string) {
		v := &view{name: "fuzz", src: markup}
		if v.parse() != nil {
			return
		}
		args := make([]any, v.holes)
		built := v.els("en", args...)
		assert.Len(t, built, len(v.roots))
	})
}

// TestHeaderNavRoutes: the header's links name their routes in its
// markup, in the order renderNav fills their holes; a renamed route must
// change both.
func TestHeaderNavRoutes(t *testing.T) {
	at := 0
	for _, page := range []string{route.Home, route.Design, route.Simulate, route.Whatif, route.Lessons} {
		i := strings.Index(headerNavView.src[at:], `data-nav="`+page+`"`)
		require.GreaterOrEqual(t, i, 0, "%s is not in headerNavView after byte %d", page, at)
		at += i + 1
	}
}

// TestViewAllocatesAsBuildersDo: a view's static attributes cost no more
// than the same constants written as builder calls (a render on the board
// runs at every fired event; the values are made interfaces once, when the
// markup is read).
func TestViewAllocatesAsBuildersDo(t *testing.T) {
	v := &view{name: "allocs", src: `<button type="button" role="menuitem" data-action="edit" aria-hidden="true" disabled>{t:author.title}</button>`}
	lang := "en"
	built := testing.AllocsPerRun(100, func() {
		app.Elem("button").Attr("type", "button").Role("menuitem").DataSet("action", "edit").Aria("hidden", "true").Attr("disabled", true).Text(i18n.T(lang, "author.title"))
	})
	viewed := testing.AllocsPerRun(100, func() { v.el(lang) })
	assert.LessOrEqual(t, viewed, built)
}
