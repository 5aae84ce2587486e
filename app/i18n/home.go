package i18n

// homeMessages are the strings of the scenarios home page.
var homeMessages = map[string]map[string]string{
	RU: {},
	EN: {},
}
