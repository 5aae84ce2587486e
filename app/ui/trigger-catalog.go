package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// TriggerCatalog is the «Добавить триггер» dialog: the triggers the entity
// type supports, grouped by section as in Bitrix24. A click picks one,
// Ctrl/Cmd-click picks several, a double click adds at once; «Добавить»
// adds the picked ones in catalogue order.
type TriggerCatalog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Entity is the entity type the triggers are for.
	Entity string
	// StageName is the stage the triggers go to.
	StageName string
	// OnAdd is called with the picked codes; OnClose when dismissed.
	OnAdd   func(ctx app.Context, codes []string)
	OnClose func(ctx app.Context)

	selected map[string]bool
}

type catalogGroup struct {
	group string
	items []engine.TriggerInfo
}

func (c *TriggerCatalog) groups() []catalogGroup {
	avail := design.Available(c.Entity)
	var out []catalogGroup
	for _, g := range engine.Groups() {
		var items []engine.TriggerInfo
		for _, ti := range avail {
			if ti.Group == g {
				items = append(items, ti)
			}
		}
		if len(items) > 0 {
			out = append(out, catalogGroup{group: g, items: items})
		}
	}
	return out
}

// Render implements app.Composer.
func (c *TriggerCatalog) Render() app.UI {
	lang := i18n.Normalize(c.Lang)
	groups := c.groups()
	body := []app.UI{
		app.P().Class("designer-catalog__hint").Body(
			app.Strong().Text(i18n.F(lang, "designer.catalog.stage", "stage", c.StageName)),
			app.Text(" · "+i18n.T(lang, "designer.catalog.hint")),
		),
		app.Div().Class("designer-catalog__groups").Role("listbox").
			Aria("multiselectable", "true").
			Aria("label", i18n.T(lang, "designer.catalog.list")).
			Body(
				app.Range(groups).Slice(func(gi int) app.UI {
					g := groups[gi]
					return app.Div().Class("designer-catalog__group").Body(
						app.H3().Class("designer-catalog__group-title").Text(engine.GroupName(g.group, lang)),
						app.Div().Class("designer-catalog__items").Body(
							app.Range(g.items).Slice(func(i int) app.UI {
								ti := g.items[i]
								code := ti.Code
								sel := c.selected[code]
								class := "designer-catalog__item"
								if sel {
									class += " designer-catalog__item--selected"
								}
								return app.Button().
									Type("button").
									Class(class).
									Role("option").
									Aria("selected", boolText(sel)).
									DataSet("code", code).
									Title(ti.Name[lang]).
									OnClick(func(ctx app.Context, e app.Event) { c.onPick(ctx, e, code) }).
									OnDblClick(func(ctx app.Context, e app.Event) { c.add(ctx, []string{code}) }).
									Body(
										app.Span().Class("designer-catalog__name").Text(ti.ShortName[lang]),
										app.Span().Class("designer-catalog__long").Text(ti.Name[lang]),
									)
							}),
						),
					)
				}),
			),
	}
	n := len(c.picked())
	return designerModal(lang, i18n.T(lang, "designer.catalog.title"), "trigger-catalog", "wide",
		c.onClose, body,
		app.Span().Class("designer-modal__count").Text(i18n.F(lang, "designer.catalog.count", "n", strconv.Itoa(n))),
		app.Button().Type("button").Class("button button--secondary").
			Text(i18n.T(lang, "designer.cancel")).OnClick(c.onClose),
		app.Button().Type("button").Class("button button--primary").
			DataSet("testid", "catalog-add").
			Disabled(n == 0).
			Text(i18n.T(lang, "designer.catalog.add")).
			OnClick(func(ctx app.Context, e app.Event) { c.add(ctx, c.picked()) }),
	)
}

// onPick selects one trigger, or toggles it with Ctrl/Cmd held.
func (c *TriggerCatalog) onPick(ctx app.Context, e app.Event, code string) {
	multi := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
	c.pick(code, multi)
}

func (c *TriggerCatalog) pick(code string, multi bool) {
	if c.selected == nil || !multi {
		c.selected = map[string]bool{code: true}
		return
	}
	if c.selected[code] {
		delete(c.selected, code)
	} else {
		c.selected[code] = true
	}
}

// picked lists the selected codes in catalogue order.
func (c *TriggerCatalog) picked() []string {
	var out []string
	for _, ti := range design.Available(c.Entity) {
		if c.selected[ti.Code] {
			out = append(out, ti.Code)
		}
	}
	return out
}

func (c *TriggerCatalog) add(ctx app.Context, codes []string) {
	if len(codes) == 0 || c.OnAdd == nil {
		return
	}
	c.selected = nil
	c.OnAdd(ctx, codes)
}

func (c *TriggerCatalog) onClose(ctx app.Context, e app.Event) {
	c.selected = nil
	if c.OnClose != nil {
		c.OnClose(ctx)
	}
}
