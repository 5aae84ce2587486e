package whatiflab

import (
	"math"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

// Tile is one headline number of a run: A's value and, when comparing,
// B's value and the difference.
type Tile struct {
	// Key is the label's i18n key ("whatif.sum.items").
	Key string
	// A, B and Delta are formatted in the page's language; B and Delta
	// are empty without B, Delta also when the values are equal.
	A, B, Delta string
	// Tone is +1 when B is better, -1 when worse, 0 when the number has
	// no better direction or did not change.
	Tone int
}

// tileDef picks one number out of the KPIs.
type tileDef struct {
	key   string
	value func(k *whatif.KPIs) float64
	share bool
	tone  int // +1 more is better, -1 more is worse, 0 neither
}

var tileDefs = []tileDef{
	{"whatif.sum.items", func(k *whatif.KPIs) float64 { return float64(k.Items) }, false, 0},
	{"whatif.sum.events", func(k *whatif.KPIs) float64 { return float64(k.Events.Fired) }, false, 0},
	{"whatif.sum.success", successes, false, 1},
	{"whatif.sum.noMove", func(k *whatif.KPIs) float64 { return k.NoMove.Share }, true, -1},
	{"whatif.sum.loops", loops, false, -1},
}

func successes(k *whatif.KPIs) float64 {
	n := 0
	for _, s := range k.Stages {
		if s.Semantics == engine.Success {
			n += s.Items
		}
	}
	return float64(n)
}

func loops(k *whatif.KPIs) float64 {
	n := 0
	for _, l := range k.Loops {
		n += l.Count
	}
	return float64(n)
}

// Tiles are the headline numbers of a run in lang; b is nil when A ran
// alone.
func Tiles(a, b *whatif.KPIs, lang string) []Tile {
	if a == nil {
		return nil
	}
	format := func(v float64, share bool) string {
		if share {
			return charts.Percent(v, lang)
		}
		return charts.Count(int(v), lang)
	}
	out := make([]Tile, 0, len(tileDefs))
	for _, d := range tileDefs {
		t := Tile{Key: d.key, A: format(d.value(a), d.share)}
		if b != nil {
			va, vb := d.value(a), d.value(b)
			t.B = format(vb, d.share)
			if diff := vb - va; diff != 0 {
				t.Delta = sign(diff) + magnitude(math.Abs(diff), d.share, lang)
				switch {
				case d.tone != 0 && diff > 0:
					t.Tone = d.tone
				case d.tone != 0 && diff < 0:
					t.Tone = -d.tone
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// magnitude prints a difference: shares in percentage points, counts as
// counts.
func magnitude(d float64, share bool, lang string) string {
	if !share {
		return charts.Count(int(d), lang)
	}
	s := strconv.FormatFloat(d*100, 'f', 1, 64)
	if lang != i18n.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "\u00a0" + i18n.T(lang, "whatif.pp")
}

func sign(d float64) string {
	if d < 0 {
		return "−"
	}
	return "+"
}
