package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValidEntityType(t *testing.T) {
	tests := []struct {
		in   string
		want bool
		dyn  int
	}{
		{"LEAD", true, 0},
		{"DEAL", true, 0},
		{"QUOTE", true, 0},
		{"SMART_INVOICE", true, 0},
		{"ORDER", true, 0},
		{"DYNAMIC_128", true, 128},
		{"DYNAMIC_191", true, 191},
		{"DYNAMIC_127", false, 0},
		{"DYNAMIC_192", false, 0},
		{"DYNAMIC_1030", true, 1030},
		{"DYNAMIC_1031", false, 0},
		{"DYNAMIC_1032", true, 1032},
		{"DYNAMIC_0128", false, 0},
		{"DYNAMIC_", false, 0},
		{"DYNAMIC_-130", false, 0},
		{"INVOICE", false, 0},
		{"CONTACT", false, 0},
		{"deal", false, 0},
		{"", false, 0},
	}
	for _, tt := range tests {
		got := ValidEntityType(tt.in)
		assert.Equal(t, tt.want, got, "ValidEntityType(%q) = %v, want %v", tt.in, got, tt.want)
		assert.Equal(t, tt.dyn, DynamicTypeID(tt.in), "DynamicTypeID(%q)", tt.in)
		assert.Equal(t, tt.dyn != 0, IsDynamic(tt.in), "IsDynamic(%q)", tt.in)
	}
}

func TestOwnerTypeID(t *testing.T) {
	tests := map[string]int{"LEAD": 1, "DEAL": 2, "QUOTE": 7, "ORDER": 14, "SMART_INVOICE": 31,
		"DYNAMIC_128": 128, "DYNAMIC_1030": 1030, "FOO": 0}
	for in, want := range tests {
		got := OwnerTypeID(in)
		assert.Equal(t, want, got, "OwnerTypeID(%q) = %d, want %d", in, got, want)
	}
}

func TestSinglePipeline(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"LEAD", true}, {"QUOTE", true}, {"ORDER", true}, {"DEAL", false}, {"SMART_INVOICE", false}, {"DYNAMIC_128", false}} {
		got := SinglePipeline(tt.in)
		assert.Equal(t, tt.want, got, "SinglePipeline(%q) = %v", tt.in, got)
	}
}

func TestEntityName(t *testing.T) {
	tests := []struct{ typ, lang, want string }{
		{"DEAL", "ru", "Сделка"},
		{"DEAL", "en", "Deal"},
		{"LEAD", "", "Лид"},
		{"QUOTE", "en", "Quote"},
		{"SMART_INVOICE", "ru", "Счёт"},
		{"ORDER", "en", "Order"},
		{"DYNAMIC_128", "ru", "Смарт-процесс 128"},
		{"DYNAMIC_1030", "en", "Smart process 1030"},
		{"WHATEVER", "en", "WHATEVER"},
	}
	for _, tt := range tests {
		got := EntityName(tt.typ, tt.lang)
		assert.Equal(t, tt.want, got, "EntityName(%q, %q) = %q, want %q", tt.typ, tt.lang, got, tt.want)
	}
}

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in   string
		typ  string
		id   int
		want bool
	}{
		{"DEAL_5", "DEAL", 5, true},
		{"DYNAMIC_128_7", "DYNAMIC_128", 7, true},
		{"SMART_INVOICE_2", "SMART_INVOICE", 2, true},
		{"CONTACT_7", "CONTACT", 7, true},
		{"COMPANY_2", "COMPANY", 2, true},
		{"EMAIL_1", "EMAIL", 1, true},
		{"TASK_12", "TASK", 12, true},
		{"DEAL_0", "", 0, false},
		{"DEAL_05", "", 0, false},
		{"DEAL_", "", 0, false},
		{"DEAL", "", 0, false},
		{"_5", "", 0, false},
		{"DEAL_-1", "", 0, false},
		{"DYNAMIC_5", "", 0, false},
		{"FOO_5", "", 0, false},
		{"DEAL_99999999999999999999", "", 0, false},
	}
	for _, tt := range tests {
		typ, id, ok := ParseTarget(tt.in)
		assert.False(t, typ != tt.typ || id != tt.id || ok != tt.want, "ParseTarget(%q) = %q, %d, %v; want %q, %d, %v", tt.in, typ, id, ok, tt.typ, tt.id, tt.want)
		if ok {
			back := Target(typ, id)
			assert.Equal(t, tt.in, back, "Target(%q, %d) = %q, want %q", typ, id, back, tt.in)
		}
	}
}
