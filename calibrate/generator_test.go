package calibrate_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// A known process, to generate a stage history from: the calibration must
// recover it.

type branch struct {
	to    string
	p     float64
	dwell func(r *rand.Rand) time.Duration
}

type process struct {
	name    string
	days    int
	perDay  [7]float64 // Monday first
	hours   [24]float64
	start   string
	next    map[string][]branch
	deals   bool // also write crm.deal.list pages
	pageLen int
	// names rename the stages and the second pipeline ("C1").
	names map[string]string
	// dealJSON writes one crm.deal.list record; nil: a plain one.
	dealJSON func(r *rand.Rand, id int) string
}

func expo(mean time.Duration) func(*rand.Rand) time.Duration {
	return func(r *rand.Rand) time.Duration { return time.Duration(r.ExpFloat64() * float64(mean)) }
}

func uniform(a, b time.Duration) func(*rand.Rand) time.Duration {
	return func(r *rand.Rand) time.Duration { return a + time.Duration(r.Float64()*float64(b-a)) }
}

func lognormal(median time.Duration, sigma float64) func(*rand.Rand) time.Duration {
	return func(r *rand.Rand) time.Duration {
		return time.Duration(float64(median) * math.Exp(sigma*r.NormFloat64()))
	}
}

var semantic = map[string]string{"WON": "S", "LOSE": "F", "APOLOGY": "F", "C1:WON": "S", "C1:LOSE": "F"}

// generated is a history and the portal's pipelines as REST output.
type generated struct {
	categories, statuses []byte
	pages                [][]byte // crm.stagehistory.list pages, in a shuffled order, one repeated
	deals                []byte
	records, items       int
}

const msk = 3 * 3600

func (p process) generate(seed uint64) generated {
	r := rand.New(rand.NewPCG(seed, 42))
	loc := time.FixedZone("", msk)
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, loc) // a Monday
	end := start.AddDate(0, 0, p.days)
	type rec struct {
		ID, TypeID, OwnerID int
		At                  time.Time
		Category            int
		Stage, Semantic     string
	}
	var recs []rec
	hsum := 0.0
	for _, h := range p.hours {
		hsum += h
	}
	owner := 0
	var owners []int
	for t := start; t.Before(end); t = t.Add(time.Hour) {
		lambda := p.perDay[(int(t.Weekday())+6)%7] * p.hours[t.Hour()] / hsum
		n := 0
		for s := r.ExpFloat64(); s < lambda; s += r.ExpFloat64() {
			n++
		}
		for k := 0; k < n; k++ {
			owner++
			owners = append(owners, owner)
			at := t.Add(time.Duration(r.Float64() * float64(time.Hour))).Truncate(time.Second)
			stage := p.start
			typ := 1
			for {
				recs = append(recs, rec{TypeID: typ, OwnerID: owner, At: at, Category: categoryOf(stage), Stage: stage, Semantic: semOf(stage)})
				bs := p.next[stage]
				if len(bs) == 0 {
					break
				}
				u := r.Float64()
				var b branch
				for _, b = range bs {
					if u < b.p {
						break
					}
					u -= b.p
				}
				at = at.Add(b.dwell(r)).Truncate(time.Second)
				if at.After(end) {
					break
				}
				switch {
				case categoryOf(b.to) != categoryOf(stage):
					typ = 5
				case semOf(b.to) != "P":
					typ = 3
				default:
					typ = 2
				}
				stage = b.to
			}
		}
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].At.Before(recs[j].At) })
	var items []map[string]any
	for i := range recs {
		recs[i].ID = 1000 + i
		x := recs[i]
		items = append(items, map[string]any{
			"ID": fmt.Sprint(x.ID), "TYPE_ID": fmt.Sprint(x.TypeID), "OWNER_ID": fmt.Sprint(x.OwnerID),
			"CREATED_TIME": x.At.Format(time.RFC3339), "CATEGORY_ID": fmt.Sprint(x.Category),
			"STAGE_ID": x.Stage, "STAGE_SEMANTIC_ID": x.Semantic,
		})
	}
	g := generated{records: len(recs), items: owner}
	pl := p.pageLen
	if pl == 0 {
		pl = 50
	}
	for i := 0; i < len(items); i += pl {
		page := map[string]any{"result": map[string]any{"items": items[i:min(i+pl, len(items))]}, "total": len(items)}
		if i+pl < len(items) {
			page["next"] = i + pl
		}
		b, _ := json.Marshal(page)
		g.pages = append(g.pages, b)
	}
	r.Shuffle(len(g.pages), func(i, j int) { g.pages[i], g.pages[j] = g.pages[j], g.pages[i] })
	if len(g.pages) > 1 {
		g.pages = append(g.pages, g.pages[0]) // saved twice: deduplicated by ID
	}
	name := func(id, def string) string {
		if n, ok := p.names[id]; ok {
			return n
		}
		return def
	}
	g.categories = []byte(fmt.Sprintf(`{"result": {"categories": [{"id": 0, "name": %q, "sort": 100, "entityTypeId": 2, "isDefault": "Y"},
	  {"id": 1, "name": %q, "sort": 200, "entityTypeId": 2, "isDefault": "N"}]}}`, name("C0", "Общая"), name("C1", "Опт")))
	var sts []string
	id := 1
	add := func(entity, status, name, sem string, sort int) {
		semText := "null"
		if sem != "" {
			semText = `"` + sem + `"`
		}
		sts = append(sts, fmt.Sprintf(`{"ID": "%d", "ENTITY_ID": %q, "STATUS_ID": %q, "NAME": %q, "SORT": "%d", "SEMANTICS": %s}`, id, entity, status, p.names[status]+map[bool]string{true: name, false: ""}[p.names[status] == ""], sort, semText))
		id++
	}
	for i, s := range []struct{ id, name, sem string }{
		{"NEW", "Новая", ""}, {"PREPARATION", "Подготовка", ""}, {"PREPAYMENT_INVOICE", "Счёт", ""},
		{"EXECUTING", "В работе", ""}, {"WON", "Успех", "S"}, {"LOSE", "Провал", "F"}, {"APOLOGY", "Анализ причины", "F"},
	} {
		add("DEAL_STAGE", s.id, s.name, s.sem, 10*(i+1))
	}
	for i, s := range []struct{ id, name, sem string }{{"C1:NEW", "Новая опт", ""}, {"C1:WON", "Успех опт", "S"}, {"C1:LOSE", "Провал опт", "F"}} {
		add("DEAL_STAGE_1", s.id, s.name, s.sem, 10*(i+1))
	}
	g.statuses = []byte(`{"result": [` + strings.Join(sts, ",") + `]}`)
	if p.deals {
		var ds []string
		for _, o := range owners {
			if p.dealJSON != nil {
				ds = append(ds, p.dealJSON(r, o))
				continue
			}
			ds = append(ds, fmt.Sprintf(`{"ID": "%d", "OPPORTUNITY": "%d.00", "SOURCE_ID": %q, "ASSIGNED_BY_ID": "%d"}`,
				o, 10000*(1+r.IntN(20)), []string{"WEB", "CALL", "WEB", "EMAIL"}[r.IntN(4)], 1+r.IntN(3)))
		}
		g.deals = []byte(`[{"result": [` + strings.Join(ds, ",") + `], "total": ` + fmt.Sprint(len(ds)) + `}]`)
	}
	return g
}

