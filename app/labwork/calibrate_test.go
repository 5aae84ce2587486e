package labwork

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/calibrate"
)

// historyInput is the shipped example history (e2e/testdata/history) as
// the home page's dialog gives it.
func historyInput(t *testing.T, history string) calibrate.Input {
	t.Helper()
	read := func(name string) calibrate.File {
		data, err := os.ReadFile(filepath.Join("..", "..", "e2e", "testdata", "history", name))
		require.NoError(t, err)
		return calibrate.File{Name: name, Data: data}
	}
	return calibrate.Input{Categories: read("categories.json"), Statuses: read("statuses.json"),
		Histories: []calibrate.File{read(history)}, Locale: "ru"}
}

// TestWorkerCalibrates checks that a calibration made in the worker gives
// the page what calibrate gives directly: the same scenario file, title
// and fit report; progress comes first.
func TestWorkerCalibrates(t *testing.T) {
	in := historyInput(t, "stagehistory.json")
	w := &Worker{Now: fakeClock(time.Millisecond), every: time.Nanosecond}
	msgs := handle(t, w, wire(t, CalibrateRequest(in, "ru")))
	last := msgs[len(msgs)-1]
	require.Equal(t, KindDone, last.Kind, last.Error)
	require.Greater(t, len(msgs), 1, "progress is reported")
	for _, m := range msgs[:len(msgs)-1] {
		assert.Equal(t, KindProgress, m.Kind)
		assert.InDelta(t, 0.5, m.Fraction, 0.5)
	}
	doc, title, rep, err := last.Calibration()
	require.NoError(t, err)

	c, err := calibrate.Build(in)
	require.NoError(t, err)
	f := c.NewFitter(calibrate.DefaultRuns)
	labrun.Slices{}.Drive(f, nil, nil)
	want, err := f.Report()
	require.NoError(t, err)
	assert.Equal(t, string(c.Doc), string(doc))
	assert.Equal(t, c.Scenario.Title, title)
	assert.Equal(t, want, rep)
}

// TestWorkerCalibrateErrors checks that a calibration that cannot be made
// posts one error, in the request's language and in every language of the
// interface (the dialog shows it again when the user switches), naming the
// file and the JSON path at fault; and that names and files that do not
// fit are an error, not a panic.
func TestWorkerCalibrateErrors(t *testing.T) {
	in := historyInput(t, "categories.json") // not a stage history
	msgs := handle(t, &Worker{}, wire(t, CalibrateRequest(in, "en")))
	require.Len(t, msgs, 1)
	_, _, _, err := msgs[0].Calibration()
	var ce *CalibrateError
	require.ErrorAs(t, err, &ce)
	assert.Contains(t, ce.Text("ru"), "categories.json: result: ожидался ответ REST")
	assert.Contains(t, ce.Text("en"), "categories.json: result:")
	assert.Equal(t, ce.Text("en"), err.Error(), "the request's language")

	req := CalibrateRequest(in, "ru")
	req.Files = req.Files[1:]
	msgs = handle(t, &Worker{}, req)
	require.Len(t, msgs, 1)
	assert.Equal(t, KindError, msgs[0].Kind)
	assert.Contains(t, msgs[0].Error, "2 files for a calibration of 3")
}

// wire is req as it reaches the worker: its JSON head read back, the
// files beside it.
func wire(t *testing.T, req Request) Request {
	t.Helper()
	var got Request
	require.NoError(t, json.Unmarshal(mustJSON(t, req), &got))
	got.A, got.B, got.Replay, got.Files = req.A, req.B, req.Replay, req.Files
	return got
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	out, err := json.Marshal(v)
	require.NoError(t, err)
	return out
}
