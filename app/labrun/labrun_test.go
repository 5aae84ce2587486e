package labrun_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/calibrate"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/whatif"
)

func example(t testing.TB) *engine.Scenario {
	t.Helper()
	for _, ex := range examples.All() {
		if ex.Name == "11-whatif-schet-7dney.json" {
			sc, err := engine.ReadScenario(ex.Data)
			require.NoError(t, err)
			return sc
		}
	}
	require.FailNow(t, "example missing")
	return nil
}

// runBatch drives the jobs the way the page does: a Batch in slices.
func runBatch(t testing.TB, jobs []whatif.Job) []*whatif.KPIs {
	t.Helper()
	b := whatif.NewBatch(jobs)
	for b.Step(64) {
	}
	ks, err := b.Results()
	require.NoError(t, err)
	return ks
}

func TestFormErrors(t *testing.T) {
	for _, tt := range []struct {
		f         labrun.Form
		lang, msg string
	}{
		{labrun.Form{Runs: "0"}, "ru", "Повторов: нужно целое число от 1 до 1\u202f000, а не «0»."},
		{labrun.Form{Runs: "x"}, "en", "Runs: expected a whole number from 1 to 1,000, not “x”."},
		{labrun.Form{Runs: "3", Path: "robots[0].delay.value", From: "a", To: "2", Step: "1"}, "ru", "От: нужно число, а не «a»."},
		{labrun.Form{Runs: "3", Path: "robots[0].delay.value", From: "1", To: "2", Step: "0"}, "en", "The step must be above zero."},
		{labrun.Form{Runs: "3", Path: "robots[0].delay.value", From: "3", To: "2", Step: "1"}, "en", "“To” must not be below “From”."},
		{labrun.Form{Runs: "3", Path: "x", From: "0", To: "1000", Step: "1"}, "ru", "Слишком много прогонов"},
	} {
		_, err := tt.f.Plan(tt.lang)
		require.ErrorContains(t, err, tt.msg)
	}
	sc := example(t)
	p, err := labrun.Form{Runs: "2", Path: "robots[9].delay.value", From: "1", To: "2", Step: "1"}.Plan("ru")
	require.NoError(t, err)
	_, _, err = p.Jobs(sc, whatif.Options{}, "ru")
	require.EqualError(t, err, "Параметр: в сценарии нет числа по пути «robots[9].delay.value» (значение по умолчанию надо сначала записать в файл).")
	p, err = labrun.Form{Runs: "1000", Path: "whatif.days", From: "1", To: "30", Step: "1"}.Plan("en")
	require.NoError(t, err)
	_, _, err = p.Jobs(sc, whatif.Options{}, "en")
	require.ErrorContains(t, err, "30 points × 1,000 runs = 30,000, at most 20,000")
}

func TestRunsAndSweepResults(t *testing.T) {
	sc := example(t)
	opt := whatif.Options{Days: 5}
	p, err := labrun.Form{Runs: "3"}.Plan("ru")
	require.NoError(t, err)
	jobs, vals, err := p.Jobs(sc, opt, "ru")
	require.NoError(t, err)
	require.Nil(t, vals)
	res, err := p.Result(sc, vals, runBatch(t, jobs), "ru")
	require.NoError(t, err)
	require.Equal(t, 3, res.Summary.Runs)
	require.Contains(t, res.Chart, `data-whisker="1"`)
	require.Contains(t, res.Chart, "Элементов на стадиях, среднее за 3 прогонов")

	// A flat sweep: the probability of paying does not change arrivals.
	p, err = labrun.Form{Runs: "2", Path: "whatif.events[2].probability", From: "0,2", To: "0.8", Step: "0.3", KPI: "arrived"}.Plan("en")
	require.NoError(t, err)
	jobs, vals, err = p.Jobs(sc, opt, "en")
	require.NoError(t, err)
	require.Equal(t, []float64{0.2, 0.5, 0.8}, vals)
	res, err = p.Result(sc, vals, runBatch(t, jobs), "en")
	require.NoError(t, err)
	require.Equal(t, res.Sweep.Points[0].KPI, res.Sweep.Points[2].KPI)
	require.Contains(t, res.Chart, `data-band="1"`)
	require.Contains(t, res.Lines[0], "Best point by “arrived” (higher is better): whatif.events[2].probability = 0.2")
	require.Contains(t, res.Lines[1], "Not distinguishable from the best")

	p.KPI = "nope"
	_, err = p.Result(sc, vals, runBatch(t, jobs), "ru")
	require.EqualError(t, err, "Показатель «nope» не найден в результатах прогона.")
}

