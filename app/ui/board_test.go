package ui

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/simulate"
)

func TestCardHTML(t *testing.T) {
	full := simulate.Card{Target: "DEAL_1", Title: "<b>Поставка</b>", Amount: "50\u00a0000\u00a0₽",
		Responsible: "Максим Менеджер", Pending: []string{"Напомнить · пн 12 янв, 11:00"}}
	moved := full
	moved.Moved = true
	tests := []struct {
		name, lang string
		card       simulate.Card
		want       string
	}{
		{"ru, every part; the title is text, never HTML", "ru", full,
			`<div class="board__card" data-target="DEAL_1" draggable="true">` +
				`<button type="button" class="board__card-title" title="Открыть карточку и историю">&lt;b&gt;Поставка&lt;/b&gt;</button>` +
				`<div class="board__card-meta"><span class="board__card-amount">` + full.Amount + `</span><span class="board__card-id">DEAL_1</span></div>` +
				`<div class="board__card-resp"><span class="board__card-avatar" aria-hidden="true">ММ</span><span>Максим Менеджер</span></div>` +
				`<ul class="board__card-pending" aria-label="Ждут выполнения роботы"><li class="board__card-robot">` + iconSVG("clock") +
				`<span class="icon-text">Напомнить · пн 12 янв, 11:00</span></li></ul>` +
				`<div class="board__card-actions">` +
				`<button type="button" class="board__card-action board__card-action--fire" data-testid="card-fire" aria-label="Событие — DEAL_1">` +
				iconSVG("bolt") + `<span class="icon-text">Событие</span></button>` +
				`<button type="button" class="board__card-action" data-testid="card-move" aria-haspopup="dialog" aria-label="Переместить — DEAL_1">Переместить</button>` +
				`</div></div>`},
		{"en, moved", "en", moved, ""},
		{"without the optional parts", "ru", simulate.Card{Target: "LEAD_2", Title: "LEAD_2"},
			`<div class="board__card" data-target="LEAD_2" draggable="true">` +
				`<button type="button" class="board__card-title" title="Открыть карточку и историю">LEAD_2</button>` +
				`<div class="board__card-meta"><span class="board__card-id">LEAD_2</span></div>` +
				`<div class="board__card-actions">` +
				`<button type="button" class="board__card-action board__card-action--fire" data-testid="card-fire" aria-label="Событие — LEAD_2">` +
				iconSVG("bolt") + `<span class="icon-text">Событие</span></button>` +
				`<button type="button" class="board__card-action" data-testid="card-move" aria-haspopup="dialog" aria-label="Переместить — LEAD_2">Переместить</button>` +
				`</div></div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cardHTML(tt.lang, tt.card)
			if tt.want != "" {
				assert.Equal(t, tt.want, got)
				return
			}
			assert.True(t, strings.HasPrefix(got, `<div class="board__card board__card--moved" data-target="DEAL_1" draggable="true">`), got)
			assert.Contains(t, got, `aria-label="Event — DEAL_1"`)
			assert.Contains(t, got, `<span class="icon-text">Event</span>`)
		})
	}
}

func TestSameCard(t *testing.T) {
	a := simulate.Card{Target: "DEAL_1", Title: "A", Amount: "1", Responsible: "R", Pending: []string{"x"}}
	change := []func(c *simulate.Card){
		func(c *simulate.Card) { c.Target = "DEAL_2" },
		func(c *simulate.Card) { c.Title = "B" },
		func(c *simulate.Card) { c.Amount = "2" },
		func(c *simulate.Card) { c.Responsible = "S" },
		func(c *simulate.Card) { c.Pending = []string{"y"} },
		func(c *simulate.Card) { c.Pending = nil },
	}
	for i, f := range change {
		b := a
		b.Pending = slices.Clone(a.Pending)
		f(&b)
		assert.False(t, sameCard(a, b), "change %d", i)
	}
	b := a
	b.Moved, b.Stage = true, "OTHER"
	assert.True(t, sameCard(a, b), "the highlight is toggled on the same node; the stage is the column's")
}

func TestClockBar(t *testing.T) {
	var calls []string
	rec := func(name string) func(app.Context) { return func(app.Context) { calls = append(calls, name) } }
	c := &ClockBar{
		Lang: "ru", Now: "2026-01-12T09:00:00+03:00", Label: "пн, 12 января 2026, 09:00", Local: "12.01.2026 09:00",
		Next: "пн 12 янв, 09:30", Speed: simulate.DefaultSpeed, CanStep: true, CanUndo: true,
		Actions: &ClockActions{
			OnPlay: rec("play"), OnStep: rec("step"), OnEnd: rec("end"), OnReset: rec("reset"), OnUndo: rec("undo"),
			OnJump: func(_ app.Context, v string) error {
				if v == "завтра" {
					return errors.New("Не удалось прочитать «завтра».")
				}
				calls = append(calls, "jump "+v)
				return nil
			},
		},
	}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()

	// div.clock-bar > [time block, buttons, speed, jump, history]
	assert.NoError(t, app.Match(app.Elem("time").Class("clock-bar__clock").DataSet("clock", "2026-01-12T09:00:00+03:00").
		Attr("datetime", "2026-01-12T09:00:00+03:00").Aria("live", "polite"), c, 0, 0, 1, 0))
	assert.NoError(t, app.Match(app.Text("пн, 12 января 2026, 09:00"), c, 0, 0, 1, 0, 0))
	assert.NoError(t, app.Match(app.Text("Далее: пн 12 янв, 09:30"), c, 0, 0, 1, 1, 0))
	// The play button is the primary one, labelled in words.
	assert.NoError(t, app.Match(app.Text("Запустить"), c, 0, 1, 1, 1, 0))
	// Redo is disabled: nothing was undone.
	assert.NoError(t, app.Match(app.Elem("button").Attr("type", "button").Class("button button--icon").
		DataSet("testid", "clock-redo").Title("Повторить действие").Aria("label", "Повторить действие").Attr("disabled", true).
		OnClick(func(app.Context, app.Event) {}), c, 0, 4, 1))
	// No progress bar while idle.
	assert.Error(t, app.Match(app.Elem("div"), c, 0, 5))

	// The «Перейти к» field shows the time on the 24-hour clock in the
	// interface language's format, not the browser's locale.
	assert.NoError(t, app.Match(app.ElemSelfClosing("input").Attr("type", "text").Class("clock-bar__input clock-bar__input--jump").
		DataSet("testid", "clock-jump-input").Attr("placeholder", "ДД.ММ.ГГГГ ЧЧ:ММ").
		Title("Дата и время в формате ДД.ММ.ГГГГ ЧЧ:ММ (24 часа), например 12.01.2026 09:00. Можно ввести только ЧЧ:ММ — это время сегодняшнего дня симуляции.").
		Attr("autocomplete", "off").Spellcheck(false).Aria("invalid", "false").Aria("describedby", "").
		Attr("value", "12.01.2026 09:00").OnChange(func(app.Context, app.Event) {}).OnInput(func(app.Context, app.Event) {}), c, 0, 3, 0, 1))

	c.submitJump(app.Context{})
	assert.Equal(t, []string{"jump 12.01.2026 09:00"}, calls)

	// A text that is not a time stays, with the error in words under it.
	c.jump = "завтра"
	c.submitJump(app.Context{})
	assert.Equal(t, []string{"jump 12.01.2026 09:00"}, calls)
	assert.Equal(t, "завтра", c.jump)
	assert.Equal(t, "Не удалось прочитать «завтра».", c.jumpErr)
}

// go-app renders a child component again when one of its exported fields
// differs from the last render's (reflect.DeepEqual), and a func never
// equals another func, even itself: a component given a func field is
// rendered again on every render of its parent. The board's components
// take their callbacks through one pointer the board keeps instead, so
// that a fired event renders only what it changed.
func TestBoardComponentsCompareEqual(t *testing.T) {
	for _, c := range []any{ClockBar{}, BoardColumn{}} {
		typ := reflect.TypeOf(c)
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if f.IsExported() {
				assert.NotEqual(t, reflect.Func, f.Type.Kind(), "%s.%s is a func", typ.Name(), f.Name)
			}
		}
	}
	actions := &ClockActions{OnPlay: func(app.Context) {}}
	a := ClockBar{Lang: "ru", Now: "2026-01-12T09:00:00+03:00", CanStep: true, Actions: actions}
	b := a
	assert.True(t, reflect.DeepEqual(a, b), "the same bar twice is not rendered again")
}

func TestClockBarWhilePlaying(t *testing.T) {
	c := &ClockBar{Lang: "en", Now: "2026-01-12T10:00:00+03:00", Label: "Mon, 12 January 2026, 10:00",
		Playing: true, Progress: 40, CanStep: true}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	assert.NoError(t, app.Match(app.Text("Pause"), c, 0, 1, 1, 1, 0))
	assert.NoError(t, app.Match(app.Text("Nothing is scheduled"), c, 0, 0, 1, 1, 0))
	assert.NoError(t, app.Match(app.Elem("div").Class("clock-bar__progress-fill").Style("width", "40%"), c, 0, 5, 0))
}

func TestTextOn(t *testing.T) {
	assert.Equal(t, "#1d2633", textOn("#39A8EF"), "white on Bitrix24's light blue is 2.6:1")
	assert.Equal(t, "#1d2633", textOn("#FFE066"))
	assert.Equal(t, "#1d2633", textOn("#FF5752"), "Bitrix24's red: white 3.1:1, dark ink 4.9:1")
	assert.Equal(t, "#000000", textOn("#808080"), "white 3.9:1, dark ink 3.9:1")
	assert.Equal(t, "#ffffff", textOn("#1F4F9A"))
	assert.Equal(t, "#ffffff", textOn("#D43B36"), "4.6:1")
	assert.Equal(t, "#ffffff", textOn("red"))
	assert.Equal(t, "ММ", initials("Максим Менеджер"))
}

func TestScrollMoreNamesTheHiddenEdges(t *testing.T) {
	assert.Equal(t, "", scrollMore(0, 0), "everything fits")
	assert.Equal(t, "right", scrollMore(0, 600), "the final stages are off to the right")
	assert.Equal(t, "both", scrollMore(300, 600))
	assert.Equal(t, "left", scrollMore(600, 600))
	assert.Equal(t, "left", scrollMore(599.5, 600), "sub-pixel rounding at the end")
}
