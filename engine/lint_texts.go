package engine

import "strings"

// Texts.

// lintReasonTexts are the sentences of lint findings, plus the names of
// robot types and trigger codes used to draw a cycle. Built once, never
// written.
var lintReasonTexts = buildLintReasonTexts()

func buildLintReasonTexts() map[string]reasonText {
	m := map[string]reasonText{
		"lint.unknownCode": {
			ru: "триггер %s: неизвестный код %s — такого триггера в Битрикс24 нет, он никогда не сработает",
			en: "trigger %s: unknown code %s; Bitrix24 has no such trigger, so it never fires",
		},
		"lint.unsupported": {
			ru: "триггер %s: %s не работает для %s — Битрикс24 не предложит его в списке, и он никогда не сработает; он работает для: %s",
			en: "trigger %s: %s does not work for %s; Bitrix24 does not offer it there and it never fires; it works for %s",
		},
		"lint.firstStage": {
			ru: "триггер %s стоит на первой стадии %s без «Разрешить переходить на предыдущий статус»: раньше первой стадии элементов не бывает, для элементов на ней самой триггер текущей стадии не проверяется, а для элементов дальше по воронке это переход назад — триггер никогда не сработает",
			en: "trigger %s is on the first stage %s without “allow moving back”: no item is ever before the first stage, an item on it skips the trigger of its current stage, and for items further on it is a move back, so it never fires",
		},
		"lint.fieldsNone": {
			ru: "триггер %s «Изменены поля» не отслеживает ни одного поля: пустой список никогда не срабатывает",
			en: "field-change trigger %s watches no field: an empty list never matches",
		},
		"lint.unwatchableAll": {
			ru: "триггер %s отслеживает только поля, которые Битрикс24 не даёт выбрать (%s): изменения этих полей триггер не видит, и он никогда не сработает",
			en: "trigger %s watches only fields Bitrix24 does not let a trigger watch (%s): it never sees their changes and never fires",
		},
		"lint.unwatchableSome": {
			ru: "триггер %s: поля %s Битрикс24 не даёт отслеживать — их изменения триггер не заметит, работают только остальные поля",
			en: "trigger %s: Bitrix24 does not let a trigger watch %s; changes of those fields go unnoticed, only the other fields count",
		},
		"lint.noEventMatches": {
			ru: "триггер %s не подходит ни к одному из событий сценария (%s шт. с кодом %s): %s",
			en: "trigger %s matches none of the scenario's events (%s with code %s): %s",
		},
		"lint.shadowed": {
			ru: "триггер %s перекрыт триггером %s на более ранней стадии %s: у того нет условия, и он срабатывает на то же событие, поэтому для элементов до стадии %[3]s всегда побеждает он; %[1]s сработает только для элементов, уже дошедших до %[3]s",
			en: "trigger %s is shadowed by %s on the earlier stage %s: that one has no condition and accepts the same events, so it always wins for items before %[3]s; %[1]s fires only for items already at %[3]s or later",
		},
		"lint.shadowedBack": {
			ru: "триггер %s перекрыт триггером %s на более ранней стадии %s: у того нет условия, переход назад разрешён, и он срабатывает на то же событие — %[1]s сработает только для элементов, стоящих на самой стадии %[3]s",
			en: "trigger %s is shadowed by %s on the earlier stage %s: that one has no condition, may move back and accepts the same events, so %[1]s fires only for items that are on %[3]s itself",
		},
		"lint.shadowedSame": {
			ru: "триггер %s никогда не сработает: триггер %s на той же стадии %s стоит раньше, не имеет условия и срабатывает на то же событие (порядок триггеров одной стадии — порядок добавления)",
			en: "trigger %s never fires: %s on the same stage %s comes first, has no condition and accepts the same events (triggers of one stage are tried in the order they were added)",
		},
		"lint.unreachable": {
			ru: "на стадию %s ничто не переводит: ни триггер, ни робот, ни событие сценария, ни начальный элемент",
			en: "nothing brings an item to stage %s: no trigger, robot, script event or starting item",
		},
		"lint.unreachableRobots": {
			ru: "на стадию %s ничто не переводит (ни триггер, ни робот, ни событие сценария, ни начальный элемент), поэтому её роботы (%s) не выполнятся",
			en: "nothing brings an item to stage %s (no trigger, robot, script event or starting item), so its robots (%s) never run",
		},
		"lint.cycleGuarded": {
			ru: "цикл без внешнего события: %s. Элемент мечется между стадиями в одном каскаде, пока защита Битрикс24 не остановит процесс на третьем переводе роботом на ту же стадию (рекурсия)",
			en: "a loop that needs no outside event: %s. The item ping-pongs within one cascade until Bitrix24's guard stops the workflow at the third robot move to the same stage (recursion)",
		},
		"lint.cycleUnguarded": {
			ru: "цикл без внешнего события: %s. В цикле нет робота «Изменить стадию», поэтому защита Битрикс24 от рекурсии его не остановит: элемент мечется между стадиями в одном каскаде (симулятор останавливает его по limits.cascade)",
			en: "a loop that needs no outside event: %s. It has no change-stage robot, so Bitrix24's recursion guard does not stop it: the item ping-pongs within one cascade (the simulator stops it at limits.cascade)",
		},
		"lint.cycleDelayed": {
			ru: "цикл с задержкой: %s. Между кругами проходит время, счётчики защиты Битрикс24 сбрасываются, и элемент ходит по кругу бесконечно",
			en: "a loop across time: %s. Time passes between laps, Bitrix24's guard counters reset, and the item loops forever",
		},
		"lint.drawing":  {ru: "%s", en: "%s", ruSep: " ", enSep: " "},
		"lint.step":     {ru: "%s →(%s)→", en: "%s →(%s)→", ruSep: ", ", enSep: ", "},
		"lint.plain":    {ru: "%s", en: "%s"},
		"lint.robotRef": {ru: "%s %s", en: "%s %s"},
		"lint.triggerRef": {
			ru: "%s %s",
			en: "%s %s",
		},
		"lint.delayMin": {
			ru: "робот %s: задержка %s мин. меньше минимальной — Битрикс24 выполнит его через 10 минут",
			en: "robot %s: a delay of %s min is under the minimum; Bitrix24 runs it after 10 minutes",
		},
		"lint.timeOutside": {
			ru: "робот %s выполняется в %s — вне рабочего времени компании (%s–%s), а «Учитывать рабочее время» не включено",
			en: "robot %s runs at %s, outside company working hours (%s–%s), and “respect working hours” is off",
		},
		"lint.dueOutside": {
			ru: "робот %s: для элемента из события events[%s] срок выпадает на %s — нерабочее время компании, а «Учитывать рабочее время» не включено",
			en: "robot %s: for the item of events[%s] it falls due at %s, outside company working hours, and “respect working hours” is off",
		},
		"lint.planLimit": {
			ru: "в %s %s триггеров и активных роботов, больше %s: на тарифах с ограниченной автоматизацией при превышении лимита для этого типа не работает ничего — ни триггеры, ни роботы. Затронуты: «Бесплатный» (автоматизации нет совсем) и «Базовый» (автоматизация ограничена). Лимит задаётся тарифом и в исходниках не указан; число — допущение по сторонним таблицам тарифов",
			en: "%s has %s triggers and active robots, more than %s: on plans with limited automation, going over the limit stops everything for this type, triggers and robots alike. Affected: Free (no automation at all) and Basic (limited automation). The limit is a plan setting not stated in the sources; the number is an assumption from third-party plan tables",
		},
		"lint.planTasks": {
			ru: "триггер %s связан с задачами: по справке Битрикс24 (HD-8255031) автоматизация задач есть только на тарифе «Профессиональный»",
			en: "trigger %s depends on tasks: the Bitrix24 helpdesk (HD-8255031) says task automation is available on the Professional plan only",
		},
	}
	robotNames := map[string][2]string{
		RobotChangeStage:       {"Изменить стадию", "Change stage"},
		RobotUpdateFields:      {"Изменить элемент", "Modify item"},
		RobotChangeResponsible: {"Сменить ответственного", "Change responsible person"},
		RobotChangePipeline:    {"Сменить воронку", "Change pipeline"},
		RobotCreateTask:        {"Поставить задачу", "Create task"},
		RobotSendEmail:         {"Отправить письмо", "Send email"},
		RobotSendSms:           {"Отправить SMS", "Send SMS"},
		RobotNotify:            {"Уведомить сотрудника", "Notify employee"},
		RobotAddComment:        {"Добавить комментарий", "Add comment"},
	}
	for typ, n := range robotNames {
		m["lint.robotType."+typ] = reasonText{ru: escapePercent(n[0]), en: escapePercent(n[1])}
	}
	for _, ti := range catalogue {
		m["lint.triggerName."+ti.Code] = reasonText{ru: escapePercent(ti.ShortName["ru"]), en: escapePercent(ti.ShortName["en"])}
	}
	return m
}

// escapePercent keeps a name literal inside a reason format.
func escapePercent(s string) string { return strings.ReplaceAll(s, "%", "%%") }
