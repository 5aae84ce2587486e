package whatif

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/text"
)

// A recorded event history is a CSV file with the columns time, code,
// target, data (a header row with these names is optional):
//
//	time,code,target,data
//	+2h,CALL,DEAL_1,"{""LINE_NUMBER"": ""74951234567""}"
//	2026-01-13T10:00:00+03:00,MOVE,DEAL_1,"{""stage"": ""WON""}"
//
// time is a scenario time (RFC 3339 or "+offset" from the scenario start),
// code a trigger code, CREATE, UPDATE or MOVE, target as in the scenario's
// events, data a JSON object (empty for none). ReplayCSV checks the shape
// of each row; whether the targets exist is the engine's business when the
// history runs (an unknown target is logged as an error).

// ErrCSV is wrapped by every error of ReplayCSV.
var ErrCSV = errors.New("event history")

// ErrNoEvents is ReplayCSV's error for a history without a single event
// (an empty file, only a header, only blank lines): replaying it would
// silently measure nothing. It satisfies errors.Is(err, ErrCSV) too.
var ErrNoEvents error = noEventsError{}

type noEventsError struct{}

func (noEventsError) Error() string {
	return "the replay file has no events: expected rows time,code,target,data after the optional header"
}
func (noEventsError) Is(target error) bool { return target == ErrCSV }

// CSVError is a problem in one cell of a history.
type CSVError struct {
	Line   int    // 1-based line of the file
	Column string // "time", "code", "target" or "data"; "" for the row
	// Key is the place inside the data column's JSON object that the
	// message is about ("url", "fields.OPPORTUNITY"); "" for the cell.
	Key string
	Msg string // in English, as Error prints it
	// Code and Args say Msg language-neutrally: a key of Texts and its
	// arguments. Reader is the scenario reader's error behind the message
	// (a row is read as a one-event scenario); its message fills the
	// code's last parameter, or is the whole message when Code is "".
	// Text renders them in the interface's language; with neither, the
	// message reads as Msg.
	Code   string
	Args   []string
	Reader *engine.Error
}

// csvErr is a CSVError with a coded message.
func csvErr(line int, column, code string, args ...string) *CSVError {
	msg, _ := Texts.Format(text.EN, code, args...)
	return &CSVError{Line: line, Column: column, Msg: msg, Code: code, Args: args}
}

// Message is the error's message in lang, without its place.
func (e *CSVError) Message(lang string) string {
	args := e.Args
	if e.Reader != nil {
		if e.Code == "" {
			return e.Reader.Message(lang)
		}
		args = append(slices.Clone(args), e.Reader.Message(lang))
	}
	if e.Code != "" {
		if s, ok := Texts.Format(lang, e.Code, args...); ok {
			return s
		}
	}
	return e.Msg
}

// Text renders "line 3, column data, key \"url\": message" in lang.
func (e *CSVError) Text(lang string) string {
	var place string
	switch {
	case e.Column == "":
		place, _ = Texts.Format(lang, "replay.line", strconv.Itoa(e.Line))
	case e.Key != "":
		place, _ = Texts.Format(lang, "replay.key", strconv.Itoa(e.Line), e.Column, quoteShort(e.Key))
	default:
		place, _ = Texts.Format(lang, "replay.cell", strconv.Itoa(e.Line), e.Column)
	}
	return place + ": " + e.Message(lang)
}

// ReplayErrorLines renders every error of ReplayCSV in lang, one per line
// of the file at fault, the last one saying that more exist when the list
// is capped; any other error reads as it was given.
func ReplayErrorLines(err error, lang string) []string {
	var out []string
	var walk func(err error)
	walk = func(err error) {
		var ce *CSVError
		switch {
		case err == errMoreCSV || err == ErrNoEvents:
			key := map[error]string{errMoreCSV: "replay.more", ErrNoEvents: "replay.noEvents"}[err]
			s, _ := Texts.Format(lang, key)
			out = append(out, s)
		case errors.As(err, &ce) && ce == err:
			out = append(out, ce.Text(lang))
		default:
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range j.Unwrap() {
					walk(e)
				}
				return
			}
			out = append(out, err.Error())
		}
	}
	walk(err)
	return out
}

