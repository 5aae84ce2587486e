package calibrate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/calibrate"
	"github.com/triggersim/triggersim/internal/golden"
)

const exampleDir = "../examples/history"

// teplyDom is the shipped example: «Тёплый дом», a small company that
// designs and installs heating in country houses near Moscow. Requests
// come on weekdays (few on Saturday), a surveyor visits, an estimate
// goes out (a quarter are sent back for a second visit), then the
// installation; service requests go to a pipeline of their own.
var teplyDom = process{
	name: "Тёплый дом", days: 91, perDay: [7]float64{5, 5.5, 5, 5, 4.5, 1.5, 0.3}, hours: hoursOffice, start: "NEW",
	deals: true, pageLen: 50,
	names: map[string]string{
		"C0": "Монтаж отопления", "C1": "Сервис",
		"NEW": "Новая заявка", "PREPARATION": "Выезд замерщика", "PREPAYMENT_INVOICE": "Смета и предоплата",
		"EXECUTING": "Монтаж", "WON": "Объект сдан", "LOSE": "Отказ клиента", "APOLOGY": "Не дозвонились",
		"C1:NEW": "Заявка на сервис", "C1:WON": "Сервис выполнен", "C1:LOSE": "Сервис отменён",
	},
	next: map[string][]branch{
		"NEW": {{"PREPARATION", 0.62, lognormal(5*time.Hour, 0.9)}, {"APOLOGY", 0.18, uniform(24*time.Hour, 96*time.Hour)},
			{"C1:NEW", 0.12, expo(3 * time.Hour)}, {"LOSE", 0.08, expo(24 * time.Hour)}},
		"PREPARATION":        {{"PREPAYMENT_INVOICE", 0.75, lognormal(3*24*time.Hour, 0.5)}, {"LOSE", 0.25, expo(4 * 24 * time.Hour)}},
		"PREPAYMENT_INVOICE": {{"EXECUTING", 0.5, lognormal(4*24*time.Hour, 0.6)}, {"PREPARATION", 0.25, expo(2 * 24 * time.Hour)}, {"LOSE", 0.25, uniform(5*24*time.Hour, 14*24*time.Hour)}},
		"EXECUTING":          {{"WON", 0.95, lognormal(6*24*time.Hour, 0.35)}, {"LOSE", 0.05, expo(3 * 24 * time.Hour)}},
		"C1:NEW":             {{"C1:WON", 0.85, lognormal(2*24*time.Hour, 0.7)}, {"C1:LOSE", 0.15, expo(24 * time.Hour)}},
	},
	dealJSON: func(r *rand.Rand, id int) string {
		kinds := []string{"Котельная под ключ", "Тёплый пол", "Замена котла", "Радиаторы", "Обслуживание котла"}
		towns := []string{"Истра", "Дедовск", "Павловская Слобода", "Нахабино", "Снегири", "Новопетровское"}
		sources := []string{"WEB", "WEB", "CALL", "CALL", "RECOMMENDATION", "ADVERTISING"}
		amount := 40000 + 5000*r.IntN(60)
		return fmt.Sprintf(`{"ID": "%d", "TITLE": "%s, %s", "OPPORTUNITY": "%d.00", "CURRENCY_ID": "RUB", "SOURCE_ID": %q, "ASSIGNED_BY_ID": "%d"}`,
			id, kinds[r.IntN(len(kinds))], towns[r.IntN(len(towns))], amount, sources[r.IntN(len(sources))], []int{1, 3, 5}[r.IntN(3)])
	},
}

func indentJSON(b []byte) []byte {
	var out bytes.Buffer
	if json.Indent(&out, b, "", "  ") != nil {
		return b
	}
	return append(out.Bytes(), '\n')
}

func exampleInput(t *testing.T) calibrate.Input {
	t.Helper()
	read := func(name string) calibrate.File {
		data, err := os.ReadFile(filepath.Join(exampleDir, name))
		require.NoError(t, err)
		return calibrate.File{Name: "examples/history/" + name, Data: data}
	}
	return calibrate.Input{Categories: read("categories.json"), Statuses: read("statuses.json"),
		Histories: []calibrate.File{read("stagehistory.json")}, Deals: []calibrate.File{read("deals.json")}, Locale: "ru"}
}

// TestShippedExample calibrates the example history of docs/whatif.md and
// checks the fit; -update rewrites the history from teplyDom.
func TestShippedExample(t *testing.T) {
	if golden.Updating() { // -update rewrites the shipped example history under examples/history
		g := teplyDom.generate(2026)
		require.NoError(t, os.MkdirAll(exampleDir, 0o755))
		pages := bytes.Join(g.pages, []byte(",\n"))
		files := map[string][]byte{
			"categories.json":   indentJSON(g.categories),
			"statuses.json":     indentJSON(g.statuses),
			"stagehistory.json": append(append([]byte("[\n"), pages...), []byte("\n]\n")...),
			"deals.json":        g.deals,
		}
		for name, data := range files {
			require.NoError(t, os.WriteFile(filepath.Join(exampleDir, name), data, 0o644))
		}
	}
	c, err := calibrate.Build(exampleInput(t))
	require.NoError(t, err)
	require.Positive(t, c.Duplicates, "the example repeats a page, as a real export may")
	rep, err := c.Fit(context.Background(), 5, 0)
	require.NoError(t, err)
	require.InDelta(t, 0, rep.Arrivals[0].Diff, 0.10)
	for _, f := range rep.Finals {
		require.InDelta(t, f.Observed, f.Simulated, 0.05, f.Stage)
	}
	var out strings.Builder
	calibrate.WriteReport(&out, rep, "ru")
	require.Contains(t, out.String(), "DEAL PREPAYMENT_INVOICE (Смета и предоплата)")
	require.Contains(t, string(c.Doc), `"stage": "PREPARATION"`, "the back move from the estimate to a second visit")
	t.Log("\n" + out.String())
}
