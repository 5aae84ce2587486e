package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func leb(n int) []byte {
	var b []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func str(s string) []byte { return append(leb(len(s)), s...) }

func section(id byte, body ...[]byte) []byte {
	b := bytes.Join(body, nil)
	return append(append([]byte{id}, leb(len(b))...), b...)
}

// module is a hand-made wasm binary: one imported function, one imported
// memory, two bodies (3 and 200 bytes), 10 data bytes and a name section
// naming the import and the second body only.
func module() []byte {
	imports := section(2, leb(2),
		str("go"), str("debug"), []byte{0}, leb(0),
		str("env"), str("mem"), []byte{2, 1}, leb(1), leb(2))
	code := section(10, leb(2),
		leb(3), []byte{0, 0, 0x0b},
		leb(200), make([]byte, 200))
	data := section(11, make([]byte, 10))
	names := section(1, leb(2), leb(0), str("go.debug"), leb(2), str("github.com_x_y_pkg.(*T).M"))
	custom := section(0, str("name"), names)
	return bytes.Join([][]byte{[]byte("\x00asm\x01\x00\x00\x00"), imports, code, data, custom}, nil)
}

func TestParse(t *testing.T) {
	m, err := Parse(module())
	require.NoError(t, err)
	assert.Equal(t, []Func{{Name: "func1", Size: 3}, {Name: "github.com_x_y_pkg.(*T).M", Size: 200}}, m.Funcs)
	assert.Equal(t, 203, m.Code)
	assert.Equal(t, 10, m.Data)
}

func TestParseRejects(t *testing.T) {
	_, err := Parse([]byte("not wasm"))
	require.ErrorIs(t, err, ErrFormat)
	b := module()
	_, err = Parse(b[:len(b)-3])
	require.ErrorIs(t, err, ErrFormat)
}

func TestPackage(t *testing.T) {
	for name, want := range map[string]string{
		"github.com_triggersim_triggersim_app_ui.__AuthorPage_.Render": "github.com_triggersim_triggersim_app_ui",
		"encoding_json.__decodeState_.literalStore":                    "encoding_json",
		"runtime.initMetrics":                                          "runtime",
		"unicode.map.init.2":                                           "unicode",
		"go.debug":                                                     "go",
		"_rt0_wasm_js":                                                 "_rt0_wasm_js",
	} {
		assert.Equal(t, want, Package(name), name)
	}
}

func TestReport(t *testing.T) {
	m, err := Parse(module())
	require.NoError(t, err)
	var buf bytes.Buffer
	m.Report(&buf, 1)
	assert.Equal(t, "code 203 bytes in 2 functions, data 10 bytes\n"+
		"-- code by package\n      200 github.com_x_y_pkg\n"+
		"-- largest functions\n      200 github.com_x_y_pkg.(*T).M\n", buf.String())
}