// errMoreCSV closes a capped list of errors.
var errMoreCSV = fmt.Errorf("%w: … and more errors", ErrCSV)

func (e *CSVError) Error() string {
	switch {
	case e.Column == "":
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	case e.Key != "":
		return fmt.Sprintf("line %d, column %s, key %s: %s", e.Line, e.Column, quoteShort(e.Key), e.Msg)
	}
	return fmt.Sprintf("line %d, column %s: %s", e.Line, e.Column, e.Msg)
}

// csvParseError is a line the CSV reader cannot split into cells.
func csvParseError(pe *csv.ParseError) *CSVError {
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		return csvErr(pe.Line, "", "replay.quote")
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return csvErr(pe.Line, "", "replay.bareQuote")
	}
	return &CSVError{Line: pe.Line, Msg: pe.Err.Error()}
}

// quoteShort quotes a piece of the user's file for a message, cut to its
// first 40 characters: a message never echoes a huge key whole.
func quoteShort(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) > most {
		r := []rune(s)
		s = string(r[:most]) + "…"
	}
	return strconv.Quote(s)
}

// Is makes errors.Is(err, ErrCSV) hold.
func (e *CSVError) Is(target error) bool { return target == ErrCSV }

// maxCSVErrors caps how many row errors one read reports.
const maxCSVErrors = 20

var csvColumns = []string{"time", "code", "target", "data"}

// ReplayCSV reads a recorded event history. It returns every row error
// found (up to a cap), joined; each names its line and column.
func ReplayCSV(r io.Reader) ([]engine.Event, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var out []engine.Event
	var errs []error
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, csvParseError(pe))
			} else {
				errs = append(errs, fmt.Errorf("%w: %v", ErrCSV, err))
			}
			break
		}
		line, _ := cr.FieldPos(0)
		if first {
			first = false
			if len(rec) > 0 && strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff")), "time") {
				errs = append(errs, csvHeader(rec, line)...)
				continue
			}
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		ev, rowErrs := csvRow(rec, line)
		errs = append(errs, rowErrs...)
		if len(errs) >= maxCSVErrors {
			errs = append(errs[:maxCSVErrors], errMoreCSV)
			break
		}
		if rowErrs == nil {
			out = append(out, ev)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(out) == 0 {
		return nil, ErrNoEvents
	}
	return out, nil
}

// csvHeader checks a header row: the column names, in order, with data
// optional. A misspelt name would otherwise be taken silently.
func csvHeader(rec []string, line int) []error {
	if len(rec) < 3 || len(rec) > 4 {
		return []error{csvErr(line, "", "replay.headerColumns", strconv.Itoa(len(rec)))}
	}
	var out []error
	for i, name := range rec {
		name = strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))
		if !strings.EqualFold(name, csvColumns[i]) {
			out = append(out, csvErr(line, strconv.Itoa(i+1), "replay.unknownColumn", quoteShort(name), strconv.Quote(csvColumns[i])))
		}
	}
	return out
}

