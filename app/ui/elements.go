package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The element shapes the pages repeat, each written once.
//
// Every go-app builder call (app.Elem("div"), .Class(…), .Body(…), .Text(…))
// compiles to 200-350 bytes of WebAssembly at each place it is written:
// a chain of four calls written forty times is 40 KB of code, the same
// chain in a helper called forty times is a tenth of it (issue 12,
// docs/performance.md "WebAssembly size"). So a shape that appears more
// than a couple of times goes through one of these helpers. They build
// exactly what the chain they replace builds: the same element, the same
// attributes, the same children in the same order (a helper never adds
// an empty text node or an empty attribute the chain did not have).
// They return the typed element so a caller can still add what is
// particular to one place (an id, a data-* attribute, a handler).
//
// Every element is built with app.Elem (app.ElemSelfClosing for <input>
// and <img>), never with go-app's typed builders (app.Div, app.Button…):
// each typed builder used brings its own Go type, with its methods, type
// descriptor and method table, into the page's wasm (34 of them were
// 46 KB over the wire, docs/performance.md "seventh run"). What only a
// typed builder has is written as the attribute it sets, as go-app would
// set it: .Attr("type", "button"), .Attr("disabled", true). A textarea's
// text is its value attribute (.Attr("value", s), which go-app sets as
// the property): a child text would only be its initial content.

// divc is <div class="class">body</div>.
func divc(class string, body ...app.UI) app.HTMLElem {
	return app.Elem("div").Class(class).Body(body...)
}

// divText is <div class="class">text</div>.
func divText(class, text string) app.HTMLElem {
	return app.Elem("div").Class(class).Text(text)
}

// spanc is <span class="class">text</span>.
func spanc(class, text string) app.HTMLElem {
	return app.Elem("span").Class(class).Text(text)
}

// spanText is <span>text</span>.
func spanText(text string) app.HTMLElem {
	return app.Elem("span").Text(text)
}

// spanBody is <span class="class">body</span>.
func spanBody(class string, body ...app.UI) app.HTMLElem {
	return app.Elem("span").Class(class).Body(body...)
}

// hiddenIcon is <span aria-hidden="true">icon</span>: an icon whose words
// stand beside it.
func hiddenIcon(name string) app.HTMLElem {
	return app.Elem("span").Attr("aria-hidden", "true").Body(Icon(name))
}

// pc is <p class="class">text</p>.
func pc(class, text string) app.HTMLElem {
	return app.Elem("p").Class(class).Text(text)
}

// h3c is <h3 class="class">text</h3>.
func h3c(class, text string) app.HTMLElem {
	return app.Elem("h3").Class(class).Text(text)
}

// option is <option value="value" selected>text</option>.
func option(value string, selected bool, text string) app.HTMLElem {
	return app.Elem("option").Attr("value", value).Attr("selected", selected).Text(text)
}

// options are the options of a select, one per value with its text, the
// one equal to selected selected.
func options(values, texts []string, selected string) []app.UI {
	out := make([]app.UI, len(values))
	for i, v := range values {
		out[i] = option(v, v == selected, texts[i])
	}
	return out
}

// button is <button type="button" class="class">text</button> calling
// onClick.
func button(class, text string, onClick app.EventHandler) app.HTMLElem {
	return app.Elem("button").Attr("type", "button").Class(class).Text(text).OnClick(onClick)
}

// iconButton is a button showing an icon and then its words.
func iconButton(class, icon, text string, onClick app.EventHandler) app.HTMLElem {
	return app.Elem("button").Attr("type", "button").Class(class).Body(iconText(icon, text)...).OnClick(onClick)
}

// selectc is <select id="id" class="class">options</select> calling
// onChange.
func selectc(id, class string, onChange app.EventHandler, opts ...app.UI) app.HTMLElem {
	return app.Elem("select").ID(id).Class(class).OnChange(onChange).Body(opts...)
}

// labelFor is <label for="id" class="class">text</label>.
func labelFor(id, class, text string) app.HTMLElem {
	return app.Elem("label").Attr("for", id).Class(class).Text(text)
}

// The designer's form shapes (designer-form__*).

// formField is a field row of a designer dialog.
func formField(body ...app.UI) app.HTMLElem {
	return app.Elem("div").Class("designer-form__field").Body(body...)
}

// formLabel is a field's label, for the input with the given id.
func formLabel(id, text string) app.HTMLElem {
	return app.Elem("label").Attr("for", id).Class("designer-form__label").Text(text)
}

// formCaption is a field's label when the field is not one input (a group
// of checkboxes, a condition editor).
func formCaption(text string) app.HTMLElem {
	return app.Elem("span").Class("designer-form__label").Text(text)
}

// formHint is the hint under a field.
func formHint(text string) app.HTMLElem {
	return app.Elem("p").Class("designer-form__hint").Text(text)
}

// formGroup is a fieldset of a designer dialog: its legend, then body.
func formGroup(legend string, body ...app.UI) app.HTMLElem {
	return app.Elem("fieldset").Class("designer-form__group").Body(
		append([]app.UI{app.Elem("legend").Class("designer-form__legend").Text(legend)}, body...)...,
	)
}

// textInput is <input id="id" class="class" data-testid="id" value="value">.
func textInput(id, class, value string) app.HTMLElemSelfClosing {
	return app.ElemSelfClosing("input").ID(id).Class(class).Attr("data-testid", id).Attr("value", value)
}

// Tables.

// tr is a table row of cells.
func tr(cells ...app.UI) app.HTMLElem {
	return app.Elem("tr").Body(cells...)
}

// td is a cell with a class and a text.
func td(class, text string) app.HTMLElem {
	return app.Elem("td").Class(class).Text(text)
}

// th is a header cell with a class and a text.
func th(class, text string) app.HTMLElem {
	return app.Elem("th").Class(class).Text(text)
}

// checkboxH is checkbox with the change handler itself: one handler for
// many boxes reads the box that fired (its id, jsChecked).
func checkboxH(id, label string, checked bool, onChange app.EventHandler) app.HTMLElem {
	return app.Elem("label").Class("designer-check").Attr("for", id).Body(
		app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Class("designer-check__box").Attr("checked", checked).
			Attr("data-testid", id).
			OnChange(onChange),
		app.Elem("span").Text(label),
	)
}

// elc is <tag class="class">, for the caller to go on with.
func elc(tag, class string) app.HTMLElem {
	return app.Elem(tag).Class(class)
}

// elcText is <tag class="class">text</tag>.
func elcText(tag, class, text string) app.HTMLElem {
	return app.Elem(tag).Class(class).Text(text)
}

// buttonc is <button type="button" class="class">, for the caller to go
// on with: a button that submits nothing.
func buttonc(class string) app.HTMLElem {
	return app.Elem("button").Attr("type", "button").Class(class)
}

// elct is <tag class="class" data-testid="testid">, for the caller to go
// on with.
func elct(tag, class, testid string) app.HTMLElem {
	return app.Elem(tag).Class(class).Attr("data-testid", testid)
}

// elText is <tag>text</tag>.
func elText(tag, text string) app.HTMLElem {
	return app.Elem(tag).Text(text)
}

// thCol is <th scope="col">, a column's header cell.
func thCol() app.HTMLElem {
	return app.Elem("th").Attr("scope", "col")
}
