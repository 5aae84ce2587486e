package whatiflab

import (
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
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
	kind  format.Kind
	tone  int // +1 more is better, -1 more is worse, 0 neither
}

var tileDefs = []tileDef{
	{"whatif.sum.items", func(k *whatif.KPIs) float64 { return float64(k.Items) }, format.Count, 0},
	{"whatif.sum.events", func(k *whatif.KPIs) float64 { return float64(k.Events.Fired) }, format.Count, 0},
	{"whatif.sum.success", successes, format.Count, 1},
	{"whatif.sum.noMove", func(k *whatif.KPIs) float64 { return k.NoMove.Share }, format.Share, -1},
	{"whatif.sum.loops", loops, format.Count, -1},
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
	f := format.UI(lang)
	out := make([]Tile, 0, len(tileDefs))
	for _, d := range tileDefs {
		t := Tile{Key: d.key, A: f.Value(d.kind, d.value(a))}
		if b != nil {
			va, vb := d.value(a), d.value(b)
			t.B = f.Value(d.kind, vb)
			if diff := vb - va; diff != 0 {
				t.Delta = f.Delta(d.kind, diff)
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
