// Package export writes what a user takes out of triggersim — the scenario
// file, the result of a run, the log as a spreadsheet — and guards what
// comes in (CheckImport). It is plain Go: the CLI, tests and the browser
// app share it, and the app only hands the bytes to a download.
package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/triggersim/triggersim/engine"
)

// ScenarioJSON renders a scenario as its file (docs/scenario-format.md):
// indented, keys in the documented order, the same bytes on every call.
func ScenarioJSON(sc *engine.Scenario) ([]byte, error) {
	if sc == nil {
		return nil, errors.New("export scenario: no scenario")
	}
	out, err := engine.WriteScenario(sc)
	if err != nil {
		return nil, fmt.Errorf("export scenario: %w", err)
	}
	return out, nil
}

// ResultJSON renders the result of a run in the result format, as
// `triggersim run --json` prints it.
func ResultJSON(res *engine.Result) ([]byte, error) {
	if res == nil {
		return nil, errors.New("export result: no result")
	}
	out, err := engine.MarshalResult(res)
	if err != nil {
		return nil, fmt.Errorf("export result: %w", err)
	}
	return out, nil
}

// logColumns are the CSV columns, with their headers in Russian and English.
var logColumns = []struct{ ru, en string }{
	{"№", "Seq"},
	{"Время", "Time"},
	{"Событие сценария", "Script event"},
	{"Тип", "Type"},
	{"Элемент", "Target"},
	{"Код", "Code"},
	{"Из стадии", "From"},
	{"В стадию", "To"},
	{"Триггер", "Trigger"},
	{"Робот", "Robot"},
	{"Статус", "Status"},
	{"Кем", "By"},
	{"Срок", "Due"},
	{"Причина", "Reason"},
}

// utf8BOM starts the CSV so that Excel, which consultants open it with,
// reads the Cyrillic text as UTF-8; other readers ignore it or strip it.
const utf8BOM = "\ufeff"

// LogCSV renders a run's log as CSV (RFC 4180: comma-separated, quoted
// where needed, CRLF line ends) with a header row in lang ("en", otherwise
// Russian), for a spreadsheet. Columns: seq, at, event, type, target, code,
// from, to, trigger, robot, status, by, due, reason. A text cell that a
// spreadsheet would take for a formula (starting with =, +, -, @, a tab or
// a carriage return) is prefixed with a single quote, so that a crafted item
// title cannot run a formula on the consultant's machine.
func LogCSV(log []engine.LogEntry, lang string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	header := make([]string, len(logColumns))
	for i, c := range logColumns {
		header[i] = c.ru
		if lang == "en" {
			header[i] = c.en
		}
	}
	if err := w.Write(header); err != nil {
		return nil, fmt.Errorf("export log: %w", err)
	}
	for _, e := range log {
		by := ""
		if e.By != nil {
			by = strconv.Itoa(*e.By)
		}
		event := ""
		if e.Event >= 0 {
			event = strconv.Itoa(e.Event)
		}
		row := []string{
			strconv.Itoa(e.Seq), safeCell(e.At), event, safeCell(e.Type), safeCell(e.Target), safeCell(e.Code),
			safeCell(e.From), safeCell(e.To), safeCell(e.Trigger), safeCell(e.Robot), safeCell(e.Status),
			by, safeCell(e.Due), safeCell(reasonText(e)),
		}
		if err := w.Write(row); err != nil {
			return nil, fmt.Errorf("export log: entry %d: %w", e.Seq, err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("export log: %w", err)
	}
	return buf.Bytes(), nil
}

// reasonText is the entry's reason, or its text for the entry types that
// carry one instead (notes, errors, outbox), or its cycle for a loop.
func reasonText(e engine.LogEntry) string {
	parts := []string{}
	if e.Reason != "" {
		parts = append(parts, e.Reason)
	}
	if e.Text != "" {
		parts = append(parts, e.Text)
	}
	if len(e.Cycle) > 0 {
		parts = append(parts, strings.Join(e.Cycle, " → "))
	}
	return strings.Join(parts, "; ")
}

// safeCell defuses a cell that a spreadsheet would evaluate.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// MaxImport is the largest file CheckImport lets through, in bytes. The
// biggest realistic scenario (10 000 items) is about 1.5 MB.
const MaxImport = 50_000_000

// ErrTooLarge is CheckImport's error for a file over MaxImport.
var ErrTooLarge = errors.New("file too large")

// CheckImport refuses, before any parsing, a file that cannot be a
// scenario: an empty one, or one over MaxImport bytes (which would freeze
// the tab). Deep nesting, duplicate ids and wrong types are reported by
// engine.ReadScenario with their JSON paths.
func CheckImport(data []byte) error {
	switch {
	case len(data) > MaxImport:
		return fmt.Errorf("import: the file is %.1f MB, more than the %d MB a scenario may have; is it the right file? %w",
			float64(len(data))/1e6, MaxImport/1_000_000, ErrTooLarge)
	case len(bytes.TrimSpace(data)) == 0:
		return errors.New("import: the file is empty")
	}
	return nil
}

// FileName returns a download file name made of a scenario title and an
// extension such as ".json" or ".csv": characters that file systems refuse
// become "_", and an empty title becomes "scenario".
func FileName(title, ext string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(title) {
		switch {
		case strings.ContainsRune(`<>:"/\|?*`, r), unicode.IsControl(r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Trim(b.String(), ". ")
	if name == "" {
		name = "scenario"
	}
	if r := []rune(name); len(r) > 100 {
		name = strings.TrimSpace(string(r[:100]))
	}
	return name + ext
}