const leadStatuses = `{"result": [
  {"ID": "1", "ENTITY_ID": "STATUS", "STATUS_ID": "NEW", "NAME": "Не обработан", "SORT": "10", "SEMANTICS": null},
  {"ID": "2", "ENTITY_ID": "STATUS", "STATUS_ID": "IN_PROCESS", "NAME": "В работе", "SORT": "20", "SEMANTICS": null},
  {"ID": "3", "ENTITY_ID": "STATUS", "STATUS_ID": "CONVERTED", "NAME": "Сконвертирован", "SORT": "30", "SEMANTICS": "S"},
  {"ID": "4", "ENTITY_ID": "STATUS", "STATUS_ID": "JUNK", "NAME": "Некачественный", "SORT": "40", "SEMANTICS": "F"}]}`

// leadHistory is a small lead history written out by hand: a lead a day
// for three weeks, each taken into work within hours, then converted or
// junked.
func leadHistory() string {
	var b strings.Builder
	b.WriteString(`{"result": {"items": [`)
	id := 0
	add := func(owner int, at, status string) {
		if id > 0 {
			b.WriteString(",")
		}
		id++
		typ := map[bool]string{true: "1", false: "2"}[status == "NEW"]
		if status == "CONVERTED" || status == "JUNK" {
			typ = "3"
		}
		b.WriteString(`{"ID": "` + itoa(id) + `", "TYPE_ID": "` + typ + `", "OWNER_ID": "` + itoa(owner) + `", "CREATED_TIME": "` + at + `", "STATUS_ID": "` + status + `"}`)
	}
	for d := 1; d <= 21; d++ {
		day := "2026-03-" + two(d)
		add(d, day+"T10:"+two(d)+":00+03:00", "NEW")
		add(d, day+"T"+two(11+d%6)+":00:00+03:00", "IN_PROCESS")
		if d < 19 {
			final := []string{"CONVERTED", "JUNK", "CONVERTED"}[d%3]
			add(d, "2026-03-"+two(d+1+d%4)+"T15:00:00+03:00", final)
		}
	}
	b.WriteString(`]}}`)
	return b.String()
}

func itoa(n int) string { return strings.TrimLeft(two(n/100)+two(n%100), "0") }
func two(n int) string  { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestFitView(t *testing.T) {
	c, err := calibrate.Build(calibrate.Input{Statuses: calibrate.File{Name: "S.json", Data: []byte(leadStatuses)},
		Histories: []calibrate.File{{Name: "H.json", Data: []byte(leadHistory())}}, Locale: "ru"})
	require.NoError(t, err)
	f := c.NewFitter(3)
	for f.Step(100) {
	}
	rep, err := f.Report()
	require.NoError(t, err)
	v := labrun.Fit(rep, "ru")
	require.Contains(t, v.Lines[0], "Новых элементов: в истории 21, в модели")
	require.Contains(t, v.Finals, `data-ref="1"`)
	require.Contains(t, v.Medians, "Медиана времени на стадии")
	require.NotEmpty(t, v.Rows)
}

func digest(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:8])
}

// TestSameBytesEverywhere pins replications, a sweep and a calibration
// with its fit to digests: this package's tests also run in WebAssembly
// (build.sh), so the browser must give the host's bytes for a fixed seed.
func TestSameBytesEverywhere(t *testing.T) {
	sc := example(t)
	opt := whatif.Options{Days: 4}
	s, _, err := whatif.Replicate(context.Background(), sc, opt, 3, 1, nil)
	require.NoError(t, err)
	doc, err := engine.WriteScenario(sc)
	require.NoError(t, err)
	sw, err := whatif.ParseSweep("whatif.events[2].probability=0.2:0.8:0.3")
	require.NoError(t, err)
	sr, err := whatif.RunSweep(context.Background(), doc, sw, opt, 2, "stage/DEAL/EXECUTING/items", whatif.GoalMax, 1, nil)
	require.NoError(t, err)
	c, err := calibrate.Build(calibrate.Input{Statuses: calibrate.File{Name: "S.json", Data: []byte(leadStatuses)},
		Histories: []calibrate.File{{Name: "H.json", Data: []byte(leadHistory())}}, Locale: "en"})
	require.NoError(t, err)
	rep, err := c.Fit(context.Background(), 3, 1)
	require.NoError(t, err)
	got := []string{digest(t, s), digest(t, sr), digest(t, string(c.Doc)), digest(t, rep)}
	t.Logf("digests %q", got)
	require.Equal(t, []string{"752f3c3c28f61d22", "666d73260c7526b7", "1027d8ade142cdb9", "138e147c27a3ac8f"}, got)
}
