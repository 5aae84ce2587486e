package engine

import (
	"fmt"
	"strconv"
)

// Default stage lists of a new Bitrix24 portal (section 4.2 of
// bitrix24-automation.md), used for an entity that gives no pipelines, and
// the standard fields every item has.

// Stage colours: Bitrix24-like blues and cyans for process stages (in
// order, repeating), green for success and red for failure.
const (
	colorSuccess = "#7BD500"
	colorFailure = "#FF5752"
)

func processColor(i int) string {
	palette := [...]string{"#39A8EF", "#2FC6F6", "#55D0E0", "#1EC6FA", "#3BC8F5", "#00A2E8"}
	return palette[i%len(palette)]
}

// defaultStage is one row of a default stage table.
type defaultStage struct {
	id, semantics, ru, en string
}

// DefaultPipeline returns Bitrix24's default pipeline of an entity type in
// locale ("ru" by default, or "en"). pipelineID selects the category: deal
// stages of pipeline n > 0 get the "C{n}:" prefix; smart invoices and smart
// processes always carry "DT{type}_{n}:". Leads, quotes and orders have one
// pipeline, so their ids have no prefix. An unknown entity type gives a
// pipeline without stages.
func DefaultPipeline(entityType, locale string, pipelineID int) Pipeline {
	en := locale == "en"
	p := Pipeline{ID: pipelineID, Name: "Общая"}
	switch {
	case en && pipelineID == 0:
		p.Name = "General"
	case en:
		p.Name = "Pipeline " + strconv.Itoa(pipelineID)
	case pipelineID != 0:
		p.Name = "Воронка " + strconv.Itoa(pipelineID)
	}
	var rows []defaultStage
	prefix := ""
	switch entityType {
	case typeLead:
		rows = []defaultStage{
			{"NEW", Process, "Не обработан", "Unassigned"},
			{"IN_PROCESS", Process, "В работе", "In Progress"},
			{"PROCESSED", Process, "Обработан", "Processed"},
			{"CONVERTED", Success, "Качественный лид", "Good Lead"},
			{"JUNK", Failure, "Некачественный лид", "Junk Lead"},
		}
	case typeDeal:
		rows = []defaultStage{
			{"NEW", Process, "Новая", "New"},
			{"PREPARATION", Process, "Подготовка документов", "Create papers"},
			{"PREPAYMENT_INVOICE", Process, "Счёт на предоплату", "Invoice"},
			{"EXECUTING", Process, "В работе", "In progress"},
			{"FINAL_INVOICE", Process, "Финальный счёт", "Final invoice"},
			{"WON", Success, "Сделка успешна", "Deal won"},
			{"LOSE", Failure, "Сделка провалена", "Deal lost"},
			{"APOLOGY", Failure, "Анализ причины провала", "Analyze failure"},
		}
		if pipelineID > 0 {
			prefix = "C" + strconv.Itoa(pipelineID) + ":"
		}
	case typeQuote:
		rows = []defaultStage{
			{"DRAFT", Process, "Новое", "New"},
			{"SENT", Process, "Отправлено клиенту", "Sent to client"},
			{"APPROVED", Success, "Принято", "Accepted"},
			{"DECLAINED", Failure, "Отклонено", "Declined"}, // sic: Bitrix24's id
			{"APOLOGY", Failure, "Анализ причины отклонения", "Analyze decline"},
		}
	case typeSmartInvoice:
		rows = []defaultStage{
			{"N", Process, "Новый", "New"},
			{"S", Process, "Отправлен клиенту", "Sent to customer"},
			{"P", Success, "Оплачен", "Paid"},
			{"D", Failure, "Не оплачен", "Unpaid"},
		}
		prefix = fmt.Sprintf("DT31_%d:", pipelineID)
	case typeOrder:
		// Not in section 4.2: orders take the online store's order statuses.
		// We use the store's default statuses N, P, F plus the cancelled
		// state as a failure stage D; this list is our choice.
		rows = []defaultStage{
			{"N", Process, "Принят, ожидается оплата", "Accepted, payment pending"},
			{"P", Process, "Оплачен, формируется к отправке", "Paid, preparing for shipping"},
			{"F", Success, "Выполнен", "Completed"},
			{"D", Failure, "Отменён", "Canceled"},
		}
	default:
		n := DynamicTypeID(entityType)
		if n == 0 {
			return p
		}
		// The ids are Bitrix24's (DefaultStages.php); the names were not
		// retrieved (open question 6) and are our wording.
		rows = []defaultStage{
			{"NEW", Process, "Начало", "Start"},
			{"PREPARATION", Process, "Подготовка", "Preparation"},
			{"CLIENT", Process, "Ожидание клиента", "Waiting for client"},
			{"SUCCESS", Success, "Успех", "Success"},
			{"FAIL", Failure, "Провал", "Failure"},
		}
		prefix = fmt.Sprintf("DT%d_%d:", n, pipelineID)
	}
	p.Stages = make([]Stage, len(rows))
	for i, r := range rows {
		st := Stage{ID: prefix + r.id, Name: r.ru, Semantics: r.semantics}
		if en {
			st.Name = r.en
		}
		switch r.semantics {
		case Success:
			st.Color = colorSuccess
		case Failure:
			st.Color = colorFailure
		default:
			st.Color = processColor(i)
		}
		p.Stages[i] = st
	}
	return p
}

