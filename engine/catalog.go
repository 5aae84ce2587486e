package engine

import (
	"strconv"
	"strings"
	"sync"
)

// The trigger catalogue: every Bitrix24 CRM trigger code in registry order
// (Factory::getTriggerRegistry), with its UI names, group, entity support,
// individual settings and the event data it is matched against. Section 1
// of bitrix24-automation.md is the source; where a name was not retrieved
// the comment says that the wording is ours.

// TriggerInfo describes one trigger code.
type TriggerInfo struct {
	Code string
	// Name is the long UI name (lang key …_NAME_1) and ShortName the short or
	// legacy one (…_NAME), both by language "ru" and "en".
	Name, ShortName map[string]string
	// Group is the editor group: clientCommunication, elementControl,
	// employeeControl, taskManagement, payment, delivery, paperwork, other.
	Group string
	// Settings are the individual settings (APPLY_RULES keys).
	Settings []SettingSpec
	// Data are the keys an event of this code may carry in "data".
	Data []SettingSpec

	support entitySet
}

// SettingSpec describes one setting or event data key.
type SettingSpec struct {
	Key   string
	Kind  string // SettingString, SettingInt, SettingStrings, SettingCondition, SettingObject
	Label map[string]string
}

// Kinds of SettingSpec.
const (
	SettingString    = "string"
	SettingInt       = "int"
	SettingStrings   = "strings"
	SettingCondition = "condition"
	SettingObject    = "object"
)

// entitySet is a set of entity kinds a trigger supports.
type entitySet uint8

const (
	esLead entitySet = 1 << iota
	esDeal
	esQuote
	esSmartInvoice
	esOrder
	esDynamic

	esBase = esLead | esDeal | esQuote | esSmartInvoice | esOrder | esDynamic
)

func entityBit(t string) entitySet {
	switch t {
	case typeLead:
		return esLead
	case typeDeal:
		return esDeal
	case typeQuote:
		return esQuote
	case typeSmartInvoice:
		return esSmartInvoice
	case typeOrder:
		return esOrder
	}
	if IsDynamic(t) {
		return esDynamic
	}
	return 0
}

// Supports reports whether the trigger can be placed on entity type t.
func (ti TriggerInfo) Supports(entityType string) bool {
	b := entityBit(entityType)
	return b != 0 && ti.support&b != 0
}

