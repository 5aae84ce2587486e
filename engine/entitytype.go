package engine

import (
	"strconv"
)

// Entity type names as scenario files write them (Bitrix24's CCrmOwnerType
// names). Smart processes are "DYNAMIC_<n>".
const (
	typeLead         = "LEAD"
	typeDeal         = "DEAL"
	typeQuote        = "QUOTE"
	typeSmartInvoice = "SMART_INVOICE"
	typeOrder        = "ORDER"
	dynamicPrefix    = "DYNAMIC_"
)

// Smart-process type ids: Bitrix24 gives the first 64 custom types the ids
// 128–191 (CCrmOwnerType::DynamicTypeStart/End) and newer portals continue
// with even ids from 1030 (UnlimitedTypeStart).
const (
	dynamicTypeStart     = 128
	dynamicTypeEnd       = 191
	unlimitedDynamicFrom = 1030
)

// ValidEntityType reports whether t is an entity type a scenario may use:
// LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER or DYNAMIC_<n> with n in 128..191
// or an even n >= 1030.
func ValidEntityType(t string) bool {
	switch t {
	case typeLead, typeDeal, typeQuote, typeSmartInvoice, typeOrder:
		return true
	}
	return IsDynamic(t)
}

// validEntityTypes lists the entity types a scenario may use, for errors.
const validEntityTypes = "LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER or a smart process DYNAMIC_<n> (n from 128 to 191, or an even n from 1030)"

// entityTypeErr says why t is not an entity type and which are valid: a
// "DYNAMIC_<n>" with an n Bitrix24 never gives gets the valid ids. prefix
// ("CREATE: ") comes before the message in every language.
func entityTypeErr(prefix, t string) error {
	if len(t) > len(dynamicPrefix) && t[:len(dynamicPrefix)] == dynamicPrefix {
		return errCode("xref.smartProcessType", prefix, strconv.Quote(Clip(t)), strconv.Itoa(dynamicTypeStart),
			strconv.Itoa(dynamicTypeEnd), strconv.Itoa(unlimitedDynamicFrom))
	}
	return errCode("xref.entityType", prefix, validEntityTypes, strconv.Quote(Clip(t)))
}

// IsDynamic reports whether t is a valid smart-process type "DYNAMIC_<n>".
func IsDynamic(t string) bool {
	return DynamicTypeID(t) != 0
}

// DynamicTypeID returns n of a valid "DYNAMIC_<n>", or 0 for anything else.
func DynamicTypeID(t string) int {
	if len(t) <= len(dynamicPrefix) || t[:len(dynamicPrefix)] != dynamicPrefix {
		return 0
	}
	n, ok := parsePositiveInt(t[len(dynamicPrefix):])
	if !ok {
		return 0
	}
	if n >= dynamicTypeStart && n <= dynamicTypeEnd {
		return n
	}
	if n >= unlimitedDynamicFrom && n%2 == 0 {
		return n
	}
	return 0
}

// OwnerTypeID is Bitrix24's OWNER_TYPE_ID (crm.enum.ownertype) of an entity
// type: the number crm.automation.trigger.execute expects. It returns 0 for
// an unknown type.
func OwnerTypeID(t string) int {
	switch t {
	case typeLead:
		return 1
	case typeDeal:
		return 2
	case "CONTACT":
		return 3
	case "COMPANY":
		return 4
	case typeQuote:
		return 7
	case typeOrder:
		return 14
	case typeSmartInvoice:
		return 31
	}
	return DynamicTypeID(t)
}

// SinglePipeline reports whether t has exactly one pipeline (id 0): leads,
// quotes and orders have no categories in Bitrix24.
func SinglePipeline(t string) bool {
	switch t {
	case typeLead, typeQuote, typeOrder:
		return true
	}
	return false
}

// EntityName is the human name of an entity type in "ru" (default) or "en",
// as used in explanations and the UI. Unknown types come back unchanged.
func EntityName(t, lang string) string {
	en := lang == "en"
	pick := func(ru, e string) string {
		if en {
			return e
		}
		return ru
	}
	switch t {
	case typeLead:
		return pick("Лид", "Lead")
	case typeDeal:
		return pick("Сделка", "Deal")
	case typeQuote:
		return pick("Предложение", "Quote")
	case typeSmartInvoice:
		return pick("Счёт", "Invoice")
	case typeOrder:
		return pick("Заказ", "Order")
	case "CONTACT":
		return pick("Контакт", "Contact")
	case "COMPANY":
		return pick("Компания", "Company")
	case "EMAIL":
		return pick("Письмо", "Email")
	case "TASK":
		return pick("Задача", "Task")
	}
	if n := DynamicTypeID(t); n != 0 {
		return pick("Смарт-процесс ", "Smart process ") + strconv.Itoa(n)
	}
	return t
}

// ParseTarget splits a target "TYPE_ID" at its last underscore, as
// Bitrix24's webhook trigger does, so "DYNAMIC_128_7" gives ("DYNAMIC_128",
// 7) and "SMART_INVOICE_2" gives ("SMART_INVOICE", 2). Besides the CRM entity
// types it accepts the non-item targets CONTACT_n, COMPANY_n, EMAIL_n and
// TASK_n. The id must be a positive decimal without leading zeros.
func ParseTarget(s string) (entityType string, id int, ok bool) {
	i := lastUnderscore(s)
	if i <= 0 {
		return "", 0, false
	}
	t := s[:i]
	n, ok := parsePositiveInt(s[i+1:])
	if !ok {
		return "", 0, false
	}
	switch t {
	case "CONTACT", "COMPANY", "EMAIL", "TASK":
		return t, n, true
	}
	if !ValidEntityType(t) {
		return "", 0, false
	}
	return t, n, true
}

// Target builds the target string of an item or client: Target("DEAL", 5)
// is "DEAL_5".
func Target(t string, id int) string {
	return t + "_" + strconv.Itoa(id)
}

func lastUnderscore(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '_' {
			return i
		}
	}
	return -1
}

// parsePositiveInt reads a decimal > 0 without sign or leading zeros and
// small enough not to overflow; it never allocates.
func parsePositiveInt(s string) (int, bool) {
	if s == "" || len(s) > 9 || s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
