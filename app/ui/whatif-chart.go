package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// WhatifChart is one chart of the what-if lab: the SVG drawn by
// app/charts, with buttons that download it as SVG or PNG.
type WhatifChart struct {
	app.Compo

	// Name is the chart's test hook and file name stem ("funnel-a").
	Name string
	// Title is the chart's visible caption (the SVG carries it too).
	Title string
	// SVG is the chart document.
	SVG  string
	Lang string
}

// Render implements app.Composer.
func (c *WhatifChart) Render() app.UI {
	return elc("figure", "whatif__figure").
		Attr("data-chart", c.Name).
		Body(
			elc("div", "whatif__figure-svg").Body(app.Raw(c.SVG)),
			elc("div", "whatif__export").Body(
				buttonc("whatif__export-button").
					Attr("data-testid", "export-svg-"+c.Name).
					Attr("aria-label", i18n.F(c.Lang, "whatif.exportAs", "title", c.Title, "format", "SVG")).
					Body(iconText("download", "SVG")...).
					OnClick(c.onSVG),
				buttonc("whatif__export-button").
					Attr("data-testid", "export-png-"+c.Name).
					Attr("aria-label", i18n.F(c.Lang, "whatif.exportAs", "title", c.Title, "format", "PNG")).
					Body(iconText("download", "PNG")...).
					OnClick(c.onPNG),
			),
		)
}

func (c *WhatifChart) onSVG(ctx app.Context, e app.Event) {
	download(c.Name+".svg", "image/svg+xml", []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+c.SVG))
}

func (c *WhatifChart) onPNG(ctx app.Context, e app.Event) {
	whatifDownloadPNG(c.Name+".png", c.SVG)
}
