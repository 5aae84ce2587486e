package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportLanguage: the English report writes numbers the English way,
// quotes the file's own (Russian) names and says so, and tells why working
// time pushed a delayed robot; the Russian report keeps its own style.
func TestReportLanguage(t *testing.T) {
	run1 := func(lang string) string {
		var out, errOut bytes.Buffer
		code := run([]string{"run", "--lang", lang, "../../examples/06-roboty-vykhodnye.json"}, &out, &errOut)
		require.Equal(t, 0, code, errOut.String())
		return out.String()
	}
	en := run1("en")
	assert.Contains(t, en, "Names in «» are the scenario file's own, as written there.")
	assert.Contains(t, en, "OPPORTUNITY=56,000 ")
	assert.NotContains(t, en, "56 000")
	assert.Contains(t, en, "created in «Подготовка документов» (PREPARATION)")
	assert.Contains(t, en, "in pipeline «Общая»")
	assert.Contains(t, en, "scheduled for Mon 2026-01-19 09:00 — 2026-01-16 18:30 is not company working time (outside working hours 09:00–18:00; days off in the schedule: 2026-01-17, 2026-01-18)")
	assert.Contains(t, en, "✔ «в выходные сделка ждёт»: DEAL_1")

	ru := run1("ru")
	assert.Contains(t, ru, "OPPORTUNITY=56 000 ")
	assert.Contains(t, ru, "создан на стадии Подготовка документов (PREPARATION)")
	assert.NotContains(t, ru, "Names in")
	assert.Contains(t, ru, "запланирован на пн 2026-01-19 09:00 — 2026-01-16 18:30 — нерабочее время компании (вне рабочих часов 09:00–18:00; выходные по графику: 2026-01-17, 2026-01-18)")
}
