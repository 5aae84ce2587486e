package charts

import (
	"bytes"
	"strconv"
	"strings"
)

// CSV writes a table as RFC 4180 CSV for spreadsheets: CRLF line ends,
// fields quoted when they hold a comma, quote or line break, and a UTF-8
// byte order mark so that Excel reads Cyrillic correctly. A text cell that
// starts like a formula (=, +, -, @, tab, carriage return) is prefixed with
// an apostrophe, so a stage or trigger name from a file cannot run as a
// formula (CSV injection); plain numbers such as -5 are left as they are.
func CSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	for _, row := range rows {
		for i, cell := range row {
			if i > 0 {
				b.WriteByte(',')
			}
			cell = defuse(cell)
			if strings.ContainsAny(cell, ",\"\r\n") {
				b.WriteByte('"')
				b.WriteString(strings.ReplaceAll(cell, `"`, `""`))
				b.WriteByte('"')
			} else {
				b.WriteString(cell)
			}
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

func defuse(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(cell, 64); err == nil {
			return cell
		}
		return "'" + cell
	}
	return cell
}
