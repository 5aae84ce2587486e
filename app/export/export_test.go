package export_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/export"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/internal/golden"
)

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func intp(n int) *int { return &n }

// sampleLog covers every column, quoting and formula injection.
var sampleLog = []engine.LogEntry{
	{Seq: 1, At: "2026-01-12T10:00:00+03:00", Event: 0, Type: engine.LogEvent, Target: "DEAL_1", Code: "CALL", By: intp(2)},
	{Seq: 2, At: "2026-01-12T10:00:00+03:00", Event: 0, Type: engine.LogTrigger, Target: "DEAL_1", Code: "CALL", From: "NEW", To: "PREPARATION", Trigger: "t1", By: intp(1)},
	{Seq: 3, At: "2026-01-12T10:00:00+03:00", Event: 0, Type: engine.LogSkip, Target: "DEAL_1", Trigger: "t2", Reason: `условие "сумма > 1000" не выполнено, сделка на стадии NEW`},
	{Seq: 4, At: "2026-01-12T10:00:00+03:00", Event: -1, Type: engine.LogScheduled, Target: "DEAL_1", Robot: "r1", Due: "2026-01-12T11:00:00+03:00"},
	{Seq: 5, At: "2026-01-12T11:00:00+03:00", Event: -1, Type: engine.LogRobot, Target: "DEAL_1", Robot: "r1", Status: engine.RobotRan},
	{Seq: 6, At: "2026-01-12T11:00:00+03:00", Event: -1, Type: engine.LogOutbox, Target: "DEAL_1", Robot: "r1", Text: "=HYPERLINK(\"http://evil\",\"click\")\nвторая строка"},
	{Seq: 7, At: "2026-01-12T11:00:00+03:00", Event: 1, Type: engine.LogLoop, Target: "DEAL_1", Reason: "-цикл", Cycle: []string{"trigger t1", "robot r2"}},
	{Seq: 8, At: "2026-01-12T11:00:00+03:00", Event: 1, Type: engine.LogNote, Target: "@DEAL", Text: "+1"},
}

func TestLogCSVGolden(t *testing.T) {
	for _, lang := range []string{"ru", "en"} {
		out, err := export.LogCSV(sampleLog, lang)
		require.NoError(t, err)
		checkGolden(t, "log."+lang+".csv", out)
	}
}

// readCSV parses LogCSV output as a spreadsheet would.
func readCSV(t *testing.T, out []byte) [][]string {
	t.Helper()
	require.True(t, bytes.HasPrefix(out, []byte("\ufeff")), "starts with a BOM for Excel")
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\ufeff"))))
	rows, err := r.ReadAll()
	require.NoError(t, err)
	return rows
}

func TestLogCSVShape(t *testing.T) {
	out, err := export.LogCSV(sampleLog, "en")
	require.NoError(t, err)
	assert.Contains(t, string(out), "\r\n", "RFC 4180 line ends")
	rows := readCSV(t, out)
	require.Len(t, rows, len(sampleLog)+1)
	assert.Equal(t, []string{"Seq", "Time", "Script event", "Type", "Target", "Code", "From", "To", "Trigger", "Robot", "Status", "By", "Due", "Reason"}, rows[0])
	assert.Equal(t, []string{"2", "2026-01-12T10:00:00+03:00", "0", "trigger", "DEAL_1", "CALL", "NEW", "PREPARATION", "t1", "", "", "1", "", ""}, rows[2])
	assert.Equal(t, `условие "сумма > 1000" не выполнено, сделка на стадии NEW`, rows[3][13], "quotes survive")
	assert.Equal(t, "", rows[4][2], "a robot's own cascade has no script event")
	assert.Equal(t, "2026-01-12T11:00:00+03:00", rows[4][12])
	assert.Equal(t, "'=HYPERLINK(\"http://evil\",\"click\")\nвторая строка", rows[6][13], "formula defused, newline kept")
	assert.Equal(t, "'-цикл; trigger t1 → robot r2", rows[7][13])
	assert.Equal(t, "'@DEAL", rows[8][4])
	assert.Equal(t, "'+1", rows[8][13])
}

