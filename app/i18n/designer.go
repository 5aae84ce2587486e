package i18n

// designerMessages are the strings of the automation designer.
var designerMessages = map[string]map[string]string{
	RU: {},
	EN: {},
}
