package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// registryOrder is section 1.1's registry, in order.
var registryOrder = []string{"RESP_CHANGED", "FIELD_CHANGED", "EMAIL", "EMAIL_SENT", "EMAIL_READ", "EMAIL_LINK",
	"CALL", "OUTGOING_CALL", "MISSED_CALL", "WEBFORM", "CALLBACK", "INVOICE", "PAYMENT", "ALLOW_DELIVERY",
	"FILL_TRACKNUM", "SHIPMENT_CHANGED", "DEDUCTED", "ORDER_CANCELED", "ORDER_PAID", "DELIVERY_FINISHED",
	"WEBHOOK", "VISIT", "QR", "GUEST_RETURN", "OPENLINE", "OPENLINE_MSG", "OPENLINE_ANSWER_CTRL",
	"OPENLINE_ANSWER", "RESOURCE_BOOKING", "DOCUMENT_CREATE", "DOCUMENT_VIEW", "TASK_STATUS",
	"SIGN_INITIATOR_SIGNING", "SIGN_OTHER_SIGNING", "SIGN_FINAL_SIGNING", "B2E_COORDINATION", "B2E_FILLING",
	"B2E_SIGNING", "B2E_COMPLETED", "APP"}

func TestCatalogComplete(t *testing.T) {
	cat := Catalog()
	require.Len(t, cat, len(registryOrder), "catalogue has %d triggers, want %d", len(cat), len(registryOrder))
	groups := map[string]bool{}
	for _, g := range Groups() {
		groups[g] = true
	}
	for i, ti := range cat {
		assert.Equal(t, registryOrder[i], ti.Code, "catalogue[%d] = %s, want %s", i, ti.Code, registryOrder[i])
		for _, lang := range []string{"ru", "en"} {
			assert.False(t, ti.Name[lang] == "" || ti.ShortName[lang] == "", "%s: missing %s name", ti.Code, lang)
		}
		assert.True(t, groups[ti.Group], "%s: unknown group %q", ti.Code, ti.Group)
		assert.False(t, GroupName(ti.Group, "ru") == ti.Group || GroupName(ti.Group, "en") == ti.Group, "%s: group %q has no name", ti.Code, ti.Group)
		for _, sp := range append(append([]SettingSpec{}, ti.Settings...), ti.Data...) {
			switch sp.Kind {
			case SettingString, SettingInt, SettingStrings, SettingCondition, SettingObject:
			default:
				assert.Fail(t, fmt.Sprintf("%s.%s: kind %q", ti.Code, sp.Key, sp.Kind))
			}
			assert.False(t, sp.Label["ru"] == "" || sp.Label["en"] == "", "%s.%s: missing label", ti.Code, sp.Key)
		}
		assert.NotEqual(t, "none", ti.SupportedTypes(), "%s supports nothing", ti.Code)
		got, ok := LookupTrigger(ti.Code)
		assert.False(t, !ok || got.Code != ti.Code, "LookupTrigger(%s) failed", ti.Code)
	}
	_, ok := LookupTrigger("NOPE")
	assert.False(t, ok, "LookupTrigger(NOPE) found something")
}

func TestCatalogIsACopy(t *testing.T) {
	a := Catalog()
	a[0].Name["ru"] = "changed"
	a[5].Settings[0].Label["en"] = "changed"
	a[1].Code = "X"
	b := Catalog()
	assert.False(t, b[0].Name["ru"] == "changed" || b[5].Settings[0].Label["en"] == "changed" || b[1].Code == "X", "Catalog shares state between calls")
	ti, _ := LookupTrigger("EMAIL_LINK")
	ti.Name["en"] = "changed"
	ti2, _ := LookupTrigger("EMAIL_LINK")
	assert.NotEqual(t, "changed", ti2.Name["en"], "LookupTrigger shares state")
}

func TestCatalogNames(t *testing.T) {
	tests := []struct{ code, lang, long, short string }{
		{"EMAIL_LINK", "ru", "Отследить переход по ссылке", "Переход по ссылке из письма"},
		{"WEBHOOK", "en", "Track inbound webhook", "Inbound webhook"},
		{"APP", "ru", "Триггеры приложений", "Триггеры приложений"},
		{"APP", "en", "App triggers", "App triggers"},
		{"FILL_TRACKNUM", "en", "Watch for shipment tracking number assigned", "Tracking number added"},
	}
	for _, tt := range tests {
		ti, _ := LookupTrigger(tt.code)
		assert.False(t, ti.Name[tt.lang] != tt.long || ti.ShortName[tt.lang] != tt.short, "%s %s: %q / %q", tt.code, tt.lang, ti.Name[tt.lang], ti.ShortName[tt.lang])
	}
	groups := map[string]string{"PAYMENT": "payment", "APP": "other", "RESP_CHANGED": "elementControl",
		"WEBFORM": "other", "CALLBACK": "clientCommunication", "TASK_STATUS": "taskManagement"}
	for code, g := range groups {
		ti, _ := LookupTrigger(code)
		assert.Equal(t, g, ti.Group, "%s group = %s, want %s", code, ti.Group, g)
	}
	got := GroupName("clientCommunication", "ru")
	assert.Equal(t, "Коммуникация с клиентом", got, "GroupName ru = %q", got)
	got = GroupName("elementControl", "en")
	assert.Equal(t, "Manage workflow items", got, "GroupName en = %q", got)
}

