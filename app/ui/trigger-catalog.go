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
			items[i] = triggerCatalogItemView.el(lang, class, c.onItemClick, boolText(sel), ti.Code,
				ti.Name[lang], c.onItemDblClick, ti.ShortName[lang])
		}
		list[gi] = triggerCatalogGroupView.el(lang, engine.GroupName(g.group, lang), items)
	}
	body := triggerCatalogBodyView.els(lang,
		i18n.F(lang, "designer.catalog.stage", "stage", c.StageName),
		" · "+i18n.T(lang, "designer.catalog.hint"), list)
	n := len(c.picked())
	return designerModal(lang, i18n.T(lang, "designer.catalog.title"), "trigger-catalog", "wide",
		c.onClose, body,
		triggerCatalogFootView.els(lang, i18n.F(lang, "designer.catalog.count", "n", strconv.Itoa(n)),
			c.onClose, n == 0, c.onAddPicked)...,
	)
}

// triggerCatalogBodyView is the dialog's body: the stage the triggers go
// to with the hint ({1} keeps its leading space), then the groups.
var triggerCatalogBodyView = &view{name: "trigger-catalog-body", src: `
<p class="designer-catalog__hint"><strong>{0}</strong>{1}</p>
<div class="designer-catalog__groups" role="listbox" aria-multiselectable="true" aria-label={t:designer.catalog.list}>{2}</div>`}

// triggerCatalogGroupView is one section of the catalogue with its items.
var triggerCatalogGroupView = &view{name: "trigger-catalog-group", src: `
<div class="designer-catalog__group">
	<h3 class="designer-catalog__group-title">{0}</h3>
	<div class="designer-catalog__items">{1}</div>
</div>`}

// triggerCatalogItemView is one trigger of the catalogue, which the
// handlers tell apart by data-code.
var triggerCatalogItemView = &view{name: "trigger-catalog-item", src: `
<button type="button" class={0} @click={1} role="option" aria-selected={2} data-code={3} title={4} @dblclick={5}>
	<span class="designer-catalog__name">{6}</span>
	<span class="designer-catalog__long">{4}</span>
</button>`}

// triggerCatalogFootView is the footer: how many are picked, «Отмена»
// and «Добавить».
var triggerCatalogFootView = &view{name: "trigger-catalog-foot", src: `
<span class="designer-modal__count">{0}</span>
<button type="button" class="button button--secondary" @click={1}>{t:designer.cancel}</button>
<button type="button" class="button button--primary" data-testid="catalog-add" disabled={2} @click={3}>{t:designer.catalog.add}</button>`}

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
