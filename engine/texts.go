package engine

import (
	"embed"

	"github.com/triggersim/triggersim/text"
)

// The engine's sentences live in texts/, one file per part and language
// (explain, condition, triggers, lint, robots; see package text for the
// format): a Reason's Code is a key there and its Args fill the key's
// declared parameters in order.
//
//go:embed texts/*.txt
var textFiles embed.FS

// Texts is the engine's message catalog. The app and the command-line tool
// read it too (for example to check both languages key for key).
var Texts = text.FromFS(textFiles, "texts")

// trigger.name.<CODE> is the short Bitrix24 name of a trigger code, taken
// from the trigger catalogue rather than the text files.
const triggerNamePrefix = "trigger.name."

// RobotTypeName returns the name Bitrix24 gives a robot type ("Изменить
// стадию" for ChangeStage) in lang; an unknown type returns the type itself.
func RobotTypeName(typ, lang string) string {
	if s, ok := Texts.Format(lang, "robot.type."+typ); ok {
		return s
	}
	return typ
}

// TriggerName returns the short Bitrix24 name of a trigger code in lang
// ("Изменены поля" for FIELD_CHANGED); an unknown code returns the code.
func TriggerName(code, lang string) string {
	all := catalogue()
	for i := range all {
		if ti := &all[i]; ti.Code == code {
			if n := ti.ShortName[lang]; n != "" {
				return n
			}
			return ti.ShortName["ru"]
		}
	}
	return code
}
