package calibrate_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/calibrate"
)

const rec1 = `{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "7", "CREATED_TIME": "2026-02-02T10:00:00+03:00", "CATEGORY_ID": "0", "STAGE_ID": "NEW", "STAGE_SEMANTIC_ID": "P"}`
const rec2 = `{"ID": 2, "TYPE_ID": 3, "OWNER_ID": 7, "CREATED_TIME": "2026-02-03T12:00:00+03:00", "CATEGORY_ID": 0, "STAGE_ID": "WON", "STAGE_SEMANTIC_ID": "S"}`

func TestParseHistoryForms(t *testing.T) {
	for name, doc := range map[string]string{
		"page":            `{"result": {"items": [` + rec1 + `, ` + rec2 + `]}, "total": 2}`,
		"bare result":     `{"items": [` + rec1 + `, ` + rec2 + `]}`,
		"array of pages":  `[{"result": {"items": [` + rec2 + `]}, "total": 2}, {"result": {"items": [` + rec1 + `]}, "total": 2, "next": 1}]`,
		"bare items":      `[` + rec2 + `, ` + rec1 + `]`,
		"result as array": `{"result": [` + rec1 + `, ` + rec2 + `]}`,
	} {
		t.Run(name, func(t *testing.T) {
			recs, err := calibrate.ParseHistory([]byte(doc), "H.json")
			require.NoError(t, err)
			require.Len(t, recs, 2)
			ids := map[int]bool{recs[0].ID: true, recs[1].ID: true}
			require.Equal(t, map[int]bool{1: true, 2: true}, ids)
			for _, r := range recs {
				require.Equal(t, 7, r.Owner)
				_, off := r.At.Zone()
				require.Equal(t, 3*3600, off)
			}
		})
	}
	recs, err := calibrate.ParseHistory([]byte(`[{"ID": "5", "TYPE_ID": "2", "OWNER_ID": "3", "CREATED_TIME": "2026-02-02T10:00:00+05:00", "STATUS_ID": "IN_PROCESS", "STATUS_SEMANTIC_ID": "P"}]`), "L.json")
	require.NoError(t, err)
	require.True(t, recs[0].Lead)
	require.Equal(t, "IN_PROCESS", recs[0].Stage)
	recs, err = calibrate.ParseHistory([]byte(`[]`), "E.json")
	require.NoError(t, err)
	require.Empty(t, recs)
}

func TestParseHistoryErrors(t *testing.T) {
	deep := strings.Repeat("[", 65) + strings.Repeat("]", 65)
	for doc, want := range map[string]string{
		`{"result": {"items": [` + rec1 + `, {"ID": "2", "TYPE_ID": "2", "OWNER_ID": "7", "CREATED_TIME": "3 февраля", "STAGE_ID": "WON"}]}}`: `H.json: result.items[1].CREATED_TIME: expected an ISO 8601 time with its offset such as "2026-01-12T09:30:00+03:00", got the string "3 февраля"`,
		`[{"result": {"items": [{"ID": "2", "TYPE_ID": "4", "OWNER_ID": "7", "CREATED_TIME": "2026-02-03T12:00:00Z", "STAGE_ID": "WON"}]}}]`:  `H.json: [0].result.items[0].TYPE_ID: expected 1 (created), 2 (moved), 3 (moved to a final stage) or 5 (moved to another pipeline), got 4`,
		`[{"ID": "x", "TYPE_ID": "1"}]`: `H.json: [0].ID: expected a whole number ≥ 0, got the string "x"`,
		`[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "7", "CREATED_TIME": "2026-02-03T12:00:00Z"}]`:   `H.json: [0]: expected STAGE_ID (deals, invoices, smart processes) or STATUS_ID (leads)`,
		`[{"ID": "1", "TYPE_ID": "1", "CREATED_TIME": "2026-02-03T12:00:00Z", "STAGE_ID": "NEW"}]`: `H.json: [0].OWNER_ID: missing`,
		`[1, 2]`: `H.json: [0]: expected an item object, got the number 1`,
		`{"error": "ACCESS_DENIED", "error_description": "Access denied"}`: `H.json: (top level): the REST call failed: error ACCESS_DENIED Access denied`,
		`{"result": {"stages": []}}`:                                       `H.json: result: expected a REST response {"result": {"items": [...]}}, an array of pages or an array of items; got an object with keys "stages"`,
		`{"result": {"items": [}`:                                          `H.json:1:23: not valid JSON`,
		deep:                                                               `H.json: nested deeper than 64 levels`,
		`"x"`:                                                              `H.json: (top level): expected a REST response, an array of pages or an array of items, got the string "x"`,
	} {
		_, err := calibrate.ParseHistory([]byte(doc), "H.json")
		require.True(t, errors.Is(err, calibrate.ErrInvalid), "%s: %v", doc, err)
		require.ErrorContains(t, err, want)
	}
	big := make([]byte, calibrate.MaxFileBytes+1)
	_, err := calibrate.ParseHistory(big, "big.json")
	require.ErrorContains(t, err, "big.json: the file is 52428801 bytes; at most 50 MB")
}