// csvRow checks one row by going through the scenario reader: the row
// becomes a one-event scenario, so a history accepts exactly what a
// scenario's events accept, with the same messages.
func csvRow(rec []string, line int) (engine.Event, []error) {
	if len(rec) < 3 || len(rec) > 4 {
		return engine.Event{}, []error{csvErr(line, "", "replay.columns", strconv.Itoa(len(rec)))}
	}
	ev := map[string]any{
		"at": strings.TrimSpace(rec[0]), "code": strings.TrimSpace(rec[1]), "target": strings.TrimSpace(rec[2]),
	}
	var dataMap map[string]any
	if len(rec) == 4 && strings.TrimSpace(rec[3]) != "" {
		dec := json.NewDecoder(strings.NewReader(rec[3]))
		dec.UseNumber()
		var data any
		err := dec.Decode(&data)
		dataMap, _ = data.(map[string]any)
		if err != nil {
			if se := engine.JSONSyntaxError([]byte(rec[3])); se != nil {
				e := csvErr(line, "data", "replay.dataJSON", se.Message(text.EN))
				e.Args, e.Reader = nil, se
				return engine.Event{}, []error{e}
			}
			return engine.Event{}, []error{csvErr(line, "data", "replay.dataJSON", err.Error())}
		}
		if _, ok := data.(map[string]any); !ok {
			return engine.Event{}, []error{csvErr(line, "data", "replay.dataObject")}
		}
		if dec.More() {
			return engine.Event{}, []error{csvErr(line, "data", "replay.dataMore")}
		}
		ev["data"] = json.RawMessage(strings.TrimSpace(rec[3]))
	}
	// Entities (and the stage a MOVE or CREATE names) are declared from
	// the row itself, so that the row is checked on its own; the run
	// checks it against the real scenario.
	entity := ev["target"].(string)
	if t, _, ok := engine.ParseTarget(entity); ok {
		entity = t
	}
	if !engine.ValidEntityType(entity) {
		entity = "DEAL"
	}
	decl := map[string]any{"type": entity}
	if st, ok := dataMap["stage"].(string); ok && st != "" {
		decl["pipelines"] = []any{map[string]any{"id": 0, "name": "P", "stages": []any{
			map[string]any{"id": st, "name": st, "semantics": "process"},
			map[string]any{"id": st + "_", "name": "S", "semantics": "success"},
		}}}
	}
	entities := []any{decl}
	if parent, ok := dataMap["parent"].(string); ok {
		if t, _, ok := engine.ParseTarget(parent); ok && engine.ValidEntityType(t) && t != entity {
			entities = append(entities, map[string]any{"type": t})
		}
	}
	doc := map[string]any{
		"format": engine.Format, "version": engine.Version,
		"entities": entities,
		"events":   []any{ev},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return engine.Event{}, []error{&CSVError{Line: line, Msg: err.Error()}}
	}
	sc, err := engine.ReadScenario(b.Bytes())
	if err != nil {
		var list engine.Errors
		if !errors.As(err, &list) {
			return engine.Event{}, []error{&CSVError{Line: line, Msg: err.Error()}}
		}
		var out []error
		for _, e := range list {
			col := csvColumn(e.Path)
			out = append(out, &CSVError{Line: line, Column: col, Key: csvKey(col, e.Path), Msg: e.Msg, Reader: e})
		}
		return engine.Event{}, out
	}
	return sc.Events[0], nil
}

// csvColumn maps a scenario path ("events[0].data.stage") to a column.
func csvColumn(path string) string {
	rest := strings.TrimPrefix(path, "events[0]")
	switch {
	case strings.HasPrefix(path, "entities"):
		return "data"
	case strings.HasPrefix(rest, ".at"):
		return "time"
	case strings.HasPrefix(rest, ".code"):
		return "code"
	case strings.HasPrefix(rest, ".target"):
		return "target"
	case strings.HasPrefix(rest, ".data"):
		return "data"
	}
	return ""
}

// csvKey is the place inside the data column a scenario path points to
// ("events[0].data.fields.X" → "fields.X"), "" for the cell itself.
func csvKey(column, path string) string {
	if column != "data" {
		return ""
	}
	rest, ok := strings.CutPrefix(path, "events[0].data")
	if !ok {
		return ""
	}
	return strings.TrimPrefix(rest, ".")
}

// WriteCSV writes events as a history that ReplayCSV reads back.
func WriteCSV(w io.Writer, events []engine.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, ev := range events {
		at := ev.At.Raw
		if at == "" {
			at = ev.At.Abs.Format("2006-01-02T15:04:05Z07:00")
		}
		data := ""
		if len(ev.Data) > 0 {
			b, err := json.Marshal(ev.Data)
			if err != nil {
				return fmt.Errorf("write history: %s %s: %w", ev.Code, ev.Target, err)
			}
			data = string(b)
		}
		if err := cw.Write([]string{at, ev.Code, ev.Target, data}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