func TestCatalogSupport(t *testing.T) {
	const all = "LEAD DEAL QUOTE SMART_INVOICE ORDER DYNAMIC_128"
	tests := []struct {
		code string
		yes  string
		text string
	}{
		{"RESP_CHANGED", all, "LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER and smart processes (DYNAMIC_n)"},
		{"EMAIL_LINK", all, ""},
		{"INVOICE", "DEAL", "DEAL"},
		{"DELIVERY_FINISHED", "DEAL", "DEAL"},
		{"PAYMENT", "ORDER", "ORDER"},
		{"ALLOW_DELIVERY", "ORDER", ""},
		{"FILL_TRACKNUM", "ORDER", ""},
		{"SHIPMENT_CHANGED", "ORDER", ""},
		{"DEDUCTED", "ORDER", ""},
		{"ORDER_CANCELED", "ORDER", ""},
		{"ORDER_PAID", "DEAL SMART_INVOICE DYNAMIC_128", "DEAL, SMART_INVOICE and smart processes (DYNAMIC_n)"},
		{"VISIT", "LEAD DEAL ORDER", "LEAD, DEAL and ORDER"},
		{"RESOURCE_BOOKING", "LEAD DEAL ORDER", ""},
		{"QR", "LEAD DEAL DYNAMIC_128", ""},
		{"OPENLINE", "LEAD DEAL ORDER DYNAMIC_128", ""},
		{"OPENLINE_MSG", "LEAD DEAL ORDER DYNAMIC_128", ""},
		{"OPENLINE_ANSWER", "LEAD DEAL ORDER DYNAMIC_128", ""},
		{"OPENLINE_ANSWER_CTRL", "LEAD DEAL ORDER DYNAMIC_128", ""},
		{"TASK_STATUS", "LEAD DEAL QUOTE SMART_INVOICE DYNAMIC_128", ""},
		{"SIGN_FINAL_SIGNING", "DEAL", ""},
		{"B2E_COMPLETED", "DYNAMIC_128", "smart processes (DYNAMIC_n)"},
		{"APP", all, ""},
		{"WEBHOOK", all, ""},
	}
	for _, tt := range tests {
		ti, ok := LookupTrigger(tt.code)
		require.True(t, ok, "%s missing", tt.code)
		yes := strings.Fields(tt.yes)
		for _, typ := range strings.Fields(all) {
			want := false
			for _, y := range yes {
				want = want || y == typ
			}
			got := ti.Supports(typ)
			assert.Equal(t, want, got, "%s.Supports(%s) = %v, want %v", tt.code, typ, got, want)
		}
		assert.Equal(t, ti.Supports("DYNAMIC_128"), ti.Supports("DYNAMIC_1030"), "%s: DYNAMIC_1030 differs from DYNAMIC_128", tt.code)
		assert.False(t, ti.Supports("CONTACT") || ti.Supports("DYNAMIC_5") || ti.Supports(""), "%s supports a non-entity", tt.code)
		assert.False(t, tt.text != "" && ti.SupportedTypes() != tt.text, "%s.SupportedTypes() = %q, want %q", tt.code, ti.SupportedTypes(), tt.text)
	}
}

