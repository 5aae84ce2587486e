package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// logoSVG is the header's logo: the site's icon (web/icon.svg, which stays
// the installed app's icon; the favicon is a PNG of it) drawn inline, hidden from
// screen readers (the link's words name it). As an <img> every load built
// it as an isolated SVG document, twice (in the server-rendered page, then
// in go-app's): 12-17 ms of a warm load's main thread in traces, which the
// bare go-app page does not pay. TestLogoIsTheIcon keeps the two drawings
// the same.
const logoSVG = `<svg class="header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="28" height="28" aria-hidden="true" focusable="false">` +
	`<rect width="100" height="100" rx="20" fill="#2a5db0"/><g fill="#fff"><polygon points="14,34 32,34 40,50 32,66 14,66 22,50"/><polygon points="38,34 56,34 64,50 56,66 38,66 46,50"/><polygon points="62,34 80,34 88,50 80,66 62,66 70,50"/></g>` +
	`</svg>`

// logo is the header's logo (logoSVG).
func logo() app.UI {
	return app.Raw(logoSVG)
}
