package wasmdata

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// A stack trace's frame: the function's name and its arguments, or
// "created by" a function "in goroutine" N; then its place, which a
// stripped module prints as ?:0 (and +0x<offset> for a function that was
// not inlined there).
var (
	frameLine   = regexp.MustCompile(`^(?:created by )?(\S.*?)(?:\([^()]*\)| in goroutine \d+)$`)
	unknownLine = regexp.MustCompile(`^\t\?:0(?: \+0x([0-9a-f]+))?$`)
)

// Symbolize copies a stack trace from r to w with the files and lines s
// knows: every frame the runtime printed with its PC offset gets its file
// and line; for a group of frames inlined into one function (printed
// without offsets, the function last) the file and line of the PC go on
// the group's first frame, the innermost, and the others stay ?:0.
func (syms *Symbols) Symbolize(w io.Writer, r io.Reader) error {
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading the trace: %w", err)
	}
	first := -1 // the location line of the group's first frame
	for i := 1; i < len(lines); i++ {
		m := unknownLine.FindStringSubmatch(lines[i])
		f := frameLine.FindStringSubmatch(lines[i-1])
		if m == nil {
			if !frameLine.MatchString(lines[i]) {
				first = -1
			}
			continue
		}
		if f == nil {
			first = -1
			continue
		}
		if first < 0 {
			first = i
		}
		if m[1] == "" { // inlined: the offset comes with the group's last frame
			continue
		}
		off, err := strconv.ParseUint(m[1], 16, 64)
		if err != nil {
			first = -1
			continue
		}
		name := f[1]
		if name == "panic" {
			name = "runtime.gopanic"
		}
		if file, line, ok := syms.Where(name, off); ok {
			if first == i {
				lines[i] = fmt.Sprintf("\t%s:%d +0x%s", file, line, m[1])
			} else {
				lines[first] = fmt.Sprintf("\t%s:%d", file, line)
			}
		}
		first = -1
	}
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
