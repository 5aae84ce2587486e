package text

import (
	"errors"
	"strings"
	"sync/atomic"
)

// Table is a catalog compiled ahead of time (Compile), for a program that
// shows its texts as it starts: FromTable looks a key up by binary search
// in static data, where a catalog read from files parses them on its
// first lookup (2.9 ms for the app's Russian texts in wasm under node,
// more in the page as it starts, with its heap's first allocations). A
// package keeps its table in a generated Go file beside its text files,
// and a test keeps the two in step (internal/textgen).
type Table struct {
	// Text holds four strings per key, in turn: the key, its declared
	// parameters ("(stage,current)"; "()" declares none, "" leaves them
	// undeclared), its Russian text and its English text. The keys are
	// sorted; every key has both texts (Compile).
	Text string
	// Ends holds where each of those strings ends in Text, four per key.
	Ends []uint32
}

// Compile returns c as a Table. A table keeps what a lookup reads, not
// each language's declaration, so a catalog with problems (Problems) is
// refused: compiled, they could no longer be reported. Every key of a
// catalog without problems has both texts.
func Compile(c *Catalog) (*Table, error) {
	if p := c.Problems(); len(p) > 0 {
		return nil, errors.New("the catalog has problems: " + strings.Join(p, "; "))
	}
	msgs := c.parsed()
	keys := c.Keys()
	var b strings.Builder
	t := &Table{Ends: make([]uint32, 0, 4*len(keys))}
	for _, key := range keys {
		m := msgs[key]
		params := ""
		if m.params != nil {
			params = "(" + strings.Join(m.params, ",") + ")"
		}
		for _, s := range []string{key, params, m.texts[0].raw, m.texts[1].raw} {
			b.WriteString(s)
			if b.Len() > 1<<31 {
				return nil, errors.New("the catalog is too large for a table")
			}
			t.Ends = append(t.Ends, uint32(b.Len()))
		}
	}
	t.Text = b.String()
	return t, nil
}

// FromTable returns the catalog t holds. Nothing is parsed: a lookup finds
// its key by binary search and builds that key's message on its first use.
func FromTable(t *Table) *Catalog {
	return &Catalog{table: t, entries: make([]atomic.Pointer[message], t.Len())}
}

// Len is the number of keys in t.
func (t *Table) Len() int { return len(t.Ends) / 4 }

// Entry returns the i-th key's four strings, as Text holds them.
func (t *Table) Entry(i int) (key, params, ru, en string) {
	return t.piece(i, 0), t.piece(i, 1), t.piece(i, 2), t.piece(i, 3)
}

// piece returns the j-th string (0 key, 1 parameters, 2 Russian, 3
// English) of the i-th key.
func (t *Table) piece(i, j int) string {
	k := 4*i + j
	start := uint32(0)
	if k > 0 {
		start = t.Ends[k-1]
	}
	return t.Text[start:t.Ends[k]]
}

// find returns the index of key, or -1.
func (t *Table) find(key string) int {
	lo, hi := 0, t.Len()
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch k := t.piece(mid, 0); {
		case k == key:
			return mid
		case k < key:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// entry returns the message of the table's i-th key, built on its first
// use. Two goroutines may build it at once; the first stored wins, and
// both are equal.
func (c *Catalog) entry(i int) *message {
	if m := c.entries[i].Load(); m != nil {
		return m
	}
	_, p, ru, en := c.table.Entry(i)
	m := &message{has: [2]bool{true, true}}
	m.texts[0].raw, m.texts[1].raw = ru, en
	if p != "" {
		m.params = []string{}
		if p = p[1 : len(p)-1]; p != "" {
			m.params = strings.Split(p, ",")
		}
	}
	c.entries[i].CompareAndSwap(nil, m)
	return c.entries[i].Load()
}
