package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseJSONTree(t *testing.T) {
	tests := []struct {
		in      string
		want    string // rendered tree, or the error text
		wantErr bool
	}{
		{`{"b": 1, "a": [true, false, null]}`, `{b:1 a:[true false null]}`, false},
		{"\uFEFF {\"a\": -0.5e+3}\n", `{a:-0.5e+3}`, false},
		{`"\u00e9\ud83d\ude00\n\"\/"`, "\"é😀\\n\\\"/\"", false},
		{`"\ud800x"`, `"�x"`, false},
		{`"\ud800\u0041"`, `"�A"`, false},
		{`[1, 2,]`, `[2]: invalid JSON at line 1, column 7: unexpected character ']', expected a value`, true},
		{`{"a" 1}`, `(root): invalid JSON at line 1, column 6: unexpected character '1', expected ':' after an object key`, true},
		{`[1 2]`, `[0]: invalid JSON at line 1, column 4: unexpected character '2', expected ',' or ']'`, true},
		{`-`, `(root): invalid JSON at line 1, column 2: invalid number, expected a digit`, true},
		{`1.`, `(root): invalid JSON at line 1, column 3: invalid number, expected a digit after the decimal point`, true},
		{`1e`, `(root): invalid JSON at line 1, column 3: invalid number, expected a digit in the exponent`, true},
		{`"\x"`, `(root): invalid JSON at line 1, column 2: invalid escape \x in a string`, true},
		{`"\u12"`, `(root): invalid JSON at line 1, column 4: invalid \u escape in a string`, true},
		{`{"a": [`, `a[0]: invalid JSON at line 1, column 8: unexpected end of input, expected a value`, true},
		{"{\n\"é\": \xc3}", `["é"]: invalid JSON at line 2, column 6: unexpected invalid UTF-8, expected a value`, true},
		{`{"a b": {"c": 1, "c": 2}}`, `["a b"].c: duplicate key`, true},
		{strings.Repeat("[", 64) + strings.Repeat("]", 64), strings.Repeat("[", 64) + strings.Repeat("]", 64), false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			errs := &errList{}
			root, ok := parseJSONTree([]byte(tt.in), errs)
			if tt.wantErr {
				require.False(t, ok, "no error")
				got := errs.err().Error()
				assert.Equal(t, tt.want, got, "error\n%s\nwant\n%s", got, tt.want)
				return
			}
			require.True(t, ok, "error: %v", errs.err())
			got := rdRenderTree(&root)
			assert.Equal(t, tt.want, got, "got %s want %s", got, tt.want)
		})
	}
}

// rdRenderTree prints a tree compactly for comparisons.
func rdRenderTree(n *jtNode) string {
	switch n.kind {
	case jtNull:
		return "null"
	case jtTrue:
		return "true"
	case jtFalse:
		return "false"
	case jtNumber:
		return n.text
	case jtString:
		return fmt.Sprintf("%q", n.text)
	case jtArray:
		var parts []string
		for i := range n.kids {
			parts = append(parts, rdRenderTree(&n.kids[i]))
		}
		return "[" + strings.Join(parts, " ") + "]"
	default:
		var parts []string
		for i := range n.kids {
			parts = append(parts, n.kids[i].key+":"+rdRenderTree(&n.kids[i]))
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
}

func TestParseJSONTreeDuplicateInLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, `"k%d": %d, `, i, i)
	}
	b.WriteString(`"k3": 0, "k39": 1}`)
	errs := &errList{}
	root, ok := parseJSONTree([]byte(b.String()), errs)
	require.False(t, ok, "duplicates not found")
	got := errs.err().Error()
	assert.Equal(t, "k3: duplicate key\nk39: duplicate key", got, "got %q", got)
	assert.False(t, len(root.kids) != 40 || root.member("k3").text != "3", "the first occurrence must be kept: %d kids", len(root.kids))
}

// TestParseJSONTreeWide checks that a very wide and long document is read
// in one pass (the benchmark measures its speed).
func TestParseJSONTreeWide(t *testing.T) {
	n := 200000
	data := []byte("[" + strings.Repeat(`{"a": "x\u00e9", "b": [1, 2.5]},`, n-1) + `{"a": "", "b": []}]`)
	errs := &errList{}
	root, ok := parseJSONTree(data, errs)
	require.False(t, !ok || len(root.kids) != n, "ok %v, %d items, %v", ok, len(root.kids), errs.err())
}
