package text

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openCounter is an fs.FS that records the files opened through it.
type openCounter struct {
	fs.FS
	opened []string
}

func (o *openCounter) Open(name string) (fs.File, error) {
	o.opened = append(o.opened, name)
	return o.FS.Open(name)
}

// A catalog read from a file system opens the Russian files alone for a
// Russian page (the app reads its catalogs while its first page starts),
// and reads files with CRLF line ends or without a final newline as they
// are written, with a line's number in a problem.
func TestFromFSReadsOneLanguage(t *testing.T) {
	fsys := &openCounter{FS: fstest.MapFS{
		"texts/a.ru.txt": {Data: []byte("# comment\r\nhello(name) = привет, {name}\r\n\r\nkeyonly\r\nlast = последний")},
		"texts/a.en.txt": {Data: []byte("# comment\nhello(name) = hello, {name}\n\nkeyonly\nlast = last\n")},
		"texts/notes.md": {Data: []byte("not a catalog")},
	}}
	c := FromFS(fsys, "texts")
	got, ok := c.Format(RU, "hello", "Аня")
	require.True(t, ok)
	assert.Equal(t, "привет, Аня", got)
	got, ok = c.Format(RU, "last")
	require.True(t, ok)
	assert.Equal(t, "последний", got, "the last line, without a newline")
	assert.Equal(t, []string{"texts", "texts/a.ru.txt"}, fsys.opened, "only the Russian file is read")

	got, ok = c.Format(EN, "hello", "Ann")
	require.True(t, ok)
	assert.Equal(t, "hello, Ann", got)
	assert.ElementsMatch(t, []string{
		"a.en.txt:4: expected `key = text` or `key(params) = text`",
		"a.ru.txt:4: expected `key = text` or `key(params) = text`",
	}, c.Problems(), "a line with a key alone, numbered from 1")
}

// Texts compile on first use; goroutines asking for the same text at once
// get the same result (go test -race checks the sharing).
func TestConcurrentFirstUse(t *testing.T) {
	c := FromFiles(map[string]string{
		"a.ru.txt": "hello(name) = привет, {name}\n",
		"a.en.txt": "hello(name) = hello, {name}\n",
	})
	got := make([]string, 8)
	done := make(chan int)
	for i := range got {
		go func() {
			got[i], _ = c.Format(EN, "hello", "Ann")
			done <- i
		}()
	}
	for range got {
		<-done
	}
	for _, s := range got {
		assert.Equal(t, "hello, Ann", s)
	}
}
