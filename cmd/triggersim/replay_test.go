package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReplayHostile runs whatif --replay on hostile histories
// (testdata/replay): an empty or header-only history is an error, not a
// silent run of the model; an unknown key names the key, the line and the
// column. The work bound: a refused history prints no KPIs, and a message
// never echoes a huge key whole (stderr stays small, counted in bytes).
func TestReplayHostile(t *testing.T) {
	dir := t.TempDir()
	longKey := filepath.Join(dir, "long-key.csv")
	key := strings.Repeat("k", 700_000)
	err := os.WriteFile(longKey, []byte("time,code,target,data\n+1h,CALL,DEAL_1,\"{\"\""+key+"\"\": 1}\"\n"), 0o644)
	require.NoError(t, err)
	const model = "../../examples/11-whatif-schet-7dney.json"
	tests := []struct {
		file string
		code int
		want []string
	}{
		{"../../whatif/testdata/replay/empty.csv", 2, []string{"empty.csv: the replay file has no events"}},
		{"../../whatif/testdata/replay/header-only.csv", 2, []string{"header-only.csv: the replay file has no events"}},
		{"../../whatif/testdata/replay/header-blank-lines.csv", 2, []string{"the replay file has no events"}},
		{"../../whatif/testdata/replay/blank-lines.csv", 2, []string{"the replay file has no events"}},
		{"../../whatif/testdata/replay/unknown-key.csv", 2, []string{`line 3, column data, key "caller": unknown key`}},
		{"../../whatif/testdata/replay/unknown-key-update.csv", 2, []string{`line 2, column data, key "why": unknown key`}},
		{"../../whatif/testdata/replay/unknown-column.csv", 2, []string{`line 1, column 4: unknown column "payload" in the header, expected "data"`}},
		{longKey, 2, []string{`line 2, column data, key "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…": unknown key`}},
		{"../../whatif/testdata/replay/one-event.csv", 0, []string{"Элементов:"}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run([]string{"whatif", model, "--replay", tt.file}, &out, &errOut)
			require.Equal(t, tt.code, code, "exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			for _, w := range tt.want {
				assert.Contains(t, out.String()+errOut.String(), w, "output lacks %q:\n%s%s", w, out.String(), errOut.String())
			}
			assert.False(t, tt.code != 0 && out.Len() != 0, "a refused history printed KPIs:\n%s", out.String())
			assert.False(t, errOut.Len() > 2000, "stderr is %d bytes: a message echoes the input", errOut.Len())
		})
	}
}
