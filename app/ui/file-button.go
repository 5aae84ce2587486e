package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// FileButton chooses a file with our own button and words instead of the
// browser's native control, which writes «Choose File / No file chosen»
// in the browser's language whatever the interface's. The input stays in
// the label (keyboard and screen readers reach it; the label shows its
// focus); the chosen file's name, or «Файл не выбран», follows it.
type FileButton struct {
	app.Compo

	Lang   string
	Label  string
	TestID string
	Accept string
	// ID lets an outer <label for> name the input; Multiple takes several
	// files; HideName leaves the chosen names to the caller (dialogs that
	// list them themselves).
	ID       string
	Multiple bool
	HideName bool
	// OnChange receives the input's change event.
	OnChange func(ctx app.Context, e app.Event)

	name string
}

// Render implements app.Composer.
func (f *FileButton) Render() app.UI {
	lang := i18n.Normalize(f.Lang)
	name := f.name
	if name == "" {
		name = i18n.T(lang, "file.none")
	}
	input := app.ElemSelfClosing("input").Attr("type", "file").Class("file-button__input").Attr("accept", f.Accept).
		Attr("multiple", f.Multiple).Attr("data-testid", f.TestID).OnChange(f.onChange)
	if f.ID != "" {
		input = input.ID(f.ID)
	}
	return elc("span", "file-button").Body(
		elc("label", "button file-button__label").Body(
			Icon("upload"),
			spanc("icon-text", f.Label),
			input,
		),
		app.If(!f.HideName, func() app.UI {
			return elct("span", "file-button__name", f.TestID+"-name").Attr("aria-live", "polite").Text(name)
		}),
	)
}

func (f *FileButton) onChange(ctx app.Context, e app.Event) {
	f.name = ""
	if files := ctx.JSSrc().Get("files"); files.Truthy() && files.Length() > 0 {
		f.name = files.Index(0).Get("name").String()
		if n := files.Length(); n > 1 {
			f.name = i18n.F(i18n.Normalize(f.Lang), "file.several", "n", n)
		}
	}
	if f.OnChange != nil {
		f.OnChange(ctx, e)
	}
}