func TestParseFields(t *testing.T) {
	fs, err := calibrate.ParseFields([]byte(`[{"result": [{"ID": "7", "OPPORTUNITY": "1500.50", "SOURCE_ID": "WEB", "ASSIGNED_BY_ID": "3"}], "total": 2, "next": 1},
	  {"result": {"items": [{"id": 8, "opportunity": 99, "sourceId": "CALL", "assignedById": 1}]}}]`), "D.json")
	require.NoError(t, err)
	require.Len(t, fs, 2)
	require.Equal(t, 1500.5, *fs[0].Opportunity)
	require.Equal(t, "CALL", fs[1].Source)
	require.Equal(t, 1, fs[1].Assigned)
	_, err = calibrate.ParseFields([]byte(`[{"ID": "7", "OPPORTUNITY": "много"}]`), "D.json")
	require.ErrorContains(t, err, `D.json: [0].OPPORTUNITY: expected an amount, got the string "много"`)
}

func TestBuildErrors(t *testing.T) {
	g := processes[0].generate(1)
	in := input(g)
	in.Histories = []calibrate.File{{Name: "H.json", Data: []byte(`[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "7", "CREATED_TIME": "2026-02-02T10:00:00+03:00", "CATEGORY_ID": "3", "STAGE_ID": "C3:NEW"}]`)}}
	_, err := calibrate.Build(in)
	require.ErrorContains(t, err, `H.json: [0].STAGE_ID: "C3:NEW" is not a stage of the crm.status.list output`)
	in.Histories = []calibrate.File{{Name: "L.json", Data: []byte(`[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "7", "CREATED_TIME": "2026-02-02T10:00:00+03:00", "STATUS_ID": "NEW"}]`)}}
	_, err = calibrate.Build(in)
	require.ErrorContains(t, err, `L.json: [0]: a lead (STATUS_ID "NEW") but the crm.status.list output has no lead statuses`)
	in.Histories = []calibrate.File{{Name: "E.json", Data: []byte(`[]`)}}
	_, err = calibrate.Build(in)
	require.ErrorContains(t, err, "the history files hold no records")
	in.Statuses.Data = []byte(`{"result": []}`)
	_, err = calibrate.Build(in)
	require.ErrorIs(t, err, calibrate.ErrInvalid)
	require.ErrorContains(t, err, "C.json, S.json:")
}

