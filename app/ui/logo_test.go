package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The header's inline logo draws what the site's icon file draws.
func TestLogoIsTheIcon(t *testing.T) {
	icon, err := os.ReadFile("../../web/icon.svg")
	require.NoError(t, err)
	drawing := func(svg string) string {
		svg = strings.TrimSpace(svg)
		start := strings.Index(svg, ">")
		end := strings.LastIndex(svg, "</svg>")
		require.True(t, start > 0 && end > start, "an <svg> element: %s", svg)
		return svg[start+1 : end]
	}
	assert.Equal(t, drawing(string(icon)), drawing(logoSVG))
	assert.Contains(t, string(icon), `viewBox="0 0 100 100"`)
	assert.Contains(t, logoSVG, `viewBox="0 0 100 100"`)
	assert.Contains(t, logoSVG, `aria-hidden="true"`)
}