func TestLogCSVEmpty(t *testing.T) {
	out, err := export.LogCSV(nil, "ru")
	require.NoError(t, err)
	rows := readCSV(t, out)
	require.Len(t, rows, 1)
	assert.Equal(t, "№", rows[0][0])
}

// TestExamples exports every built-in example: the scenario file comes out
// byte-identical to the engine's writer (and reads back), the result as
// the runner prints it, the log with one row per entry.
func TestExamples(t *testing.T) {
	for _, ex := range examples.All() {
		t.Run(ex.Name, func(t *testing.T) {
			sc, err := engine.ReadScenario(ex.Data)
			require.NoError(t, err)
			out, err := export.ScenarioJSON(sc)
			require.NoError(t, err)
			want, err := engine.WriteScenario(sc)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(out))
			again, err := export.ScenarioJSON(sc)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again), "byte-identical on every call")
			back, err := engine.ReadScenario(out)
			require.NoError(t, err)
			assert.Equal(t, sc, back)

			res, err := engine.Run(sc, engine.Options{})
			require.NoError(t, err)
			rj, err := export.ResultJSON(res)
			require.NoError(t, err)
			wantRes, err := engine.MarshalResult(res)
			require.NoError(t, err)
			assert.Equal(t, string(wantRes), string(rj))

			csvOut, err := export.LogCSV(res.Log, sc.Locale)
			require.NoError(t, err)
			assert.Len(t, readCSV(t, csvOut), len(res.Log)+1)
		})
	}
}

func TestNil(t *testing.T) {
	_, err := export.ScenarioJSON(nil)
	assert.Error(t, err)
	_, err = export.ResultJSON(nil)
	assert.Error(t, err)
}

func TestCheckImport(t *testing.T) {
	assert.NoError(t, export.CheckImport([]byte(`{"format":"triggersim/scenario"}`)))
	assert.ErrorContains(t, export.CheckImport(nil), "empty")
	assert.ErrorContains(t, export.CheckImport([]byte(" \n\t")), "empty")
	big := bytes.Repeat([]byte(" "), export.MaxImport+1)
	big[0] = '{'
	err := export.CheckImport(big)
	require.ErrorIs(t, err, export.ErrTooLarge)
	assert.Contains(t, err.Error(), "50 MB")
	assert.NoError(t, export.CheckImport(big[:export.MaxImport]))
}

func TestFileName(t *testing.T) {
	tests := []struct{ title, ext, want string }{
		{"Оплата счёта", ".json", "Оплата счёта.json"},
		{`a/b\c:d*e?f"g<h>i|j`, ".csv", "a_b_c_d_e_f_g_h_i_j.csv"},
		{"  ", ".json", "scenario.json"},
		{"...", ".json", "scenario.json"},
		{"line\nbreak", ".json", "line_break.json"},
		{strings.Repeat("я", 150), ".json", strings.Repeat("я", 100) + ".json"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, export.FileName(tc.title, tc.ext), "%q", tc.title)
	}
}

func ExampleLogCSV() {
	log := []engine.LogEntry{{Seq: 1, At: "2026-01-12T10:00:00+03:00", Type: engine.LogTrigger, Target: "DEAL_1",
		Code: "CALL", From: "NEW", To: "PREPARATION", Trigger: "t1", By: intp(1)}}
	out, _ := export.LogCSV(log, "en")
	fmt.Print(strings.ReplaceAll(strings.TrimPrefix(string(out), "\ufeff"), "\r\n", "\n"))
	// Output:
	// Seq,Time,Script event,Type,Target,Code,From,To,Trigger,Robot,Status,By,Due,Reason
	// 1,2026-01-12T10:00:00+03:00,0,trigger,DEAL_1,CALL,NEW,PREPARATION,t1,,,1,,
}
