package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWhatIfCommand(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "3", "--lang", "en"}, 0, "Conversion (from a stage"},
		{[]string{"--json", "whatif", "../../examples/11-whatif-schet-7dney.json", "--days=3", "--seed", "2"}, 0, `"seed": 2`},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "3", "--compare", "../../examples/11-whatif-schet-3dnya.json"}, 0, "Сравнение: А ="},
		{[]string{"whatif", "../../examples/01-oplata-scheta.json"}, 2, `no "whatif" traffic model`},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "0"}, 2, "--days expects a whole number from 1 to 3650"},
		{[]string{"whatif"}, 2, "whatif needs exactly one FILE"},
		{[]string{"whatif", "x.json", "--bogus"}, 2, "unknown flag --bogus"},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "3", "--runs", "3", "--lang", "en"}, 0, "Runs: 3 (seeds 7 … 9), mean and 95 % confidence interval"},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "3", "--runs", "2", "--json"}, 0, `"level": 0.95`},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "3", "--runs", "3", "--compare", "../../examples/11-whatif-schet-7dney.json", "--lang", "en"}, 0, "No difference is significant"},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "14", "--runs", "3", "--compare", "../../examples/11-whatif-schet-3dnya.json", "--json"}, 0, `"significant": true`},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "3", "--runs", "2", "--sweep", "whatif.arrivals[0].perDay=10:30:10", "--kpi", "arrived", "--lang", "en"}, 0, "Best point by arrived (higher is better): whatif.arrivals[0].perDay = 30"},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--days", "3", "--sweep", "whatif.arrivals[0].perDay=10:30:10", "--kpi", "arrived", "--goal", "min", "--json"}, 0, `"best": 0`},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--sweep", "whatif.days=1:30:1", "--runs", "1000"}, 2, "30 points × 1000 runs = 30000 runs; at most 20000"},
		{[]string{"whatif", "../../examples/11-whatif-schet-7dney.json", "--sweep", "robots[9].delay.value=1:3:1"}, 2, "robots[9].delay.value: no such value in the scenario"},
		{[]string{"whatif", "x.json", "--runs", "0"}, 2, "--runs expects a whole number from 1 to 1000"},
		{[]string{"whatif", "x.json", "--sweep", "a=1:2"}, 2, "--sweep: expected PATH=FROM:TO:STEP"},
		{[]string{"whatif", "x.json", "--kpi", "arrived"}, 2, "--kpi and --goal go with --sweep"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			require.Equal(t, tt.code, code, "exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			assert.Contains(t, out.String()+errOut.String(), tt.want, "output lacks %q:\n%s%s", tt.want, out.String(), errOut.String())
		})
	}
}
