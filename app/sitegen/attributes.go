package sitegen

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
)

// attr is one attribute of a start tag as go-app writes it: a name and,
// unless the attribute is boolean, a Go-quoted value.
type attr struct {
	name   string
	quoted string // including the quotes; "" for a boolean attribute
}

// SortAttributes returns doc with the attributes of every start tag sorted
// by name.
//
// go-app writes the attributes of an element by ranging over a map, so two
// renderings of the same page differ in attribute order. Sorting makes the
// output reproducible. The parser only understands go-app's encoder output:
// attribute values quoted with strconv.Quote, text HTML-escaped (so a '<'
// followed by a letter always opens a tag). Content of <script> and <style>
// elements is copied as is.
func SortAttributes(doc []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(doc))
	for i := 0; i < len(doc); {
		lt := bytes.IndexByte(doc[i:], '<')
		if lt < 0 {
			out.Write(doc[i:])
			break
		}
		out.Write(doc[i : i+lt])
		i += lt
		if i+1 >= len(doc) || !isLetter(doc[i+1]) {
			out.WriteByte('<')
			i++
			continue
		}
		name, attrs, selfClosing, n, err := parseStartTag(doc[i:])
		if err != nil {
			return nil, fmt.Errorf("byte %d: %w", i, err)
		}
		i += n
		writeStartTag(&out, name, attrs, selfClosing)
		if name == "script" || name == "style" {
			end := bytes.Index(doc[i:], []byte("</"+name))
			if end < 0 {
				return nil, fmt.Errorf("byte %d: <%s> is not closed", i, name)
			}
			out.Write(doc[i : i+end])
			i += end
		}
	}
	return out.Bytes(), nil
}

// parseStartTag parses "<name attr=\"v\" flag>" at the start of b and
// returns its parts and its length in bytes.
func parseStartTag(b []byte) (name string, attrs []attr, selfClosing bool, n int, err error) {
	i := 1
	start := i
	for i < len(b) && isNameByte(b[i]) {
		i++
	}
	name = string(b[start:i])
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return "", nil, false, 0, fmt.Errorf("<%s> is not closed", name)
		}
		switch {
		case b[i] == '>':
			return name, attrs, selfClosing, i + 1, nil
		case b[i] == '/':
			selfClosing = true
			i++
			continue
		}
		start := i
		for i < len(b) && b[i] != '=' && b[i] != '>' && b[i] != '/' && !isSpace(b[i]) {
			i++
		}
		a := attr{name: string(b[start:i])}
		if a.name == "" {
			return "", nil, false, 0, fmt.Errorf("<%s>: unexpected %q", name, b[i])
		}
		if i < len(b) && b[i] == '=' {
			i++
			quoted, err := strconv.QuotedPrefix(string(b[i:]))
			if err == nil && quoted[0] != '"' {
				err = fmt.Errorf("want a double-quoted string")
			}
			if err != nil {
				return "", nil, false, 0, fmt.Errorf("<%s %s=…>: value is not Go-quoted: %w", name, a.name, err)
			}
			a.quoted = quoted
			i += len(quoted)
		}
		attrs = append(attrs, a)
	}
}

func writeStartTag(out *bytes.Buffer, name string, attrs []attr, selfClosing bool) {
	sort.SliceStable(attrs, func(i, j int) bool { return attrs[i].name < attrs[j].name })
	out.WriteByte('<')
	out.WriteString(name)
	for _, a := range attrs {
		out.WriteByte(' ')
		out.WriteString(a.name)
		if a.quoted != "" {
			out.WriteByte('=')
			out.WriteString(a.quoted)
		}
	}
	if selfClosing {
		out.WriteString("/")
	}
	out.WriteByte('>')
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isNameByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '-' }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
