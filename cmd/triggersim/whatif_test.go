package main

import (
	"bytes"
	"strings"
	"testing"
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
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			}
			if !strings.Contains(out.String()+errOut.String(), tt.want) {
				t.Errorf("output lacks %q:\n%s%s", tt.want, out.String(), errOut.String())
			}
		})
	}
}
