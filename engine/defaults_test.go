package engine

import (
	"regexp"
	"strings"
	"testing"
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
		if got := stageIDs(p); got != tt.want {
			t.Errorf("DefaultPipeline(%s, %d) ids = %q, want %q", tt.typ, tt.id, got, tt.want)
		}
		if p.ID != tt.id {
			t.Errorf("DefaultPipeline(%s, %d).ID = %d", tt.typ, tt.id, p.ID)
		}
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
						if phase != 0 {
							t.Errorf("%s: process stage %s after success", typ, s.ID)
						}
					case Success:
						successes++
						phase = 1
					case Failure:
						if phase == 0 {
							t.Errorf("%s: failure stage %s before success", typ, s.ID)
						}
						phase = 2
					default:
						t.Errorf("%s: stage %s semantics %q", typ, s.ID, s.Semantics)
					}
					if !color.MatchString(s.Color) {
						t.Errorf("%s: stage %s colour %q", typ, s.ID, s.Color)
					}
					if s.Semantics == Success && s.Color != "#7BD500" || s.Semantics == Failure && s.Color != "#FF5752" {
						t.Errorf("%s: stage %s colour %q for %s", typ, s.ID, s.Color, s.Semantics)
					}
					if !idRe.MatchString(s.ID) {
						t.Errorf("%s: stage id %q", typ, s.ID)
					}
					if s.Name == "" {
						t.Errorf("%s: stage %s has no name", typ, s.ID)
					}
				}
				if successes != 1 || p.Stages[0].Semantics != Process {
					t.Errorf("%s: %d success stages", typ, successes)
				}
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
		if p.Name != tt.name || p.Stages[0].Name != tt.first {
			t.Errorf("DefaultPipeline(%s, %q, %d) = %q / %q, want %q / %q", tt.typ, tt.locale, tt.id, p.Name, p.Stages[0].Name, tt.name, tt.first)
		}
	}
	if got := DefaultPipeline("DEAL", "en", 0).Stages[5].Name; got != "Deal won" {
		t.Errorf("WON = %q", got)
	}
}

func TestStandardFields(t *testing.T) {
	want := map[string]string{"TITLE": FieldString, "OPPORTUNITY": FieldMoney, "CURRENCY_ID": FieldString,
		"ASSIGNED_BY_ID": FieldUser, "SOURCE_ID": FieldString, "COMMENTS": FieldString, "BEGINDATE": FieldDate,
		"CLOSEDATE": FieldDate, "DATE_CREATE": FieldDateTime, "DATE_MODIFY": FieldDateTime, "MODIFY_BY_ID": FieldUser}
	fields := StandardFields()
	if len(fields) != len(want) {
		t.Fatalf("%d standard fields", len(fields))
	}
	for _, f := range fields {
		if want[f.ID] != f.Type || f.Multiple {
			t.Errorf("%s: type %q", f.ID, f.Type)
		}
		if StandardFieldType(f.ID) != f.Type {
			t.Errorf("StandardFieldType(%s)", f.ID)
		}
		if FieldName(f.ID, "ru") == f.ID || FieldName(f.ID, "en") == f.ID || f.Name != FieldName(f.ID, "ru") {
			t.Errorf("%s: names %q %q", f.ID, FieldName(f.ID, "ru"), FieldName(f.ID, "en"))
		}
	}
	if StandardFieldType("UF_CRM_X") != "" || FieldName("UF_CRM_X", "en") != "UF_CRM_X" {
		t.Error("non-standard field")
	}
	if FieldName("OPPORTUNITY", "ru") != "Сумма" || FieldName("ASSIGNED_BY_ID", "en") != "Responsible person" {
		t.Error("field names")
	}
	if FieldName("STAGE_ID", "en") != "Stage" {
		t.Error("system field name")
	}
}