// standardField is one standard field with its names.
type standardField struct {
	id, typ, ru, en string
}

func standardFieldTable() []standardField {
	return []standardField{
		{"TITLE", FieldString, "Название", "Title"},
		{"OPPORTUNITY", FieldMoney, "Сумма", "Amount"},
		{"CURRENCY_ID", FieldString, "Валюта", "Currency"},
		{"ASSIGNED_BY_ID", FieldUser, "Ответственный", "Responsible person"},
		{"SOURCE_ID", FieldString, "Источник", "Source"},
		{"COMMENTS", FieldString, "Комментарий", "Comment"},
		{"BEGINDATE", FieldDate, "Дата начала", "Start date"},
		{"CLOSEDATE", FieldDate, "Дата завершения", "End date"},
		{"DATE_CREATE", FieldDateTime, "Дата создания", "Created on"},
		{"DATE_MODIFY", FieldDateTime, "Дата изменения", "Modified on"},
		{"MODIFY_BY_ID", FieldUser, "Кем изменён", "Modified by"},
	}
}

// StandardFields returns the fields every item has without declaration
// (scenario-format.md "Entities"), with their Russian names (the default
// locale; FieldName gives either language).
func StandardFields() []Field {
	rows := standardFieldTable()
	out := make([]Field, len(rows))
	for i, r := range rows {
		out[i] = Field{ID: r.id, Name: r.ru, Type: r.typ}
	}
	return out
}

// StandardFieldType returns the type of a standard field, or "" when id is
// not one.
func StandardFieldType(id string) string {
	for _, r := range standardFieldTable() {
		if r.id == id {
			return r.typ
		}
	}
	return ""
}

// FieldName is the UI name of a standard or system field in "ru" (default)
// or "en"; any other id (UF_…) comes back unchanged.
func FieldName(id, lang string) string {
	for _, r := range standardFieldTable() {
		if r.id == id {
			if lang == "en" {
				return r.en
			}
			return r.ru
		}
	}
	system := map[string][2]string{
		"ID":          {"ID", "ID"},
		"STAGE_ID":    {"Стадия", "Stage"},
		"STATUS_ID":   {"Статус", "Status"},
		"CATEGORY_ID": {"Воронка", "Pipeline"},
		"CONTACT_ID":  {"Контакт", "Contact"},
		"COMPANY_ID":  {"Компания", "Company"},
	}
	if n, ok := system[id]; ok {
		if lang == "en" {
			return n[1]
		}
		return n[0]
	}
	return id
}
