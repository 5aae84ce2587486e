package engine

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stageIDs(p Pipeline) string {
	ids := make([]string, len(p.Stages))
	for i, s := range p.Stages {
		ids[i] = s.ID
	}
	return strings.Join(ids, " ")
}

func TestDefaultPipelineIDs(t *testing.T) {
	tests := []struct {
		typ  string
		id   int
		want string
	}{
		{"LEAD", 0, "NEW IN_PROCESS PROCESSED CONVERTED JUNK"},
		{"DEAL", 0, "NEW PREPARATION PREPAYMENT_INVOICE EXECUTING FINAL_INVOICE WON LOSE APOLOGY"},
		{"DEAL", 3, "C3:NEW C3:PREPARATION C3:PREPAYMENT_INVOICE C3:EXECUTING C3:FINAL_INVOICE C3:WON C3:LOSE C3:APOLOGY"},
		{"QUOTE", 0, "DRAFT SENT APPROVED DECLAINED APOLOGY"},
		{"SMART_INVOICE", 0, "DT31_0:N DT31_0:S DT31_0:P DT31_0:D"},
		{"SMART_INVOICE", 5, "DT31_5:N DT31_5:S DT31_5:P DT31_5:D"},
		{"ORDER", 0, "N P F D"},
		{"DYNAMIC_128", 0, "DT128_0:NEW DT128_0:PREPARATION DT128_0:CLIENT DT128_0:SUCCESS DT128_0:FAIL"},
		{"DYNAMIC_1030", 2, "DT1030_2:NEW DT1030_2:PREPARATION DT1030_2:CLIENT DT1030_2:SUCCESS DT1030_2:FAIL"},
		{"CONTACT", 0, ""},
	}
	for _, tt := range tests {
		p := DefaultPipeline(tt.typ, "ru", tt.id)
		got := stageIDs(p)
		assert.Equal(t, tt.want, got, "DefaultPipeline(%s, %d) ids = %q, want %q", tt.typ, tt.id, got, tt.want)
		assert.Equal(t, tt.id, p.ID, "DefaultPipeline(%s, %d).ID = %d", tt.typ, tt.id, p.ID)
	}
}

// Each default pipeline is valid by the scenario rules: process stages,
// then exactly one success stage, then failure stages; colours #RRGGBB;
// ids of allowed characters and length.
func TestDefaultPipelineSemantics(t *testing.T) {
	color := regexp.MustCompile(`^#[0-9A-F]{6}$`)
	idRe := regexp.MustCompile(`^[A-Za-z0-9_:-]{1,50}$`)
	for _, typ := range []string{"LEAD", "DEAL", "QUOTE", "SMART_INVOICE", "ORDER", "DYNAMIC_128", "DYNAMIC_1030"} {
		for _, locale := range []string{"ru", "en"} {
			for _, id := range []int{0, 1} {
				p := DefaultPipeline(typ, locale, id)
				phase := 0 // 0 process, 1 success seen, 2 failures
				successes := 0
				for _, s := range p.Stages {
					switch s.Semantics {
					case Process:
						assert.EqualValues(t, 0, phase, "%s: process stage %s after success", typ, s.ID)
					case Success:
						successes++
						phase = 1
					case Failure:
						assert.NotEqualValues(t, 0, phase, "%s: failure stage %s before success", typ, s.ID)
						phase = 2
					default:
						assert.Fail(t, fmt.Sprintf("%s: stage %s semantics %q", typ, s.ID, s.Semantics))
					}
					assert.True(t, color.MatchString(s.Color), "%s: stage %s colour %q", typ, s.ID, s.Color)
					assert.False(t, s.Semantics == Success && s.Color != "#7BD500" || s.Semantics == Failure && s.Color != "#FF5752", "%s: stage %s colour %q for %s", typ, s.ID, s.Color, s.Semantics)
					assert.True(t, idRe.MatchString(s.ID), "%s: stage id %q", typ, s.ID)
					assert.NotEqual(t, "", s.Name, "%s: stage %s has no name", typ, s.ID)
				}
				assert.False(t, successes != 1 || p.Stages[0].Semantics != Process, "%s: %d success stages", typ, successes)
			}
		}
	}
}

func TestDefaultPipelineNames(t *testing.T) {
	tests := []struct {
		typ, locale string
		id          int
		name, first string
	}{
		{"DEAL", "ru", 0, "Общая", "Новая"},
		{"DEAL", "en", 0, "General", "New"},
		{"DEAL", "ru", 2, "Воронка 2", "Новая"},
		{"DEAL", "en", 2, "Pipeline 2", "New"},
		{"LEAD", "ru", 0, "Общая", "Не обработан"},
		{"LEAD", "en", 0, "General", "Unassigned"},
		{"QUOTE", "ru", 0, "Общая", "Новое"},
		{"SMART_INVOICE", "en", 0, "General", "New"},
		{"ORDER", "ru", 0, "Общая", "Принят, ожидается оплата"},
		{"ORDER", "en", 0, "General", "Accepted, payment pending"},
		{"DYNAMIC_128", "ru", 0, "Общая", "Начало"},
		{"DYNAMIC_128", "en", 0, "General", "Start"},
		{"DEAL", "", 0, "Общая", "Новая"},
	}
	for _, tt := range tests {
		p := DefaultPipeline(tt.typ, tt.locale, tt.id)
		assert.False(t, p.Name != tt.name || p.Stages[0].Name != tt.first, "DefaultPipeline(%s, %q, %d) = %q / %q, want %q / %q", tt.typ, tt.locale, tt.id, p.Name, p.Stages[0].Name, tt.name, tt.first)
	}
	got := DefaultPipeline("DEAL", "en", 0).Stages[5].Name
	assert.Equal(t, "Deal won", got, "WON = %q", got)
}

func TestStandardFields(t *testing.T) {
	want := map[string]string{"TITLE": FieldString, "OPPORTUNITY": FieldMoney, "CURRENCY_ID": FieldString,
		"ASSIGNED_BY_ID": FieldUser, "SOURCE_ID": FieldString, "COMMENTS": FieldString, "BEGINDATE": FieldDate,
		"CLOSEDATE": FieldDate, "DATE_CREATE": FieldDateTime, "DATE_MODIFY": FieldDateTime, "MODIFY_BY_ID": FieldUser}
	fields := StandardFields()
	require.Len(t, fields, len(want), "%d standard fields", len(fields))
	for _, f := range fields {
		assert.False(t, want[f.ID] != f.Type || f.Multiple, "%s: type %q", f.ID, f.Type)
		assert.Equal(t, f.Type, StandardFieldType(f.ID), "StandardFieldType(%s)", f.ID)
		assert.False(t, FieldName(f.ID, "ru") == f.ID || FieldName(f.ID, "en") == f.ID || f.Name != FieldName(f.ID, "ru"), "%s: names %q %q", f.ID, FieldName(f.ID, "ru"), FieldName(f.ID, "en"))
	}
	assert.False(t, StandardFieldType("UF_CRM_X") != "" || FieldName("UF_CRM_X", "en") != "UF_CRM_X", "non-standard field")
	assert.False(t, FieldName("OPPORTUNITY", "ru") != "Сумма" || FieldName("ASSIGNED_BY_ID", "en") != "Responsible person", "field names")
	assert.Equal(t, "Stage", FieldName("STAGE_ID", "en"), "system field name")
}
