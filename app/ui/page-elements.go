package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The element shapes the non-designer pages repeat, each built once here:
// every go-app builder chain compiles to 200-350 bytes of wasm at each
// place it is written, a call to one of these to a few dozen
// (docs/performance.md, "WebAssembly size"). They render exactly what the
// chain they replace rendered.

// pageOptions lists one option a value, the value as its text.
func pageOptions(list []string, selected string) []app.UI {
	out := make([]app.UI, len(list))
	for i, s := range list {
		out[i] = option(s, s == selected, s)
	}
	return out
}

// pageButton is <button type="button" class data-testid>text</button>
// calling h on a click; testid "" leaves data-testid out.
func pageButton(class, testid, text string, h app.EventHandler) app.HTMLElem {
	b := buttonc(class)
	if testid != "" {
		b = b.Attr("data-testid", testid)
	}
	return b.Text(text).OnClick(h)
}

// pageField is <div class><label for=id>label</label>input</div>.
func pageField(class, id, label string, input app.UI) app.UI {
	return elc("div", class).Body(app.Elem("label").Attr("for", id).Text(label), input)
}

// pageSelect is <select id data-testid> calling h on a change.
func pageSelect(id, testid string, h app.EventHandler, options ...app.UI) app.UI {
	return app.Elem("select").ID(id).Attr("data-testid", testid).OnChange(h).Body(options...)
}

// pageAlert is <div class role="alert" data-testid><p>lines[0]</p><ul>
// <li>lines[1:]…</ul></div>: a failure and its reasons.
func pageAlert(class, testid string, lines []string) app.UI {
	return elc("div", class).Role("alert").Attr("data-testid", testid).Body(
		elText("p", lines[0]),
		pageList(lines[1:]),
	)
}

// pageList is <ul><li>line</li>…</ul>.
func pageList(lines []string) app.UI {
	li := make([]app.UI, len(lines))
	for i, l := range lines {
		li[i] = elText("li", l)
	}
	return app.Elem("ul").Body(li...)
}

// srcValue is the value of the element an event came from.
func srcValue(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// srcAttr is an attribute of the element an event came from.
func srcAttr(ctx app.Context, name string) string {
	return ctx.JSSrc().Call("getAttribute", name).String()
}

// srcIndex is the position of the element an event came from, or of its
// ancestor up levels above it, among its parent's element children: one
// handler serves every row of a list without a closure per row.
func srcIndex(ctx app.Context, up int) int {
	el := ctx.JSSrc()
	for ; up > 0; up-- {
		el = el.Get("parentElement")
	}
	n := 0
	for el = el.Get("previousElementSibling"); el.Truthy(); el = el.Get("previousElementSibling") {
		n++
	}
	return n
}
