package whatif_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/langcheck"
	"github.com/triggersim/triggersim/whatif"
)

func TestReplayCSVErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
		ru             string // the first line in Russian
	}{
		{"bad time", "time,code,target,data\nsoon,CALL,DEAL_1,\n", `line 2, column time: expected an RFC 3339 time such as "2026-01-12T10:30:00+03:00" or an offset such as "+2h30m", got "soon"`,
			`строка 2, столбец time: ожидалось время RFC 3339, например "2026-01-12T10:30:00+03:00", или смещение, например "+2h30m", а в файле: "soon"`},
		{"bad code", "+1h,SMS,DEAL_1,\n", `line 1, column code: expected a trigger code, CREATE, UPDATE or MOVE, got "SMS"`,
			`строка 1, столбец code: ожидался код триггера, CREATE, UPDATE или MOVE, а в файле: "SMS"`},
		{"bad target", "+1h,CALL,deal 1,\n", `line 1, column target: expected a target such as "DEAL_5", "CONTACT_7", "EMAIL_1" or "TASK_1", got "deal 1"`,
			`строка 1, столбец target: ожидалась цель, например "DEAL_5", "CONTACT_7", "EMAIL_1" или "TASK_1", а в файле: "deal 1"`},
		{"data not JSON", "+1h,CALL,DEAL_1,{oops}\n", `line 1, column data: expected a JSON object: invalid JSON at line 1, column 2: unexpected character 'o', expected a quoted object key`,
			`строка 1, столбец data: ожидался объект JSON: неверный JSON в строке 1, столбце 2: встретился символ 'o', а ожидался ключ объекта в кавычках`},
		{"data of another code", "+1h,CALL,DEAL_1,\"{\"\"url\"\": \"\"x\"\"}\"\n", `line 1, column data, key "url": unknown key`,
			`строка 1, столбец data, ключ "url": неизвестный ключ`},
		{"MOVE without data", "+1h,MOVE,DEAL_1,\n", `line 1, column data: missing required key, expected the data of MOVE`,
			`строка 1, столбец data: нет обязательного ключа, ожидаются данные события MOVE`},
		{"unknown header", "time,code,target,dat\n+1h,CALL,DEAL_1,\n", `line 1, column 4: unknown column "dat" in the header, expected "data"`,
			`строка 1, столбец 4: неизвестный столбец "dat" в заголовке, ожидался "data"`},
		{"empty", "", "the replay file has no events",
			`в файле истории нет событий: после необязательного заголовка ожидаются строки time,code,target,data`},
		{"header only", "time,code,target,data\n", "the replay file has no events",
			`в файле истории нет событий: после необязательного заголовка ожидаются строки time,code,target,data`},
		{"columns", "+1h,CALL\n", `line 1: expected 4 columns (time, code, target, data), got 2`,
			`строка 1: ожидалось 4 столбца (time, code, target, data), а в строке: 2`},
		{"quote", "+1h,CALL,\"DEAL_1,\n", `line 1: extraneous or missing " in quoted-field`,
			`строка 1: лишняя или недостающая кавычка " в поле в кавычках`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := whatif.ReplayCSV(strings.NewReader(tt.in))
			require.Error(t, err)
			require.True(t, errors.Is(err, whatif.ErrCSV))
			require.Contains(t, err.Error(), tt.want)
			en, ru := whatif.ReplayErrorLines(err, "en"), whatif.ReplayErrorLines(err, "ru")
			assert.Equal(t, err.Error(), strings.Join(en, "\n"), "the English lines are the error's text")
			require.Len(t, ru, len(en))
			assert.Equal(t, tt.ru, ru[0])
			for _, line := range ru {
				assert.Empty(t, langcheck.Problems(line, "time", "code", "target", "data"), line)
			}
		})
	}
}

func TestCSVRoundTrip(t *testing.T) {
	in := "time,code,target,data\n" +
		"+1h,CALL,DEAL_1,\"{\"\"LINE_NUMBER\"\":\"\"74951234567\"\"}\"\n" +
		"2026-01-13T10:00:00+03:00,MOVE,DEAL_1,\"{\"\"stage\"\":\"\"WON\"\"}\"\n" +
		"+2h,UPDATE,DEAL_1,\"{\"\"fields\"\":{\"\"OPPORTUNITY\"\":5000}}\"\n" +
		"+3h,CREATE,SMART_INVOICE,\"{\"\"parent\"\":\"\"DEAL_1\"\",\"\"stage\"\":\"\"DT31_0:N\"\"}\"\n" +
		"+4h,EMAIL_LINK,CONTACT_7,\"{\"\"url\"\":\"\"https://x.example/\"\"}\"\n"
	evs, err := whatif.ReplayCSV(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, evs, 5)
	var out bytes.Buffer
	require.NoError(t, whatif.WriteCSV(&out, evs))
	require.Equal(t, in, out.String())
}

// FuzzReplayCSV: reading never panics, and what reads writes back to a
// history that reads to the same events.
func FuzzReplayCSV(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "replay", "*.csv"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("time,code,target,data\n+1h,CALL,DEAL_1,\n")
	f.Add("+1h,MOVE,DEAL_1,\"{\"\"stage\"\": \"\"WON\"\"}\"\n")
	f.Add("+0,CREATE,DEAL,\"{\"\"stage\"\": \"\"NEW\"\", \"\"fields\"\": {\"\"A\"\": [1, null]}}\"\n")
	f.Add("\"\n,,,")
	f.Fuzz(func(t *testing.T, in string) {
		evs, err := whatif.ReplayCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		var out bytes.Buffer
		err = whatif.WriteCSV(&out, evs)
		require.NoError(t, err, "write")
		again, err := whatif.ReplayCSV(&out)
		require.NoError(t, err, "reading the written history: %v\n%s", err, out.String())
		require.Len(t, again, len(evs), "%d events, then %d", len(evs), len(again))
		require.NotEmpty(t, evs, "an empty history was accepted")
	})
}
