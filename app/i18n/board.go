package i18n

// boardMessages are the strings of the simulation board.
var boardMessages = map[string]map[string]string{
	RU: {},
	EN: {},
}
