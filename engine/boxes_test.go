package engine

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boxOf is the address of the value an interface holds: two fields that
// share a box have the same one.
func boxOf(v any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] }

// manyDeals is a scenario of n deals of one contact with the same fields
// but their titles, none with DATE_CREATE or ASSIGNED_BY_ID of its own.
func manyDeals(t *testing.T, n int) *Scenario {
	t.Helper()
	var items []string
	for i := 1; i <= n; i++ {
		items = append(items, fmt.Sprintf(`{"id": %d, "entity": "DEAL", "stage": "NEW", "contact": 1,
			"fields": {"TITLE": "Deal %d", "OPPORTUNITY": 5000, "CURRENCY_ID": "RUB", "UF_ZERO": -0, "UF_LIST": ["a", 1]}}`, i, i))
	}
	sc, err := ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "locale": "ru",
		"start": "2026-01-12T09:00:00+03:00", "entities": [{"type": "DEAL"}],
		"users": [{"id": 7, "name": "Анна"}],
		"clients": [{"type": "CONTACT", "id": 1, "name": "Иван"}],
		"triggers": [{"id": "t1", "entity": "DEAL", "stage": "PREPARATION", "code": "CALL", "name": "Звонок"}],
		"items": [` + strings.Join(items, ",") + `]}`))
	require.NoError(t, err)
	return sc
}

// An item whose field has the value the item before had shares its box,
// and the values stay what they were (-0 included).
func TestReadSharesFieldValues(t *testing.T) {
	sc := manyDeals(t, 3)
	a, b := sc.Items[0].Fields, sc.Items[2].Fields
	assert.Equal(t, "RUB", a["CURRENCY_ID"])
	assert.Equal(t, 5000.0, a["OPPORTUNITY"])
	assert.Equal(t, boxOf(a["CURRENCY_ID"]), boxOf(b["CURRENCY_ID"]), "equal strings share a box")
	assert.Equal(t, boxOf(a["OPPORTUNITY"]), boxOf(b["OPPORTUNITY"]), "equal numbers share a box")
	assert.NotEqual(t, boxOf(a["TITLE"]), boxOf(b["TITLE"]))
	assert.Equal(t, "Deal 1", a["TITLE"])
	assert.Equal(t, "Deal 3", b["TITLE"])
	zero, ok := b["UF_ZERO"].(float64)
	require.True(t, ok)
	assert.True(t, math.Signbit(zero), "-0 stays -0")
	assert.Equal(t, []any{"a", 1.0}, b["UF_LIST"])
}

// The items New places without a DATE_CREATE or an ASSIGNED_BY_ID of
// their own share one box of each.
func TestNewItemsShareDefaultFields(t *testing.T) {
	s, err := New(manyDeals(t, 3), Options{})
	require.NoError(t, err)
	a, b := s.items[0].fields, s.items[2].fields
	assert.Equal(t, 7.0, a["ASSIGNED_BY_ID"])
	assert.Equal(t, "2026-01-12T09:00:00+03:00", a["DATE_CREATE"])
	assert.Equal(t, boxOf(a["DATE_CREATE"]), boxOf(b["DATE_CREATE"]))
	assert.Equal(t, boxOf(a["ASSIGNED_BY_ID"]), boxOf(b["ASSIGNED_BY_ID"]))
}

// next is where a list of two strings would follow l in its block.
func next(l []string) unsafe.Pointer {
	return unsafe.Add(unsafe.Pointer(unsafe.SliceData(l)), 2*unsafe.Sizeof(""))
}

// pair's lists are cut from one block, and appending to one leaves the
// next alone.
func TestPairSharesABlock(t *testing.T) {
	var s Sim
	p, q := s.pair("a", "b"), s.pair("c", "d")
	assert.Equal(t, []string{"a", "b"}, p)
	assert.Equal(t, []string{"c", "d"}, q)
	assert.Equal(t, next(p), unsafe.Pointer(unsafe.SliceData(q)), "q follows p in the block")
	p = append(p, "x")
	assert.Equal(t, []string{"a", "b", "x"}, p)
	assert.Equal(t, []string{"c", "d"}, q)
	for range pairBlock {
		s.pair("e", "f")
	}
	assert.Equal(t, []string{"c", "d"}, q, "a new block leaves the old one's lists alone")
}

// A call to a contact of many deals logs why each deal but the newest did
// not get it, the reasons' arguments in shared blocks, with the same texts.
func TestUndeliveredReasonsShareBlocks(t *testing.T) {
	s, err := New(manyDeals(t, 5), Options{})
	require.NoError(t, err)
	s.Fire(Event{Code: "CALL", Target: "CONTACT_1"})
	var args [][]string
	for _, e := range s.Log() {
		if e.Type == LogUndelivered {
			args = append(args, e.Why.Args)
			assert.Contains(t, e.Reason, "DEAL_")
		}
	}
	require.Len(t, args, 4)
	for i := 1; i < len(args); i++ {
		assert.Equal(t, next(args[i-1]), unsafe.Pointer(unsafe.SliceData(args[i])))
		assert.Equal(t, 2, cap(args[i]))
	}
}
