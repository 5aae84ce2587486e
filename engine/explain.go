package engine

// engineReasonTexts are the sentences of the engine's own explanations:
// why a trigger did not fire, where a client event went, what happened to a
// robot, and the verdicts on expectations. %s placeholders take Reason.Args.
var engineReasonTexts = map[string]reasonText{
	"skip.current": {
		ru: "триггер стоит на текущей стадии элемента (%s): такой триггер ничего не делает",
		en: "the trigger is on the current stage (%s): such a trigger never does anything",
	},
	"skip.backwards": {
		ru: "стадия триггера %s раньше текущей (%s), а переход на предыдущий статус не разрешён",
		en: "earlier stage and moving back is not allowed: %s comes before the current stage %s",
	},
	"skip.earlierFired": {
		ru: "раньше сработал триггер на более ранней стадии (%s): за одно событие элемент перемещается один раз",
		en: "a trigger on an earlier stage (%s) fired first: an item moves at most once per event",
	},
	"skip.sameStageFired": {
		ru: "раньше сработал другой триггер той же стадии (%s): за одно событие элемент перемещается один раз",
		en: "another trigger of the same stage (%s) fired first: an item moves at most once per event",
	},
	"skip.otherPipeline": {
		ru: "триггер в другой воронке («%s»), а элемент в воронке «%s»: триггеры работают только в своей воронке",
		en: "the trigger is in another pipeline («%s») while the item is in «%s»: triggers work only within their pipeline",
	},
	"skip.respApplied": {
		ru: "при этом сохранении уже сработал триггер «Изменён ответственный», поэтому изменение полей не проверяется",
		en: "a responsible-changed trigger already applied in this save, so field changes are not checked",
	},
	"none.unsupported": {
		ru: "у %s не бывает триггеров %s: такие триггеры работают для %s",
		en: "%s cannot have %s triggers: they work for %s",
	},
	"none.inPipeline": {
		ru: "нет ни одного триггера %s в воронке «%s»: событие ничего не двигает",
		en: "there is no %s trigger in pipeline «%s»: the event moves nothing",
	},
	"fields.none": {
		ru: "в триггере не выбрано ни одного поля",
		en: "the trigger watches no field",
	},
	"fields.unwatchable": {
		ru: "Битрикс24 не позволяет отслеживать поля %s",
		en: "Bitrix24 does not let a trigger watch %s",
	},
	"fields.unchanged": {
		ru: "отслеживаемые поля (%s) не изменились; изменились: %s",
		en: "the watched fields (%s) did not change; changed: %s",
	},
	"deliver.deal": {
		ru: "событие клиента %s доставлено в %s — последнюю изменённую сделку клиента в работе",
		en: "this event of %s was delivered to %s, the client's most recently modified open deal",
	},
	"deliver.order": {
		ru: "событие клиента %s доставлено в заказ %s",
		en: "this event of %s was delivered to the client's order %s",
	},
	"deliver.smart": {
		ru: "событие клиента %s доставлено в %s: в смарт-процессе есть триггер с этим кодом",
		en: "this event of %s was delivered to %s: its smart process has a trigger with this code",
	},
	"deliver.bound": {
		ru: "%s привязано к %s",
		en: "%s is bound to %s",
	},
	"deliver.none": {
		ru: "у клиента %s нет сделки в работе, заказа или подходящего элемента смарт-процесса: событие никуда не попало",
		en: "%s has no open deal, order or matching smart-process item: the event reached nothing",
	},
	"undelivered.closed": {
		ru: "%s закрыта: события клиента %s получают только сделки в работе",
		en: "%s is closed: events of %s reach only open deals",
	},
	"undelivered.older": {
		ru: "%s — тоже сделка клиента в работе, но %s изменялась позже: событие получает только одна сделка",
		en: "%s is also an open deal of the client, but %s was modified more recently: only one deal receives the event",
	},
	"undelivered.type": {
		ru: "%s не получает события клиента %s: Битрикс24 ищет только сделки, заказы и элементы смарт-процессов",
		en: "%s does not receive events of %s: Bitrix24 looks only for deals, orders and smart-process items",
	},
	"target.missing": {
		ru: "%s не существует",
		en: "%s does not exist",
	},
	"target.bad": {
		ru: "не удалось разобрать адресата %s",
		en: "cannot read the target %s",
	},
	"entity.missing": {
		ru: "тип %s не описан в сценарии",
		en: "the entity type %s is not in the scenario",
	},
	"stage.missing": {
		ru: "нет стадии %s в %s",
		en: "there is no stage %s in %s",
	},
	"stage.otherPipeline": {
		ru: "стадия %s в другой воронке, а %s нельзя перенести в другую воронку так",
		en: "stage %s is in another pipeline, and %s cannot change pipeline that way",
	},
	"email.readTwice": {
		ru: "%s уже было прочитано: триггер «Письмо прочитано» срабатывает только при первом прочтении",
		en: "%s was already read: the e-mail read trigger fires on the first read only",
	},
	"email.sent": {
		ru: "робот отправил письмо %s по %s",
		en: "a robot sent %s from %s",
	},
	"invoice.paid": {
		ru: "счёт %s перешёл в успешную стадию (оплачен): событие «Оплата счёта» для сделки %s",
		en: "invoice %s entered its success stage (paid): the invoice payment event reaches deal %s",
	},
	"invoice.noDeal": {
		ru: "счёт %s оплачен, но его родитель %s — не сделка из сценария: триггер «Оплата счёта» некому получить",
		en: "invoice %s is paid but its parent %s is not a deal of the scenario: no deal receives the invoice trigger",
	},
	"update.nothing": {
		ru: "значения не изменились (с учётом типов полей): триггеры не проверяются",
		en: "nothing really changed (compared by field type): no trigger is checked",
	},
	"update.triggerWon": {
		ru: "роботы стадии %s не запущены: при том же сохранении сработал триггер",
		en: "the robots of %s did not start: a trigger moved the item on in the same save",
	},
	"robots.notRestarted": {
		ru: "роботы стадии %s не перезапускаются: это последняя запущенная стадия в этом каскаде",
		en: "the robots of %s are not started again: it is the last stage started in this cascade",
	},
	"cancel.left": {
		ru: "элемент перешёл на стадию %s, невыполненные роботы прежней стадии остановлены",
		en: "the item moved to %s, so the previous stage's robots that had not run were stopped",
	},
	"cancel.terminated": {
		ru: "робот «Изменить стадию» завершил процесс стадии",
		en: "a change-stage robot ended the stage's workflow",
	},
	"robot.inactive": {
		ru: "робот выключен",
		en: "the robot is switched off",
	},
	"robot.badStage": {
		ru: "стадия %s не принадлежит текущей воронке («%s»): стадия не изменена",
		en: "stage %s is not in the item's pipeline («%s»): incorrect stage, nothing changed",
	},
	"robot.badPipeline": {
		ru: "воронка %s не найдена или элемент не сделка",
		en: "pipeline %s does not exist or the item is not a deal",
	},
	"pipeline.same": {
		ru: "сделка уже в воронке «%s»",
		en: "the deal is already in pipeline «%s»",
	},
	"delay.min": {
		ru: "задержка %s мин. меньше минимальной: увеличена до 10 минут, как в Битрикс24",
		en: "a delay of %s min is under the minimum: raised to 10 minutes, as in Bitrix24",
	},
	"delay.noBasis": {
		ru: "поле %s пустое или не дата: робот выполняется без задержки",
		en: "field %s is empty or not a date: the robot runs without the delay",
	},
	"delay.shift": {
		ru:    "%s — нерабочее время компании (%s): робот учитывает рабочее время и ждёт его начала",
		en:    "%s is not company working time (%s): the robot respects working time and waits for it to start",
		ruSep: "; ",
		enSep: "; ",
	},
	"delay.shiftBack": {
		ru:    "%s — нерабочее время компании (%s): с учётом рабочего времени робот переносится на ближайшее рабочее время раньше",
		en:    "%s is not company working time (%s): respecting working time, the robot moves to the nearest earlier working time",
		ruSep: "; ",
		enSep: "; ",
	},
	"delay.shiftUser": {
		ru:    "%s — нерабочее время ответственного %s (%s): робот ждёт начала его рабочего дня",
		en:    "%s is not working time of the responsible person %s (%s): the robot waits for their working day to start",
		ruSep: "; ",
		enSep: "; ",
	},
	"delay.off.hours": {
		ru: "вне рабочих часов %s",
		en: "outside working hours %s",
	},
	"delay.off.weekend": {
		ru: "выходные по графику: %s",
		en: "days off in the schedule: %s",
	},
	"delay.off.holiday": {
		ru: "праздники: %s",
		en: "holidays: %s",
	},
	"delay.shifts": {
		ru:    "%s",
		en:    "%s",
		ruSep: "; затем ",
		enSep: "; then ",
	},
	"robot.beyondCalendar": {
		ru: "робот %s должен был бы выполниться после 9999-12-30 — за концом календаря симулятора, поэтому он не выполнится никогда",
		en: "robot %s would come due after 9999-12-30, past the end of the simulator's calendar, so it never runs",
	},
	"log.omitted": {
		ru: "… пропущено записей журнала: %s. Журнал хранит первые %s записей и после них только записи о циклах; счётчики, ожидания и показатели учитывают всё",
		en: "… %s log entries omitted. The log keeps its first %s entries and only loop entries after them; counters, expectations and KPIs count everything",
	},
	"loop.delay": {
		ru: "%s ходит по кругу с задержками: каждые %s повторяется то же состояние (стадия, поля и ждущие роботы), круг: %s. Битрикс24 не остановит такой цикл никогда; симулятор остановил роботов элемента после %s кругов подряд",
		en: "%s loops across time: every %s it comes back to the same state (stage, fields and waiting robots); the lap: %s. Bitrix24 never stops such a loop; the simulator stopped the item's robots after %s laps in a row",
	},
	"loop.cascade": {
		ru: "%s: каскад длиннее %s шагов остановлен: цикл %s",
		en: "%s: a cascade longer than %s steps was stopped: cycle %s",
	},
	"loop.steps": {
		ru: "прогон длиннее %s шагов остановлен; последний цикл: %s",
		en: "the run was stopped after %s steps; last cycle: %s",
	},
	"loop.recursion": {
		ru: "робот %s попытался в третий раз за каскад перевести элемент на %s: Битрикс24 не выполнил этот перевод и остановил процесс (рекурсия); цикл %s",
		en: "robot %s tried to move the item to %s a third time in one cascade: Bitrix24 refused that move and stopped the workflow (recursion); cycle %s",
	},
	"expect.noItem": {
		ru: "%s не существует",
		en: "%s does not exist",
	},
	"expect.stage": {
		ru: "%s в итоге на стадии %s",
		en: "%s ends in %s",
	},
	"expect.stageWrong": {
		ru: "%s в итоге на стадии %s, ожидалась %s",
		en: "%s ends in %s, expected %s",
	},
	"expect.stageAt": {
		ru: "%s в %s на стадии %s",
		en: "%s at %s is in %s",
	},
	"expect.stageAtWrong": {
		ru: "%s в %s на стадии %s, ожидалась %s",
		en: "%s at %s is in %s, expected %s",
	},
	"expect.notYet": {
		ru: "%s ещё не существует в %s",
		en: "%s does not exist yet at %s",
	},
	"expect.fired": {
		ru: "триггер %s переместил %s",
		en: "trigger %s moved %s",
	},
	"expect.firedNot": {
		ru: "триггер %s ни разу не переместил %s",
		en: "trigger %s never moved %s",
	},
	"expect.notFired": {
		ru: "триггер %s не перемещал %s",
		en: "trigger %s never moved %s",
	},
	"expect.notFiredBut": {
		ru: "триггер %s переместил %s, а не должен был",
		en: "trigger %s moved %s, which was not expected",
	},
	"expect.ran": {
		ru: "робот %s выполнился для %s",
		en: "robot %s ran for %s",
	},
	"expect.ranNot": {
		ru: "робот %s ни разу не выполнился для %s",
		en: "robot %s never ran for %s",
	},
	"expect.notRan": {
		ru: "робот %s не выполнялся для %s",
		en: "robot %s did not run for %s",
	},
	"expect.notRanBut": {
		ru: "робот %s выполнился для %s, а не должен был",
		en: "robot %s ran for %s, which was not expected",
	},
	"expect.field": {
		ru: "%s: поле %s = %s",
		en: "%s: field %s is %s",
	},
	"expect.fieldWrong": {
		ru: "%s: поле %s = %s, ожидалось %s",
		en: "%s: field %s is %s, expected %s",
	},
	"expect.empty": {
		ru: "пустое ожидание",
		en: "empty expectation",
	},
}
