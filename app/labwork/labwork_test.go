package labwork

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/app/whatiflab"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/whatif"
)

func exampleFile(t *testing.T, name string) []byte {
	t.Helper()
	ex, ok := examples.Find(name)
	require.True(t, ok, name)
	return ex.Data
}

// handle runs req in w and returns the messages it posted, decoded.
func handle(t *testing.T, w *Worker, req Request) []Message {
	t.Helper()
	var out []Message
	w.Handle(req, func(posted Message) {
		// As it crosses to the page: the head as JSON, the KPIs beside it.
		m, err := Decode(posted.Head())
		require.NoError(t, err, "%s", posted.Head())
		require.Equal(t, req.ID, m.ID)
		m.A, m.B, m.Runs, m.Doc = posted.A, posted.B, posted.Runs, posted.Doc
		out = append(out, m)
	})
	require.NotEmpty(t, out)
	return out
}

// inPage is the run as the page makes it without the worker.
func inPage(t *testing.T, a, b []byte, opt whatif.Options) whatiflab.Result {
	t.Helper()
	sa, err := engine.ReadScenario(a)
	require.NoError(t, err)
	var sb *engine.Scenario
	if b != nil {
		sb, err = engine.ReadScenario(b)
		require.NoError(t, err)
	}
	res, err := whatiflab.Lab{}.Run(context.Background(), sa, sb, opt, nil)
	require.NoError(t, err)
	return res
}

// fakeClock advances by step on every reading.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

// TestWorkerGivesThePageRun checks that the worker's results, read back
// by the page, are the page's own run: the KPIs of both variants (with
// the reasons behind their texts) and their comparison; progress comes
// first, the results last.
func TestWorkerGivesThePageRun(t *testing.T) {
	a, b := exampleFile(t, "11-whatif-schet-7dney"), exampleFile(t, "11-whatif-schet-3dnya")
	for _, tc := range []struct {
		name string
		b    []byte
	}{{"alone", nil}, {"compared", b}} {
		t.Run(tc.name, func(t *testing.T) {
			w := &Worker{Now: fakeClock(time.Millisecond), every: time.Nanosecond}
			msgs := handle(t, w, Request{ID: 7, A: a, B: tc.b, Seed: "3", Days: "20", Lang: "en"})
			last := msgs[len(msgs)-1]
			require.Equal(t, KindDone, last.Kind, last.Error)
			require.Greater(t, len(msgs), 1, "progress is reported")
			for _, m := range msgs[:len(msgs)-1] {
				assert.Equal(t, KindProgress, m.Kind)
			}
			got, err := last.Result(nil)
			require.NoError(t, err)
			want := inPage(t, a, tc.b, whatif.Options{Seed: 3, SeedSet: true, Days: 20, Lang: "en"})
			assert.Equal(t, want.A, got.A)
			assert.Equal(t, want.B, got.B)
			assert.Equal(t, want.Diff, got.Diff)
			assert.Positive(t, got.Elapsed)
		})
	}
}

// TestWorkerReadsAFileOnce checks that the same file is read once for
// run after run, and a changed one again.
func TestWorkerReadsAFileOnce(t *testing.T) {
	a := exampleFile(t, "11-whatif-schet-7dney")
	reads := 0
	w := &Worker{beforeRead: func() { reads++ }}
	for i := range 3 {
		msgs := handle(t, w, Request{ID: i, A: a, Days: "3"})
		require.Equal(t, KindDone, msgs[len(msgs)-1].Kind)
	}
	assert.Equal(t, 1, reads)
	changed := strings.Replace(string(a), `"title"`, `"title" `, 1)
	msgs := handle(t, w, Request{ID: 9, A: []byte(changed), Days: "3"})
	require.Equal(t, KindDone, msgs[len(msgs)-1].Kind)
	assert.Equal(t, 2, reads)
}

// TestWorkerPrepares checks that a prepared file is read once, ahead of
// its runs, with nothing posted, and that a bad one is only reported when
// it is run.
func TestWorkerPrepares(t *testing.T) {
	a := exampleFile(t, "11-whatif-schet-7dney")
	reads := 0
	w := &Worker{beforeRead: func() { reads++ }}
	w.Handle(Request{A: a, Prepare: true}, func(m Message) { assert.Failf(t, "a prepare posted", "%+v", m) })
	assert.Equal(t, 1, reads)
	msgs := handle(t, w, Request{ID: 1, A: a, Days: "3"})
	require.Equal(t, KindDone, msgs[len(msgs)-1].Kind)
	assert.Equal(t, 1, reads, "the run used what was prepared")
	// The warm-up on the prepared scenario changed nothing of it.
	got, err := msgs[len(msgs)-1].Result(nil)
	require.NoError(t, err)
	assert.Equal(t, inPage(t, a, nil, whatif.Options{Days: 3}).A, got.A)

	w.Handle(Request{A: []byte("{"), Prepare: true}, func(m Message) { assert.Failf(t, "a prepare posted", "%+v", m) })
	msgs = handle(t, w, Request{ID: 2, A: []byte("{"), Lang: "en"})
	require.Len(t, msgs, 1)
	assert.Equal(t, KindError, msgs[0].Kind)
}

