package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFlagsParse(t *testing.T) {
	f := flags{switches: set("json"), values: set("lang", "o")}
	tests := []struct {
		name    string
		args    []string
		rest    []string
		got     []string
		wantErr string
	}{
		{"value as the next argument", []string{"run", "--lang", "en", "x.json"}, []string{"run", "x.json"}, []string{"lang=en"}, ""},
		{"value after =", []string{"-lang=ru", "x"}, []string{"x"}, []string{"lang=ru"}, ""},
		{"switch", []string{"--json", "-", "-o", "out"}, []string{"-"}, []string{"json=", "o=out"}, ""},
		{"value missing", []string{"x", "--lang"}, nil, nil, "--lang needs a value"},
		{"unknown", []string{"--bogus=1"}, nil, nil, "unknown flag --bogus=1"},
		{"help", []string{"x", "-h", "--bogus"}, nil, nil, "help"},
		{"set refuses", []string{"--lang", "de"}, nil, nil, `--lang must be ru or en, got "de"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			lang := ""
			rest, err := f.parse(tt.args, func(name, value string) error {
				if name == "lang" {
					if err := setLang(&lang, value); err != nil {
						return err
					}
				}
				got = append(got, name+"="+value)
				return nil
			})
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.rest, rest)
			assert.Equal(t, tt.got, got)
		})
	}
}
