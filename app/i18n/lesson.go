package i18n

// lessonMessages are the strings of lesson files in the app: hints, the
// trainee's result sheet, sharing and authoring (app/ui/lesson*-page.go,
// app/ui/author-*.go).
var lessonMessages = map[string]map[string]string{
	RU: {
		"lesson.hints":      "Подсказки",
		"lesson.hint.show":  "Показать подсказку (%d из %d)",
		"lesson.hint.label": "Подсказка %d",
	},
	EN: {
		"lesson.hints":      "Hints",
		"lesson.hint.show":  "Show a hint (%d of %d)",
		"lesson.hint.label": "Hint %d",
	},
}