// TestWorkerSurvivesAPanic checks that a panic in a run (a bug) ends
// that run with one error worded in its language, not the worker's
// program, and that the worker forgets the files it read and serves the
// next run: the page would otherwise wait for an answer forever.
func TestWorkerSurvivesAPanic(t *testing.T) {
	a := exampleFile(t, "11-whatif-schet-7dney")
	for _, tc := range []struct{ lang, want string }{
		{"en", "an internal error stopped the run (broken on purpose)"},
		{"ru", "прогон остановлен внутренней ошибкой (broken on purpose)"},
	} {
		reads, broken := 0, true
		w := &Worker{beforeRead: func() {
			reads++
			if broken {
				panic("broken on purpose")
			}
		}}
		for _, batch := range []*Batch{nil, {Form: labrun.Form{Runs: "2"}, Parts: 1}} {
			msgs := handle(t, w, Request{ID: 4, A: a, Days: "3", Lang: tc.lang, Batch: batch})
			require.Len(t, msgs, 1)
			assert.Equal(t, KindError, msgs[0].Kind)
			assert.Contains(t, msgs[0].Error, tc.want)
			assert.Equal(t, msgs[0].Error, msgs[0].Texts[tc.lang], "worded in every language too")
			assert.Contains(t, msgs[0].Texts["ru"], "прогон остановлен внутренней ошибкой")
			assert.Contains(t, msgs[0].Texts["en"], "an internal error stopped the run")
			_, err := msgs[0].Result(nil)
			assert.ErrorIs(t, err, ErrRun)
		}
		// A prepare that panics posts nothing, as a prepare never does.
		w.Handle(Request{A: a, Prepare: true}, func(m Message) { assert.Failf(t, "a prepare posted", "%+v", m) })
		broken = false
		msgs := handle(t, w, Request{ID: 5, A: a, Days: "3", Lang: tc.lang})
		require.Equal(t, KindDone, msgs[len(msgs)-1].Kind, msgs[len(msgs)-1].Error)
		assert.Equal(t, 4, reads, "the file is read again after the panics")
	}
}

// TestWorkerWordsErrors checks that a run that cannot be made posts one
// error message, worded in the run's language with where the problem is,
// and that the page reads it as an error.
func TestWorkerWordsErrors(t *testing.T) {
	a := exampleFile(t, "11-whatif-schet-7dney")
	badCSV, err := os.ReadFile("../../whatif/testdata/replay/mixed-errors.csv")
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		req  Request
		want []string
	}{
		{"bad JSON, en", Request{A: []byte(`{"title": 1}`), Lang: "en"}, []string{"format", "triggersim/scenario"}},
		{"not JSON, ru", Request{A: []byte(`{`), Lang: "ru"}, []string{"JSON"}},
		{"bad variant B", Request{A: a, B: []byte(`[]`), Lang: "en"}, []string{"(root)", "array"}},
		{"bad history", Request{A: a, Replay: badCSV, Lang: "en"}, []string{"line 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msgs := handle(t, &Worker{}, tc.req)
			require.Len(t, msgs, 1)
			m := msgs[0]
			require.Equal(t, KindError, m.Kind)
			for _, s := range tc.want {
				assert.Contains(t, m.Error, s)
			}
			_, err := m.Result(nil)
			require.ErrorIs(t, err, ErrRun)
			assert.Equal(t, m.Error, err.Error())
		})
	}
}