func categoryOf(stage string) int {
	if strings.HasPrefix(stage, "C1:") {
		return 1
	}
	return 0
}

func semOf(stage string) string {
	if s, ok := semantic[stage]; ok {
		return s
	}
	return "P"
}

var hoursOffice = [24]float64{0, 0, 0, 0, 0, 0, 0, 0, 0.3, 1, 1, 1, 1, 0.8, 1, 1, 1, 1, 0.5, 0.2, 0, 0, 0, 0}
var hoursFlat = func() (h [24]float64) {
	for i := range h {
		h[i] = 1
	}
	return
}()

var processes = []process{
	{
		name: "weekday-only traffic", days: 91, perDay: [7]float64{12, 12, 12, 12, 12, 0, 0}, hours: hoursOffice, start: "NEW", deals: true,
		next: map[string][]branch{
			"NEW":         {{"PREPARATION", 0.8, expo(4 * time.Hour)}, {"LOSE", 0.2, uniform(24*time.Hour, 72*time.Hour)}},
			"PREPARATION": {{"WON", 0.6, lognormal(48*time.Hour, 0.6)}, {"LOSE", 0.4, expo(24 * time.Hour)}},
		},
	},
	{
		name: "a stage with heavy losses", days: 60, perDay: [7]float64{10, 10, 10, 10, 10, 5, 5}, hours: hoursFlat, start: "NEW",
		next: map[string][]branch{
			"NEW":         {{"LOSE", 0.85, expo(6 * time.Hour)}, {"PREPARATION", 0.15, expo(24 * time.Hour)}},
			"PREPARATION": {{"WON", 0.7, uniform(12*time.Hour, 96*time.Hour)}, {"APOLOGY", 0.3, expo(48 * time.Hour)}},
		},
	},
	{
		name: "a back-move loop and another pipeline", days: 90, perDay: [7]float64{8, 8, 8, 8, 8, 2, 1}, hours: hoursOffice, start: "NEW",
		next: map[string][]branch{
			"NEW":                {{"PREPARATION", 0.9, lognormal(2*time.Hour, 0.8)}, {"C1:NEW", 0.1, expo(12 * time.Hour)}},
			"PREPARATION":        {{"PREPAYMENT_INVOICE", 0.7, expo(24 * time.Hour)}, {"LOSE", 0.3, expo(48 * time.Hour)}},
			"PREPAYMENT_INVOICE": {{"PREPARATION", 0.4, expo(12 * time.Hour)}, {"WON", 0.5, lognormal(48*time.Hour, 0.5)}, {"LOSE", 0.1, expo(72 * time.Hour)}},
			"C1:NEW":             {{"C1:WON", 0.5, expo(72 * time.Hour)}, {"C1:LOSE", 0.5, expo(24 * time.Hour)}},
		},
	},
}
