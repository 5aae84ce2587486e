package whatif

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// TestItemOf checks the runner's item lookup: ids in the dense index, ids
// too large or too sparse for it (byTarget), and targets it has not seen.
func TestItemOf(t *testing.T) {
	sc := benchScenario()
	for _, id := range []int{1, 7, 3000, 1 << 20, 5_000_000} {
		sc.Items = append(sc.Items, engine.Item{ID: id, Entity: "DEAL", Stage: "NEW"})
	}
	r, err := NewRunner(sc, Options{Days: 1})
	require.NoError(t, err)
	for i, id := range []int{1, 7, 3000, 1 << 20, 5_000_000} {
		target := engine.Target("DEAL", id)
		idx, ok := r.itemOf(target)
		require.True(t, ok, target)
		assert.Equal(t, int32(i), idx, target)
		assert.Equal(t, target, r.items[idx].target)
		assert.Equal(t, idx, r.addItem(target, "DEAL", 0), "adding %s again gives its index", target)
	}
	assert.Len(t, r.byTarget, 3, "3000 is sparse, the last two beyond the dense index")
	for _, target := range []string{"DEAL_2", "DEAL_8", "DEAL_07", "DEAL_0", "LEAD_1", "CONTACT_1", "DEAL", "DEAL_99999999"} {
		_, ok := r.itemOf(target)
		assert.False(t, ok, target)
	}
	for r.Step(1000) {
	}
	k := r.KPIs()
	assert.Positive(t, k.Arrived)
	last := engine.Target("DEAL", 5_000_000+k.Arrived)
	idx, ok := r.itemOf(last)
	require.True(t, ok, "the last item created, %s", last)
	assert.Equal(t, last, r.items[idx].target)
}

// TestTallyCaches checks the small caches in front of the trigger and
// robot tallies: ids that share a slot take turns without mixing counts.
func TestTallyCaches(t *testing.T) {
	r, err := NewRunner(benchScenario(), Options{Days: 1})
	require.NoError(t, err)
	// Two ids sharing a slot, found by search: the hash may change.
	slots := map[int]string{}
	var a1, b1 string
	for i := 0; a1 == ""; i++ {
		id := fmt.Sprintf("x%d", i)
		if other, ok := slots[cacheSlot(id)]; ok {
			a1, b1 = other, id
		}
		slots[cacheSlot(id)] = id
	}
	require.Equal(t, cacheSlot(a1), cacheSlot(b1))
	for i := 0; i < 5; i++ {
		r.trig(a1).fired++
		r.trig(b1).skipped++
		r.trig(b1).skipped++
		r.robot(a1).Ran++
		r.robot(b1).Failed++
	}
	r.trig("").fired++
	assert.Equal(t, trigTally{id: a1, fired: 5}, *r.trigs[a1])
	assert.Equal(t, trigTally{id: b1, skipped: 10}, *r.trigs[b1])
	assert.Equal(t, trigTally{id: "", fired: 1}, *r.trigs[""])
	assert.Equal(t, RobotKPI{ID: a1, Ran: 5}, *r.robots[a1])
	assert.Equal(t, RobotKPI{ID: b1, Failed: 5}, *r.robots[b1])
}