func TestTriggerMatches(t *testing.T) {
	type m = map[string]any
	cond := func(field, op string, value any) []any {
		return []any{m{"field": field, "op": op, "value": value}}
	}
	tests := []struct {
		code     string
		settings m
		data     m
		want     bool
		en       string // expected reason in English when false
	}{
		{"EMAIL_LINK", m{"url": "https://b/"}, m{"url": "https://b/x"}, true, ""},
		{"EMAIL_LINK", m{"url": "https://b/"}, m{"url": "https://a/x"}, false, "link https://a/x does not start with https://b/"},
		{"EMAIL_LINK", m{"url": "https://B/"}, m{"url": "https://b/x"}, false, "link https://b/x does not start with https://B/"},
		{"EMAIL_LINK", m{"url": "https://b/"}, m{}, false, "the event carries no url"},
		{"EMAIL_LINK", m{}, m{"url": "https://a/x"}, true, ""},
		{"EMAIL_LINK", nil, nil, true, ""},
		{"CALL", m{"LINE_NUMBER": "74950000000"}, m{"LINE_NUMBER": "74950000000"}, true, ""},
		{"CALL", m{"LINE_NUMBER": "74950000000"}, m{"LINE_NUMBER": "74951234567"}, false, "line 74951234567 is not the trigger's line 74950000000"},
		{"CALL", m{"LINE_NUMBER": "74950000000"}, m{"LINE_NUMBER": 74950000000.0}, true, ""},
		{"CALL", m{"LINE_NUMBER": ""}, m{"LINE_NUMBER": "1"}, true, ""},
		{"MISSED_CALL", m{"LINE_NUMBER": "1"}, m{}, false, "line — is not the trigger's line 1"},
		{"WEBFORM", m{"form_id": 5.0}, m{"form_id": 5.0}, true, ""},
		{"WEBFORM", m{"form_id": 5.0}, m{"form_id": 3.0}, false, "form 3 is not the trigger's form 5"},
		{"WEBFORM", m{"form_id": 0.0}, m{"form_id": 3.0}, true, ""},
		{"CALLBACK", m{"form_id": "5"}, m{"form_id": 5.0}, true, ""},
		{"WEBHOOK", m{"code": "nwly5"}, m{"code": "nwly5"}, true, ""},
		{"WEBHOOK", m{"code": "nwly5"}, m{"code": "abc"}, false, "webhook code abc is not the trigger's code nwly5"},
		{"WEBHOOK", m{"code": "nwly5"}, m{"code": "NWLY5"}, false, "webhook code NWLY5 is not the trigger's code nwly5"},
		{"WEBHOOK", m{}, m{"code": "abc"}, true, ""},
		{"APP", m{"APP_ID": "app.x", "CODE": "CODE1"}, m{"APP_ID": "app.x", "CODE": "CODE1"}, true, ""},
		{"APP", m{"APP_ID": "app.x", "CODE": "CODE1"}, m{"APP_ID": "app.x", "CODE": "CODE2"}, false, "app app.x/CODE2 is not the trigger's app.x/CODE1"},
		{"APP", m{"APP_ID": 12.0, "CODE": "c"}, m{"APP_ID": "12", "CODE": "c"}, true, ""},
		{"OPENLINE", m{"config_id": 2.0}, m{"config_id": 2.0}, true, ""},
		{"OPENLINE", m{"config_id": 2.0}, m{"config_id": 1.0}, false, "open line 1 is not the trigger's open line 2"},
		{"OPENLINE_ANSWER", m{"config_id": 2.0}, m{"config_id": 1.0}, false, "open line 1 is not the trigger's open line 2"},
		{"OPENLINE_MSG", m{"msg_text": "Цена"}, m{"text": "Какая ЦЕНА?"}, true, ""},
		{"OPENLINE_MSG", m{"msg_text": "цена"}, m{"text": "Здравствуйте"}, false, "the message does not contain «цена»"},
		{"OPENLINE_MSG", m{"msg_text": "цена"}, m{"text": ""}, false, "the message does not contain «цена»"},
		{"OPENLINE_MSG", m{"config_id": 1.0, "msg_text": ""}, m{"config_id": 1.0, "text": ""}, true, ""},
		{"OPENLINE_ANSWER_CTRL", m{"imolCondition": cond("ANSWER_TIME_SEC", ">", 300.0)},
			m{"session": m{"CONFIG_ID": 1.0, "ANSWER_TIME_SEC": 600.0}}, true, ""},
		{"OPENLINE_ANSWER_CTRL", m{"imolCondition": cond("ANSWER_TIME_SEC", ">", 300.0)},
			m{"session": m{"ANSWER_TIME_SEC": 60.0}}, false,
			"the chat does not meet the trigger's condition: condition false: ANSWER_TIME_SEC (60) > 300 is false"},
		{"OPENLINE_ANSWER_CTRL", m{}, m{}, true, ""},
		{"DOCUMENT_CREATE", m{"TEMPLATE_ID": 4.0}, m{"TEMPLATE_ID": 4.0}, true, ""},
		{"DOCUMENT_VIEW", m{"TEMPLATE_ID": 4.0}, m{"TEMPLATE_ID": 7.0}, false, "document template 7 is not the trigger's template 4"},
		// TASK_STATUS quirk: nothing is checked without a task condition.
		{"TASK_STATUS", m{"taskStatus": 5.0}, m{"status": 3.0}, true, ""},
		{"TASK_STATUS", m{"taskStatus": 5.0, "taskCondition": cond("TITLE", "contain", "Звонок")},
			m{"status": 3.0, "fields": m{"TITLE": "Звонок"}}, false, "task status 3 is not the trigger's status 5"},
		{"TASK_STATUS", m{"taskStatus": 5.0, "taskCondition": cond("TITLE", "contain", "Звонок")},
			m{"status": 5.0, "fields": m{"TITLE": "Звонок клиенту"}}, true, ""},
		{"TASK_STATUS", m{"taskStatus": 5.0, "taskCondition": cond("TITLE", "contain", "Звонок")},
			m{"status": 5.0, "fields": m{"TITLE": "Встреча"}}, false,
			"the task does not meet the trigger's task condition: condition false: TITLE (Встреча) contains Звонок is false"},
		{"TASK_STATUS", m{"taskCondition": "bad"}, m{}, false,
			"the trigger's setting taskCondition is invalid: expected a list of clauses, got \"bad\""},
		{"FILL_TRACKNUM", m{"DELIVERY_ID": 3.0}, m{"DELIVERY_ID": 3.0}, true, ""},
		{"FILL_TRACKNUM", m{"DELIVERY_ID": 3.0}, m{"DELIVERY_ID": 9.0}, false, "delivery service 9 is not the trigger's service 3"},
		{"FILL_TRACKNUM", m{}, m{"DELIVERY_ID": 9.0}, true, ""},
		{"SHIPMENT_CHANGED", m{"shipmentCondition": cond("STATUS_ID", "=", "DF")}, m{"shipment": m{"STATUS_ID": "DF"}}, true, ""},
		{"SHIPMENT_CHANGED", m{"shipmentCondition": cond("STATUS_ID", "=", "DF")}, m{"shipment": m{"STATUS_ID": "DN"}}, false,
			"the shipment does not meet the trigger's shipment condition: condition false: STATUS_ID (DN) = DF is false"},
		{"SHIPMENT_CHANGED", m{"shipmentCondition": cond("PRICE_DELIVERY", ">", 100.0)}, m{"shipment": m{"PRICE_DELIVERY": 1500.0}}, true, ""},
		{"SHIPMENT_CHANGED", m{}, m{"shipment": m{"STATUS_ID": "DN"}}, true, ""},
		{"QR", m{"ownerId": "A1"}, m{"ownerId": "A1"}, true, ""},
		{"QR", m{"ownerId": "A1"}, m{"ownerId": "B2"}, false, "QR code of robot B2 is not the trigger's QR code A1"},
		{"QR", m{"ownerId": "A1"}, m{}, true, ""},
		{"QR", m{}, m{"ownerId": "B2"}, true, ""},
		{"FIELD_CHANGED", m{"fields": []any{"TITLE"}}, m{}, true, ""},
		{"EMAIL", nil, m{"anything": 1.0}, true, ""},
	}
	for _, tt := range tests {
		ti, ok := LookupTrigger(tt.code)
		require.True(t, ok, "%s missing", tt.code)
		got, why := ti.Matches(tt.settings, tt.data)
		if got != tt.want {
			assert.Fail(t, fmt.Sprintf("%s.Matches(%v, %v) = %v (%s), want %v", tt.code, tt.settings, tt.data, got, why.Text("en"), tt.want))
			continue
		}
		if got {
			assert.True(t, why.IsZero(), "%s: match with reason %+v", tt.code, why)
			continue
		}
		en := why.Text("en")
		assert.Equal(t, tt.en, en, "%s reason:\n got %q\nwant %q", tt.code, en, tt.en)
		ru := why.Text("ru")
		assert.False(t, ru == "" || ru == why.Text("en") && tt.en != "", "%s: no Russian reason (%q)", tt.code, ru)
	}
}

