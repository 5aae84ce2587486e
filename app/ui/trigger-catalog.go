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
	list := make([]app.UI, len(groups))
	for gi, g := range groups {
		items := make([]app.UI, len(g.items))
		for i, ti := range g.items {
			sel := c.selected[ti.Code]
			class := "designer-catalog__item"
			if sel {
				class += " designer-catalog__item--selected"
			}
			items[i] = buttonc(class).OnClick(c.onItemClick).
				Role("option").
				Aria("selected", boolText(sel)).
				DataSet("code", ti.Code).
				Title(ti.Name[lang]).
				OnDblClick(c.onItemDblClick).
				Body(
					spanc("designer-catalog__name", ti.ShortName[lang]),
					spanc("designer-catalog__long", ti.Name[lang]),
				)
		}
		list[gi] = divc("designer-catalog__group",
			h3c("designer-catalog__group-title", engine.GroupName(g.group, lang)),
			divc("designer-catalog__items", items...),
		)
	}
	body := []app.UI{
		elc("p", "designer-catalog__hint").Body(
			elText("strong", i18n.F(lang, "designer.catalog.stage", "stage", c.StageName)),
			app.Text(" · "+i18n.T(lang, "designer.catalog.hint")),
		),
		divc("designer-catalog__groups", list...).Role("listbox").
			Aria("multiselectable", "true").
			Aria("label", i18n.T(lang, "designer.catalog.list")),
	}
	n := len(c.picked())
	return designerModal(lang, i18n.T(lang, "designer.catalog.title"), "trigger-catalog", "wide",
		c.onClose, body,
		spanc("designer-modal__count", i18n.F(lang, "designer.catalog.count", "n", strconv.Itoa(n))),
		button("button button--secondary", i18n.T(lang, "designer.cancel"), c.onClose),
		button("button button--primary", i18n.T(lang, "designer.catalog.add"), c.onAddPicked).
			DataSet("testid", "catalog-add").
			Attr("disabled", n == 0),
	)
}

// onItemClick picks the trigger of the item that fired (its data-code).
func (c *TriggerCatalog) onItemClick(ctx app.Context, e app.Event) {
	c.onPick(ctx, e, ctx.JSSrc().Get("dataset").Get("code").String())
}

// onItemDblClick adds the trigger of the item that fired.
func (c *TriggerCatalog) onItemDblClick(ctx app.Context, e app.Event) {
	c.add(ctx, []string{ctx.JSSrc().Get("dataset").Get("code").String()})
}

func (c *TriggerCatalog) onAddPicked(ctx app.Context, e app.Event) { c.add(ctx, c.picked()) }

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