func TestDecodeRefusesBadMessages(t *testing.T) {
	for name, in := range map[string]string{
		"not JSON":      `{"kind":`,
		"unknown kind":  `{"kind":"shout"}`,
		"no kind":       `{"id":1}`,
		"wrong id type": `{"id":"1","kind":"done"}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Decode([]byte(in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "what-if worker message")
		})
	}
	m, err := Decode([]byte(`{"id":1,"kind":"done"}`))
	require.NoError(t, err)
	m.A = []byte(`{"kpis":null}`)
	_, err = m.Result(nil)
	require.Error(t, err, "a done message without KPIs is refused")
	m, err = Decode([]byte(`{"id":1,"kind":"progress"}`))
	require.NoError(t, err)
	_, err = m.Result(nil)
	require.Error(t, err, "progress has no result")
}

// FuzzDecode checks that no message, however broken, panics the page.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":1,"kind":"done"}`), []byte(`{"kpis":{},"noMove":[],"errors":[]}`))
	f.Add([]byte(`{"id":1,"kind":"error","error":"x"}`), []byte(nil))
	f.Add([]byte(`{"id":2,"kind":"progress","progress":{"Percent":5}}`), []byte(`{`))
	f.Fuzz(func(t *testing.T, head, kpis []byte) {
		m, err := Decode(head)
		if err != nil {
			return
		}
		m.A, m.B = kpis, kpis
		_, _ = m.Result(func() {})
	})
}

// batchInPage is the lab's batch as the page runs it without the worker.
func batchInPage(t *testing.T, a []byte, f labrun.Form, opt whatif.Options) []*whatif.KPIs {
	t.Helper()
	sc, err := engine.ReadScenario(a)
	require.NoError(t, err)
	plan, err := f.Plan(opt.Lang)
	require.NoError(t, err)
	jobs, _, err := plan.Jobs(sc, opt, opt.Lang)
	require.NoError(t, err)
	b := whatif.NewBatch(jobs)
	for b.Step(64) {
	}
	ks, err := b.Results()
	require.NoError(t, err)
	return ks
}

// TestBatchPartsGiveThePageBatch checks that replications and a sweep
// split between one, two or three workers, put back together, are the
// page's own batch run for run.
func TestBatchPartsGiveThePageBatch(t *testing.T) {
	a := exampleFile(t, "11-whatif-schet-7dney")
	for _, f := range []labrun.Form{
		{Runs: "5"},
		{Runs: "2", Path: "whatif.events[2].probability", From: "0.2", To: "0.8", Step: "0.3", KPI: "arrived"},
	} {
		want := batchInPage(t, a, f, whatif.Options{Days: 10, Lang: "en"})
		for parts := 1; parts <= 3; parts++ {
			t.Run(f.Path+"/"+strconv.Itoa(parts), func(t *testing.T) {
				got := make([][]*whatif.KPIs, parts)
				for p := range parts {
					w := &Worker{Now: fakeClock(time.Millisecond), every: time.Nanosecond}
					msgs := handle(t, w, Request{ID: p + 1, A: a, Days: "10", Lang: "en", Batch: &Batch{Form: f, Part: p, Parts: parts}})
					last := msgs[len(msgs)-1]
					require.Equal(t, KindDone, last.Kind, last.Error)
					ks, err := last.BatchResult(func() {})
					require.NoError(t, err)
					got[p] = ks
				}
				merged, err := Merge(got, len(want))
				require.NoError(t, err)
				assert.Equal(t, want, merged)
			})
		}
	}
}

func TestBatchErrors(t *testing.T) {
	a := exampleFile(t, "11-whatif-schet-7dney")
	for _, tc := range []struct {
		name  string
		batch Batch
		lang  string
		want  string
	}{
		{"bad runs, ru", Batch{Form: labrun.Form{Runs: "0"}, Parts: 1}, "ru", "Повторов: нужно целое число"},
		{"unknown path, en", Batch{Form: labrun.Form{Runs: "2", Path: "robots[9].delay.value", From: "1", To: "2", Step: "1"}, Parts: 1}, "en", "robots[9].delay.value"},
		{"part out of range", Batch{Form: labrun.Form{Runs: "2"}, Part: 2, Parts: 2}, "en", "part 2 of 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msgs := handle(t, &Worker{}, Request{A: a, Lang: tc.lang, Batch: &tc.batch})
			require.Len(t, msgs, 1)
			_, err := msgs[0].BatchResult(nil)
			require.ErrorIs(t, err, ErrRun)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestMergeRefusesPartsThatDoNotFit(t *testing.T) {
	k := &whatif.KPIs{}
	_, err := Merge([][]*whatif.KPIs{{k, k}, {k}}, 4)
	assert.ErrorContains(t, err, "3 runs of 4")
	_, err = Merge([][]*whatif.KPIs{{k, k}, {k}}, 2)
	assert.ErrorContains(t, err, "more than its share")
	got, err := Merge([][]*whatif.KPIs{{k, k}, {k}}, 3)
	require.NoError(t, err)
	assert.Len(t, got, 3)
}