// Every code that has settings is exercised by TestTriggerMatches.
func TestTriggerMatchesCoversSettings(t *testing.T) {
	covered := map[string]bool{"EMAIL_LINK": true, "CALL": true, "MISSED_CALL": true, "WEBFORM": true, "CALLBACK": true,
		"WEBHOOK": true, "APP": true, "OPENLINE": true, "OPENLINE_MSG": true, "OPENLINE_ANSWER": true,
		"OPENLINE_ANSWER_CTRL": true, "DOCUMENT_CREATE": true, "DOCUMENT_VIEW": true, "TASK_STATUS": true,
		"FILL_TRACKNUM": true, "SHIPMENT_CHANGED": true, "QR": true, "FIELD_CHANGED": true}
	for _, ti := range Catalog() {
		assert.False(t, len(ti.Settings) > 0 && !covered[ti.Code], "%s has settings but no Matches test", ti.Code)
	}
}

func TestMatchesReasonRussian(t *testing.T) {
	ti, _ := LookupTrigger("EMAIL_LINK")
	_, why := ti.Matches(map[string]any{"url": "https://b/"}, map[string]any{"url": "https://a/x"})
	got, want := why.Text("ru"), "ссылка https://a/x не начинается с https://b/"
	assert.Equal(t, want, got, "got %q, want %q", got, want)
}
