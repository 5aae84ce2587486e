package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/app/i18n"
)

// elementTable is a table's body as go-app built it cell by cell before
// whatifTableHTML: the markup must give the same elements.
func elementTable(lang string, t charts.Table) app.UI {
	if len(t.Rows) == 0 {
		msg := "whatif.chart.empty"
		switch t.Name {
		case "loops":
			msg = "whatif.noLoops"
		case "no-move-reasons":
			msg = "whatif.noReasons"
		}
		return app.Elem("p").Class("whatif__hint").Text(i18n.T(lang, msg))
	}
	num := func(j int) string {
		if j < len(t.Numeric) && t.Numeric[j] {
			return "whatif__num"
		}
		return ""
	}
	return app.Elem("div").Class("whatif__table-scroll").Body(
		app.Elem("table").Class("whatif__table").Body(
			app.Elem("thead").Body(app.Elem("tr").Body(
				app.Range(t.Head).Slice(func(j int) app.UI { return app.Elem("th").Attr("scope", "col").Class(num(j)).Text(t.Head[j]) }),
			)),
			app.Elem("tbody").Body(
				app.Range(t.Rows).Slice(func(i int) app.UI {
					row := t.Rows[i]
					return app.Elem("tr").Body(
						app.Range(row).Slice(func(j int) app.UI {
							if j == 0 {
								return app.Elem("th").Attr("scope", "row").Text(row[j])
							}
							return app.Elem("td").Class(num(j)).Text(row[j])
						}),
					)
				}),
			),
		),
	)
}

// elementNever is the list of what never fired or ran as go-app built it
// before whatifNeverHTML.
func elementNever(lang, key string, ids []string, name func(string) string) app.UI {
	return app.Elem("p").Class("whatif__never").Body(
		app.Elem("strong").Text(i18n.T(lang, key)+" "),
		app.Range(ids).Slice(func(i int) app.UI {
			return app.Elem("span").Class("whatif__never-item").Text(name(ids[i]))
		}),
	)
}

// goappHTML prints an element tree the way the markup is written: no
// whitespace between tags, the scope before the class.
func goappHTML(ui app.UI) string {
	s := regexp.MustCompile(`>\s+<`).ReplaceAllString(app.HTMLString(ui), "><")
	s = regexp.MustCompile(`<(th|td) class="([^"]*)" scope="([^"]*)"`).ReplaceAllString(s, `<$1 scope="$3" class="$2"`)
	return strings.TrimSpace(s)
}

func TestWhatifTableHTML(t *testing.T) {
	_, ka := whatifRun(t, "11-whatif-schet-7dney.json", nil)
	sa, _ := whatifRun(t, "11-whatif-schet-7dney.json", nil)
	tests := []struct {
		name  string
		table charts.Table
		want  string
	}{
		{"empty loops", charts.Table{Name: "loops", Head: []string{"a"}}, `<p class="whatif__hint">` + i18n.T("en", "whatif.noLoops") + `</p>`},
		{"empty reasons", charts.Table{Name: "no-move-reasons"}, ""},
		{"empty other", charts.Table{Name: "stages"}, ""},
		{"text is text, numbers right-aligned", charts.Table{Name: "stages", Head: []string{"Stage", "n"}, Numeric: []bool{false, true},
			Rows: [][]string{{`<b>New</b> & "x"`, "1 024"}, {"Won", "3"}}},
			`<div class="whatif__table-scroll"><table class="whatif__table"><thead><tr><th scope="col">Stage</th><th scope="col" class="whatif__num">n</th></tr></thead>` +
				`<tbody><tr><th scope="row">&lt;b&gt;New&lt;/b&gt; &amp; &#34;x&#34;</th><td class="whatif__num">1 024</td></tr>` +
				`<tr><th scope="row">Won</th><td class="whatif__num">3</td></tr></tbody></table></div>`},
		{"fewer numeric marks than columns", charts.Table{Name: "robots", Head: []string{"a", "b", "c"}, Numeric: []bool{false},
			Rows: [][]string{{"x", "y", "z"}}}, ""},
	}
	for _, tb := range charts.Tables(ka, sa, "en", false) {
		tests = append(tests, struct {
			name  string
			table charts.Table
			want  string
		}{"example " + tb.Name, tb, ""})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := whatifTableHTML("en", tt.table)
			if tt.want != "" {
				assert.Equal(t, tt.want, got)
			}
			assert.Equal(t, goappHTML(elementTable("en", tt.table)), got, "the elements go-app built")
		})
	}
}

func TestWhatifNeverHTML(t *testing.T) {
	name := func(id string) string { return map[string]string{"t1": "Call <1>", "t2": "Mail & co"}[id] }
	got := whatifNeverHTML("en", "whatif.neverFired", []string{"t1", "t2"}, name)
	assert.Equal(t, `<p class="whatif__never"><strong>`+i18n.T("en", "whatif.neverFired")+` </strong>`+
		`<span class="whatif__never-item">Call &lt;1&gt;</span><span class="whatif__never-item">Mail &amp; co</span></p>`, got)
	assert.Equal(t, goappHTML(elementNever("en", "whatif.neverFired", []string{"t1", "t2"}, name)), got, "the elements go-app built")
}

// The page keeps the markup of every table of a run, in the run's
// language, and what never fired under the triggers' table.
func TestWhatifResultsTableMarkup(t *testing.T) {
	sa, ka := whatifRun(t, "11-whatif-schet-7dney.json", nil)
	for _, lang := range []string{"ru", "en"} {
		got := whatifResults(lang, sa, ka, nil, nil, nil)
		require.Len(t, got.tablesHTML, len(got.tablesA))
		require.Len(t, got.neverHTML, len(got.tablesA))
		for i, tb := range got.tablesA {
			assert.Equal(t, whatifTableHTML(lang, tb), got.tablesHTML[i], tb.Name)
			switch {
			case tb.Name == "triggers" && len(ka.NeverFired) > 0:
				assert.Contains(t, got.neverHTML[i], i18n.T(lang, "whatif.neverFired"))
			case tb.Name == "robots" && len(ka.NeverRan) > 0:
				assert.Contains(t, got.neverHTML[i], i18n.T(lang, "whatif.neverRan"))
			default:
				assert.Empty(t, got.neverHTML[i], tb.Name)
			}
		}
	}
}