// SupportedTypes lists the supporting entity types for an error message:
// "DEAL", or "LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER and smart processes
// (DYNAMIC_n)".
func (ti TriggerInfo) SupportedTypes() string {
	var names []string
	for _, e := range []struct {
		bit  entitySet
		name string
	}{{esLead, typeLead}, {esDeal, typeDeal}, {esQuote, typeQuote}, {esSmartInvoice, typeSmartInvoice},
		{esOrder, typeOrder}, {esDynamic, smartProcesses}} {
		if ti.support&e.bit != 0 {
			names = append(names, e.name)
		}
	}
	switch len(names) {
	case 0:
		return "none"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Catalog returns every trigger in registry order. The result is a fresh
// copy: callers may keep or change it.
func Catalog() []TriggerInfo {
	all := catalogue()
	out := make([]TriggerInfo, len(all))
	for i, ti := range all {
		out[i] = ti.clone()
	}
	return out
}

// LookupTrigger finds a trigger by code; the result is a copy.
func LookupTrigger(code string) (TriggerInfo, bool) {
	for _, ti := range catalogue() {
		if ti.Code == code {
			return ti.clone(), true
		}
	}
	return TriggerInfo{}, false
}

func (ti TriggerInfo) clone() TriggerInfo {
	c := ti
	c.Name = cloneStrings(ti.Name)
	c.ShortName = cloneStrings(ti.ShortName)
	c.Settings = cloneSpecs(ti.Settings)
	c.Data = cloneSpecs(ti.Data)
	return c
}

func cloneStrings(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func cloneSpecs(s []SettingSpec) []SettingSpec {
	if s == nil {
		return nil
	}
	c := make([]SettingSpec, len(s))
	for i, sp := range s {
		c[i] = SettingSpec{Key: sp.Key, Kind: sp.Kind, Label: cloneStrings(sp.Label)}
	}
	return c
}

// GroupName is the editor's name of a trigger group. The English names are
// the helpdesk's; the Russian ones were not found in a source (open
// question 5) and are our wording.
func GroupName(group, lang string) string {
	names := map[string][2]string{
		"clientCommunication": {"Коммуникация с клиентом", "Client communication"},
		"elementControl":      {"Управление элементом", "Manage workflow items"},
		"employeeControl":     {"Контроль сотрудников", "Employee monitoring and control"},
		"taskManagement":      {"Управление задачами", "Task management"},
		"payment":             {"Оплата", "Payment"},
		"delivery":            {"Доставка", "Delivery"},
		"paperwork":           {"Документы", "Document processing"},
		"other":               {"Другое", "Other"},
	}
	n, ok := names[group]
	if !ok {
		return group
	}
	if lang == "en" {
		return n[1]
	}
	return n[0]
}

// Groups returns the group codes in the order the editor shows them.
func Groups() []string {
	return []string{"clientCommunication", "elementControl", "employeeControl", "taskManagement",
		"payment", "delivery", "paperwork", "other"}
}

// Matches applies the trigger's individual settings to an event's data,
// as the trigger class's checkApplyRules does. It reports why not when the
// event does not match. FIELD_CHANGED and RESP_CHANGED are decided by the
// engine (changed fields), so they match here; generic settings (condition,
// allow-back) are not checked here either.
func (ti TriggerInfo) Matches(settings map[string]any, data map[string]any) (ok bool, why Reason) {
	switch ti.Code {
	case "EMAIL_LINK":
		want := settingString(settings, "url")
		if want == "" {
			return true, Reason{}
		}
		got := settingString(data, "url")
		if got == "" {
			return false, Reason{Code: "missing_data", Args: []string{"url"}}
		}
		if !strings.HasPrefix(got, want) {
			return false, Reason{Code: "url_prefix", Args: []string{got, want}}
		}
	case "CALL", "MISSED_CALL":
		want := settingString(settings, "LINE_NUMBER")
		if want == "" {
			return true, Reason{}
		}
		if got := settingString(data, "LINE_NUMBER"); got != want {
			return false, Reason{Code: "line", Args: []string{shown(got), want}}
		}
	case "WEBFORM", "CALLBACK":
		if want := settingInt(settings, "form_id"); want > 0 {
			if got := settingInt(data, "form_id"); got != want {
				return false, Reason{Code: "form", Args: []string{shownInt(got), strconv.Itoa(want)}}
			}
		}
	case "WEBHOOK":
		want := settingString(settings, "code")
		if want == "" {
			return true, Reason{} // old webhook triggers without a code accept any call
		}
		if got := settingString(data, "code"); got != want {
			return false, Reason{Code: "webhook_code", Args: []string{shown(got), want}}
		}
	case "APP":
		wantApp, wantCode := settingString(settings, "APP_ID"), settingString(settings, "CODE")
		gotApp, gotCode := settingString(data, "APP_ID"), settingString(data, "CODE")
		if gotApp != wantApp || gotCode != wantCode {
			return false, Reason{Code: "app", Args: []string{gotApp + "/" + gotCode, wantApp + "/" + wantCode}}
		}
	case "OPENLINE", "OPENLINE_MSG", "OPENLINE_ANSWER":
		if want := settingInt(settings, "config_id"); want > 0 {
			if got := settingInt(data, "config_id"); got != want {
				return false, Reason{Code: "open_line", Args: []string{shownInt(got), strconv.Itoa(want)}}
			}
		}
		if ti.Code == "OPENLINE_MSG" {
			if want := settingString(settings, "msg_text"); want != "" {
				got := settingString(data, "text")
				if got == "" || !strings.Contains(strings.ToLower(got), strings.ToLower(want)) {
					return false, Reason{Code: "msg_text", Args: []string{want}}
				}
			}
		}
	case "OPENLINE_ANSWER_CTRL":
		return matchCondition(settings, "imolCondition", data, "session", "session_condition", sessionFieldType)
	case "DOCUMENT_CREATE", "DOCUMENT_VIEW":
		if want := settingInt(settings, "TEMPLATE_ID"); want > 0 {
			if got := settingInt(data, "TEMPLATE_ID"); got != want {
				return false, Reason{Code: "template", Args: []string{shownInt(got), strconv.Itoa(want)}}
			}
		}
	case "TASK_STATUS":
		// Bitrix24 quirk: the status and the task condition are checked only
		// when the task condition is non-empty (open question 10).
		cond, err := ConditionFromJSON(settings["taskCondition"])
		if err != nil {
			return false, settingInvalid("taskCondition", err)
		}
		if len(cond) == 0 {
			return true, Reason{}
		}
		if want := settingInt(settings, "taskStatus"); want > 0 {
			if got := settingInt(data, "status"); got != want {
				return false, Reason{Code: "task_status", Args: []string{shownInt(got), strconv.Itoa(want)}}
			}
		}
		return matchCondition(settings, "taskCondition", data, "fields", "task_condition", nil)
	case "FILL_TRACKNUM":
		if want := settingInt(settings, "DELIVERY_ID"); want > 0 {
			if got := settingInt(data, "DELIVERY_ID"); got != want {
				return false, Reason{Code: "delivery", Args: []string{shownInt(got), strconv.Itoa(want)}}
			}
		}
	case "SHIPMENT_CHANGED":
		return matchCondition(settings, "shipmentCondition", data, "shipment", "shipment_condition", nil)
	case "QR":
		want, got := settingString(settings, "ownerId"), settingString(data, "ownerId")
		if want != "" && got != "" && want != got {
			return false, Reason{Code: "qr_owner", Args: []string{got, want}}
		}
	}
	return true, Reason{}
}

// sessionFieldType types the open-line session fields of imolCondition.
func sessionFieldType(id string) string {
	switch id {
	case "CONFIG_ID", "ANSWER_TIME_SEC":
		return FieldNumber
	case "OPERATOR_ID":
		return FieldUser
	case "DATE_LAST_MESSAGE":
		return FieldDateTime
	}
	return ""
}

// matchCondition evaluates the condition setting condKey over the object
// data[objKey]. Field types come from types, or are inferred from the
// event's values.
func matchCondition(settings map[string]any, condKey string, data map[string]any, objKey, code string, types func(string) string) (bool, Reason) {
	cond, err := ConditionFromJSON(settings[condKey])
	if err != nil {
		return false, settingInvalid(condKey, err)
	}
	if len(cond) == 0 {
		return true, Reason{}
	}
	obj, _ := data[objKey].(map[string]any)
	src := FieldMap(obj)
	if types == nil {
		types = func(id string) string {
			if v, ok := obj[id]; ok && v != nil {
				return InferFieldType(v)
			}
			return ""
		}
	}
	cc, err := CompileCondition(cond, types)
	if err != nil {
		return false, settingInvalid(condKey, err)
	}
	if ok, why := cc.Explain(src); !ok {
		return false, Reason{Code: code, Parts: []Reason{why}}
	}
	return true, Reason{}
}

// settingString reads a string setting or data key; numbers (a line number
// written as a JSON number) are printed without exponent.
func settingString(m map[string]any, key string) string {
	switch x := m[key].(type) {
	case string:
		return x
	case nil:
		return ""
	case bool:
		return boolText(x)
	}
	if f, ok := jsonNumber(m[key]); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return ""
}

// settingInt reads an integer setting or data key given as a number or a
// numeric string; anything else is 0 (not set).
func settingInt(m map[string]any, key string) int {
	f, ok := numberOf(m[key])
	if !ok || f != float64(int(f)) {
		return 0
	}
	return int(f)
}

func shown(s string) string {
	if s == "" {
		return emptyShown
	}
	return s
}

func shownInt(n int) string {
	if n == 0 {
		return emptyShown
	}
	return strconv.Itoa(n)
}

// specRow is a setting or data key of the catalogue table; triggerRow is one
// row. The table is data (a static slice of strings and constants), not
// code: written as calls building maps it compiled to 77 KB of wasm.
type specRow struct{ key, kind, ru, en string }

type triggerRow struct {
	code, ruLong, ruShort, enLong, enShort, group string
	support                                       entitySet
	settings, data                                []specRow
}

// Setting and data specs shared by several triggers.
var (
	specURL         = specRow{"url", SettingString, "Ссылка", "Link"}
	specLine        = specRow{"LINE_NUMBER", SettingString, "Номер линии", "Line number"}
	specForm        = specRow{"form_id", SettingInt, "Форма", "Form"}
	specWebhookCode = specRow{"code", SettingString, "Код", "Code"}
	specAppID       = specRow{"APP_ID", SettingString, "Приложение", "Application"}
	specAppCode     = specRow{"CODE", SettingString, "Код триггера", "Trigger code"}
	specConfigID    = specRow{"config_id", SettingInt, "Открытая линия", "Open line"}
	specTemplate    = specRow{"TEMPLATE_ID", SettingInt, "Шаблон документа", "Document template"}
	specDelivery    = specRow{"DELIVERY_ID", SettingInt, "Служба доставки", "Delivery service"}
	specOwnerID     = specRow{"ownerId", SettingString, "Робот, создавший QR-код", "Robot that created the QR code"}
)

func names(ru, en string) map[string]string { return map[string]string{"ru": ru, "en": en} }

// specs turns table rows into SettingSpecs, nil for none.
func specs(rows []specRow) []SettingSpec {
	if rows == nil {
		return nil
	}
	out := make([]SettingSpec, len(rows))
	for i, r := range rows {
		out[i] = SettingSpec{Key: r.key, Kind: r.kind, Label: names(r.ru, r.en)}
	}
	return out
}

// catalogue is built on first use and never written; Catalog and
// LookupTrigger hand out copies. Built in a package init it was part of
// every page's start, which the home page does not need (1.6 ms sampled
// in profiles of a warm load).
func catalogue() []TriggerInfo {
	catalogueOnce.Do(func() { catalogueAll = buildCatalogue() })
	return catalogueAll
}

var (
	catalogueOnce sync.Once
	catalogueAll  []TriggerInfo
)

func buildCatalogue() []TriggerInfo {
	out := make([]TriggerInfo, len(catalogueTable))
	for i, r := range catalogueTable {
		out[i] = TriggerInfo{Code: r.code, Name: names(r.ruLong, r.enLong), ShortName: names(r.ruShort, r.enShort),
			Group: r.group, Settings: specs(r.settings), Data: specs(r.data), support: r.support}
	}
	return out
}

const (
	openLine = esLead | esDeal | esOrder | esDynamic
	noSmart  = esLead | esDeal | esOrder
)

// catalogueTable: short English names marked "ours" were not in a source:
// the English lang files give only the long name for those codes.
var catalogueTable = []triggerRow{
	{"RESP_CHANGED", "Отследить изменение ответственного в элементе", "Изменен ответственный",
		"Track responsible person change", "Responsible person changed" /* ours */, "elementControl", esBase, nil, nil},
	{"FIELD_CHANGED", "Отследить изменение полей", "Изменены поля",
		"Track field value change", "Fields changed" /* ours */, "elementControl", esBase,
		[]specRow{{"fields", SettingStrings, "Поля", "Fields"}}, nil},
	{"EMAIL", "Отследить входящее письмо", "Входящее письмо",
		"Track incoming email", "Incoming email" /* ours */, "clientCommunication", esBase, nil, nil},
	{"EMAIL_SENT", "Отследить отправку письма клиенту", "Письмо отправлено",
		"Track email message to customer", "Email sent" /* ours */, "clientCommunication", esBase, nil, nil},
	{"EMAIL_READ", "Отследить просмотр письма", "Письмо прочитано",
		"Track email message view", "Email read" /* ours */, "clientCommunication", esBase, nil, nil},
	{"EMAIL_LINK", "Отследить переход по ссылке", "Переход по ссылке из письма",
		"Track link clicks", "Link clicked in email" /* ours */, "clientCommunication", esBase, []specRow{specURL}, []specRow{specURL}},
	{"CALL", "Отследить входящий звонок", "Входящий звонок",
		"Track inbound call", "Inbound call" /* ours */, "clientCommunication", esBase, []specRow{specLine}, []specRow{specLine}},
	{"OUTGOING_CALL", "Отследить исходящий звонок", "Исходящий звонок",
		"Track outbound call", "Outbound call" /* ours */, "clientCommunication", esBase, nil, nil},
	{"MISSED_CALL", "Отследить пропущенный звонок", "Пропущенный звонок",
		"Track missed call", "Missed call" /* ours */, "clientCommunication", esBase, []specRow{specLine}, []specRow{specLine}},
	{"WEBFORM", "Отследить заполнение CRM-формы", "Заполнение CRM-формы",
		"Track CRM form submission", "CRM form submitted" /* ours */, "other", esBase, []specRow{specForm}, []specRow{specForm}},
	{"CALLBACK", "Отследить заполнение формы обратной связи", "Обратный звонок",
		"Track feedback form submit", "Callback" /* ours */, "clientCommunication", esBase, []specRow{specForm}, []specRow{specForm}},
	{"INVOICE", "Отследить оплату счёта", "Оплата счета",
		"Track invoice payment", "Invoice paid" /* ours */, "payment", esDeal, nil, nil},
	// PAYMENT declares no group; the editor shows it with the payments.
	{"PAYMENT", "Отследить оплату заказа", "Поступление оплаты",
		"Track order payment", "Payment", "payment", esOrder, nil, nil},
	{"ALLOW_DELIVERY", "Отследить изменение статуса доставки", "Доставка разрешена",
		"Track delivery status", "Shipment approved", "delivery", esOrder, nil, nil},
	{"FILL_TRACKNUM", "Отследить заполнение идентификатора отправления", "Заполнен идентификатор отправления",
		"Watch for shipment tracking number assigned", "Tracking number added", "delivery", esOrder,
		[]specRow{specDelivery}, []specRow{specDelivery}},
	{"SHIPMENT_CHANGED", "Отследить изменения в статусе отгрузки", "Изменена отгрузка",
		"Track shipment status change", "Shipment updated", "delivery", esOrder,
		[]specRow{{"shipmentCondition", SettingCondition, "Условие по отгрузке", "Shipment condition"}},
		[]specRow{{"shipment", SettingObject, "Поля отгрузки", "Shipment fields"}}},
	{"DEDUCTED", "Отследить отгрузку товара", "Отгрузка",
		"Watch for product shipment", "Shipment", "delivery", esOrder, nil, nil},
	{"ORDER_CANCELED", "Отследить отмену заказа", "Заказ отменен",
		"Track order cancellation", "Order canceled", "delivery", esOrder, nil, nil},
	{"ORDER_PAID", "Отследить оплату заказа", "Оплата заказа",
		"Track order payment", "Order paid" /* ours */, "payment", esDeal | esSmartInvoice | esDynamic, nil, nil},
	{"DELIVERY_FINISHED", "Отследить получение заказа клиентом", "Доставка завершена",
		"Watch for order delivery", "Delivered", "delivery", esDeal, nil, nil},
	{"WEBHOOK", "Отследить входящий вебхук", "Входящий вебхук", /* ours */
		"Track inbound webhook", "Inbound webhook" /* ours */, "other", esBase, []specRow{specWebhookCode}, []specRow{specWebhookCode}},
	{"VISIT", "Отследить факт записи переговоров с клиентом", "Визит",
		"Track customer meeting recording", "Visit", "other", noSmart, nil, nil},
	{"QR", "Отследить использование QR-кода клиентом", "Сканирование QR-кода",
		"Track QR code use by customer", "Scan QR code", "other", esDeal | esLead | esDynamic, []specRow{specOwnerID}, []specRow{specOwnerID}},
	{"GUEST_RETURN", "Отследить возврат клиента на сайт", "Возврат посетителя на сайт",
		"Track returning customer", "Visitor return", "other", esBase, nil, nil},
	{"OPENLINE", "Отследить первое сообщение от клиента в чат", "Первое сообщение в чат", /* ours */
		"Track customer's initial message", "First chat message" /* ours */, "clientCommunication", openLine,
		[]specRow{specConfigID}, []specRow{specConfigID}},
	{"OPENLINE_MSG", "Отследить активность клиента в чате", "Каждое сообщение от клиента в чат",
		"Track customer messages", "Each customer chat message" /* ours */, "clientCommunication", openLine,
		[]specRow{specConfigID, {"msg_text", SettingString, "Текст сообщения содержит", "Message text contains"}},
		[]specRow{specConfigID, {"text", SettingString, "Текст сообщения", "Message text"}}},
	{"OPENLINE_ANSWER_CTRL", "Отследить время принятия чата", "Контроль времени принятия чата",
		"Track chat accepted time", "Chat acceptance time control" /* ours */, "clientCommunication", openLine,
		[]specRow{{"imolCondition", SettingCondition, "Условие по чату", "Chat condition"}},
		[]specRow{{"session", SettingObject, "Сессия чата (CONFIG_ID, ANSWER_TIME_SEC, OPERATOR_ID, DATE_LAST_MESSAGE)",
			"Chat session (CONFIG_ID, ANSWER_TIME_SEC, OPERATOR_ID, DATE_LAST_MESSAGE)"}}},
	{"OPENLINE_ANSWER", "Отследить, что чат принят в работу", "Чат принят оператором",
		"Track chat accepted event", "Chat accepted by agent" /* ours */, "clientCommunication", openLine,
		[]specRow{specConfigID}, []specRow{specConfigID}},
	{"RESOURCE_BOOKING", "Отследить факт бронирования ресурсов", "Забронирован ресурс",
		"Track resource booking", "Resource booked", "other", noSmart, nil, nil},
	{"DOCUMENT_CREATE", "Отследить создание документа", "Генерация документа",
		"Track new entity", "Document created", "paperwork", esBase, []specRow{specTemplate}, []specRow{specTemplate}},
	{"DOCUMENT_VIEW", "Отследить просмотр документа", "Просмотр документа",
		"Track entity view", "Document opened", "paperwork", esBase, []specRow{specTemplate}, []specRow{specTemplate}},
	// TASK_STATUS declares employeeControl and taskManagement; we list it
	// under taskManagement.
	{"TASK_STATUS", "Отследить нужный статус задачи", "Изменен статус задачи",
		"Watch for task status", "Task status changed", "taskManagement",
		esLead | esDeal | esSmartInvoice | esQuote | esDynamic,
		[]specRow{{"taskStatus", SettingInt, "Статус задачи", "Task status"},
			{"taskCondition", SettingCondition, "Условие по задаче", "Task condition"}},
		[]specRow{{"status", SettingInt, "Статус задачи", "Task status"},
			{"fields", SettingObject, "Поля задачи", "Task fields"}}},
	// The e-signature trigger names (SIGN_*, B2E_*) were not retrieved
	// (open question 7): all their names are our wording.
	{"SIGN_INITIATOR_SIGNING", "Отследить подписание документа инициатором", "Инициатор подписал документ",
		"Track signing by the initiator", "Initiator signed", "paperwork", esDeal, nil, nil},
	{"SIGN_OTHER_SIGNING", "Отследить подписание документа участником", "Участник подписал документ",
		"Track signing by another member", "Member signed", "paperwork", esDeal, nil, nil},
	{"SIGN_FINAL_SIGNING", "Отследить подписание документа всеми участниками", "Документ подписан всеми",
		"Track signing by all members", "Signed by all", "paperwork", esDeal, nil, nil},
	{"B2E_COORDINATION", "Отследить согласование кадрового документа", "Кадровый документ на согласовании",
		"Track HR document approval", "HR document in approval", "paperwork", esDynamic, nil, nil},
	{"B2E_FILLING", "Отследить заполнение кадрового документа", "Кадровый документ заполняется",
		"Track HR document filling", "HR document being filled", "paperwork", esDynamic, nil, nil},
	{"B2E_SIGNING", "Отследить подписание кадрового документа", "Кадровый документ на подписании",
		"Track HR document signing", "HR document being signed", "paperwork", esDynamic, nil, nil},
	{"B2E_COMPLETED", "Отследить завершение подписания кадрового документа", "Кадровый документ подписан",
		"Track HR document completion", "HR document completed", "paperwork", esDynamic, nil, nil},
	// APP declares no group; we show it under "other".
	{"APP", "Триггеры приложений", "Триггеры приложений",
		"App triggers", "App triggers", "other", esBase, []specRow{specAppID, specAppCode}, []specRow{specAppID, specAppCode}},
}