// TestLeadsAndCensoring calibrates a tiny lead history by hand: of five
// leads, two were converted after a day, one was junked after two days
// and one is still open after ten days. The open one is censored: the
// stage keeps a share that stays rather than counting it as a fifth way
// out, and it does not shorten the times of the others.
func TestLeadsAndCensoring(t *testing.T) {
	statuses := `{"result": [
	  {"ID": "1", "ENTITY_ID": "STATUS", "STATUS_ID": "NEW", "NAME": "Не обработан", "SORT": "10", "SEMANTICS": null},
	  {"ID": "2", "ENTITY_ID": "STATUS", "STATUS_ID": "CONVERTED", "NAME": "Сконвертирован", "SORT": "20", "SEMANTICS": "S"},
	  {"ID": "3", "ENTITY_ID": "STATUS", "STATUS_ID": "JUNK", "NAME": "Некачественный", "SORT": "30", "SEMANTICS": "F"}]}`
	hist := `[
	  {"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+05:00", "STATUS_ID": "NEW"},
	  {"ID": "2", "TYPE_ID": "3", "OWNER_ID": "1", "CREATED_TIME": "2026-03-03T10:00:00+05:00", "STATUS_ID": "CONVERTED"},
	  {"ID": "3", "TYPE_ID": "1", "OWNER_ID": "2", "CREATED_TIME": "2026-03-02T11:00:00+05:00", "STATUS_ID": "NEW"},
	  {"ID": "4", "TYPE_ID": "3", "OWNER_ID": "2", "CREATED_TIME": "2026-03-03T11:00:00+05:00", "STATUS_ID": "CONVERTED"},
	  {"ID": "5", "TYPE_ID": "1", "OWNER_ID": "3", "CREATED_TIME": "2026-03-02T12:00:00+05:00", "STATUS_ID": "NEW"},
	  {"ID": "6", "TYPE_ID": "3", "OWNER_ID": "3", "CREATED_TIME": "2026-03-04T12:00:00+05:00", "STATUS_ID": "JUNK"},
	  {"ID": "7", "TYPE_ID": "1", "OWNER_ID": "4", "CREATED_TIME": "2026-03-02T13:00:00+05:00", "STATUS_ID": "NEW"},
	  {"ID": "8", "TYPE_ID": "1", "OWNER_ID": "5", "CREATED_TIME": "2026-03-12T13:00:00+05:00", "STATUS_ID": "NEW"}]`
	c, err := calibrate.Build(calibrate.Input{Statuses: calibrate.File{Name: "S.json", Data: []byte(statuses)},
		Histories: []calibrate.File{{Name: "L.json", Data: []byte(hist)}}, Locale: "en"})
	require.NoError(t, err)
	w := c.Scenario.WhatIf
	require.Equal(t, 11, w.Days)
	require.Equal(t, "2026-03-02T00:00:00+05:00", c.Scenario.StartRaw, "the history's own time zone")
	require.Len(t, w.Flows, 1)
	f := w.Flows[0]
	require.Equal(t, "LEAD", f.Entity)
	// Aalen–Johansen: lead 5 arrived with the last record, so it is at
	// risk for no time; four at risk at 1 day, two exits (share 2/4); two
	// at risk at 2 days, one exit (1/2 · 1/2 = 1/4); lead 4, open after
	// ten days, leaves 1/4 that stays beyond the history.
	require.Equal(t, "CONVERTED", f.Next[0].Stage)
	require.InDelta(t, 0.5, f.Next[0].Share, 1e-9)
	require.Equal(t, []string{"1d", "1d"}, f.Next[0].After)
	require.Equal(t, "JUNK", f.Next[1].Stage)
	require.InDelta(t, 0.25, f.Next[1].Share, 1e-9)
	require.True(t, f.Next[2].Stay)
	require.InDelta(t, 0.25, f.Next[2].Share, 1e-9)
	rep, err := c.Fit(context.Background(), 3, 1)
	require.NoError(t, err)
	require.Equal(t, 5, rep.Arrivals[0].Observed)
}

func FuzzParseHistory(f *testing.F) {
	f.Add([]byte(`{"result": {"items": [` + rec1 + `]}}`))
	f.Add([]byte(`[` + rec1 + `, ` + rec2 + `]`))
	f.Add([]byte(`[{"result": {"items": []}}]`))
	f.Add([]byte(`[[[[{"ID": 1}]]]]`))
	f.Add([]byte(`{"items": [{"ID": "1", "TYPE_ID": "5", "OWNER_ID": "2", "CREATED_TIME": "2026-02-02T10:00:00Z", "STATUS_ID": "\u0000"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := calibrate.ParseHistory(data, "F.json")
		if err != nil {
			require.ErrorIs(t, err, calibrate.ErrInvalid, "error without ErrInvalid: %v", err)
			require.True(t, strings.HasPrefix(err.Error(), calibrate.ErrInvalid.Error()+": F.json"), "error does not name the file: %v", err)
			return
		}
		for _, r := range recs {
			require.False(t, r.Stage == "" || r.At.IsZero(), "record without stage or time: %+v", r)
		}
	})
}
