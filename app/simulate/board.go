package simulate

import (
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// PageSize is how many cards a column shows before "show more".
const PageSize = 20

// Tab is one board the page can show: an entity type's pipeline.
type Tab struct {
	Entity   string
	Pipeline int
	Label    string
	Count    int
}

// Chip is a trigger or a robot on a stage, as the column header shows it.
type Chip struct {
	ID   string
	Name string
	Code string // the trigger code or the robot type
	// Kind is what Bitrix24 calls the code or type in the board's
	// language («Входящий звонок», «Изменить стадию»): the interface shows
	// it, never the code.
	Kind string
	// Lit is true for a trigger that fired in the last action.
	Lit bool
}

// Card is one item on the board.
type Card struct {
	Target      string
	Stage       string
	Title       string
	Amount      string
	Responsible string
	// Pending lists the robots waiting for this item: "name · due".
	Pending []string
	// Moved is true when the last action moved or created it.
	Moved bool
}

// Column is one stage of the board with its cards (at most its limit).
type Column struct {
	Stage     string
	Name      string
	Color     string
	Semantics string
	Count     int
	Cards     []Card
	// More is how many cards are not shown.
	More     int
	Triggers []Chip
	Robots   []Chip
}

// Board is the Kanban view of one pipeline.
type Board struct {
	Entity   string
	Pipeline int
	Columns  []Column
}

// Tabs lists every pipeline of every entity type with its item count.
func (c *Controller) Tabs(lang string) []Tab {
	return c.tabs(c.readPlaces(), lang)
}

// View builds the tabs and the board of one pipeline (what Tabs and Board
// return) from one read of the items' places: the engine sorts every item
// for each read, which at ten thousand items is most of a refresh.
func (c *Controller) View(entity string, pipeline int, limits map[string]int, n *Names, lang string) ([]Tab, Board) {
	places := c.readPlaces()
	return c.tabs(places, lang), c.board(places, entity, pipeline, limits, n, lang)
}

// readPlaces reads where every item is into the controller's buffer,
// valid until the next call.
func (c *Controller) readPlaces() []engine.ItemPlace {
	c.places = c.sim.AppendPlaces(c.places[:0])
	return c.places
}

func (c *Controller) tabs(places []engine.ItemPlace, lang string) []Tab {
	type board struct {
		entity   string
		pipeline int
	}
	counts := map[board]int{}
	for _, it := range places {
		counts[board{it.Entity, it.Pipeline}]++
	}
	var out []Tab
	for _, e := range c.sc.Entities {
		name := e.Title
		if name == "" {
			name = engine.EntityName(e.Type, lang)
		}
		for _, p := range e.Pipelines {
			label := name
			if len(e.Pipelines) > 1 {
				label += ": " + p.Name
			}
			out = append(out, Tab{Entity: e.Type, Pipeline: p.ID, Label: label, Count: counts[board{e.Type, p.ID}]})
		}
	}
	return out
}

// Pipeline finds a pipeline of the scenario.
func (c *Controller) Pipeline(entity string, id int) (engine.Pipeline, bool) {
	for _, e := range c.sc.Entities {
		if e.Type != entity {
			continue
		}
		for _, p := range e.Pipelines {
			if p.ID == id {
				return p, true
			}
		}
	}
	return engine.Pipeline{}, false
}

// Board builds the columns of one pipeline. limits gives a column's card
// limit by stage id (PageSize when absent): long columns render only their
// first cards, so a board of ten thousand items stays fast.
func (c *Controller) Board(entity string, pipeline int, limits map[string]int, n *Names, lang string) Board {
	return c.board(c.readPlaces(), entity, pipeline, limits, n, lang)
}

func (c *Controller) board(places []engine.ItemPlace, entity string, pipeline int, limits map[string]int, n *Names, lang string) Board {
	b := Board{Entity: entity, Pipeline: pipeline}
	p, ok := c.Pipeline(entity, pipeline)
	if !ok {
		return b
	}
	lit, moved := c.recent()
	index := map[string]int{}
	for i, st := range p.Stages {
		index[st.ID] = i
		col := Column{Stage: st.ID, Name: st.Name, Color: st.Color, Semantics: st.Semantics}
		for _, t := range c.sc.Triggers {
			if t.Entity == entity && n.stageIn(p, t.Stage) == st.ID {
				col.Triggers = append(col.Triggers, Chip{ID: t.ID, Name: n.Trigger(t.ID, lang), Code: t.Code, Kind: CodeName(t.Code, lang), Lit: lit[t.ID]})
			}
		}
		for _, r := range c.sc.Robots {
			if r.Entity == entity && n.stageIn(p, r.Stage) == st.ID {
				col.Robots = append(col.Robots, Chip{ID: r.ID, Name: n.Robot(r.ID, lang), Code: r.Type, Kind: engine.RobotTypeName(r.Type, pick(lang))})
			}
		}
		b.Columns = append(b.Columns, col)
	}
	// Places are cheap; the full state (a copy of the fields) is read only
	// for the cards a column shows.
	for _, pl := range places {
		if pl.Entity != entity || pl.Pipeline != pipeline {
			continue
		}
		i, ok := index[pl.Stage]
		if !ok {
			continue
		}
		col := &b.Columns[i]
		col.Count++
		limit, ok := limits[col.Stage]
		if !ok {
			limit = PageSize
		}
		if len(col.Cards) >= limit {
			col.More++
			continue
		}
		it, _ := c.sim.Item(pl.Target)
		col.Cards = append(col.Cards, c.card(it, n, lang, moved[pl.Target]))
	}
	return b
}

// stageIn resolves a trigger's or robot's stage as written (a bare id such
// as "P" is accepted for a prefixed default stage) to a stage id of p, or
// "" when the stage is not in p.
func (n *Names) stageIn(p engine.Pipeline, id string) string {
	for _, st := range p.Stages {
		if st.ID == id {
			return id
		}
	}
	for _, st := range p.Stages {
		if i := strings.LastIndexByte(st.ID, ':'); i >= 0 && st.ID[i+1:] == id {
			return st.ID
		}
	}
	return ""
}

// card is the view of one item.
func (c *Controller) card(it engine.ItemState, n *Names, lang string, moved bool) Card {
	cd := Card{Target: it.Target, Stage: it.Stage, Moved: moved}
	cd.Title = ItemTitle(it)
	cd.Amount = Amount(it.Fields["OPPORTUNITY"], it.Fields["CURRENCY_ID"])
	if f, ok := it.Fields["ASSIGNED_BY_ID"].(float64); ok {
		cd.Responsible = n.User(int(f))
	}
	for _, p := range it.Pending {
		cd.Pending = append(cd.Pending, n.Robot(p.Robot, lang)+" · "+FormatShort(p.Due, lang))
	}
	return cd
}

// ItemTitle is the item's TITLE, else its target.
func ItemTitle(it engine.ItemState) string {
	if s, ok := it.Fields["TITLE"].(string); ok && strings.TrimSpace(s) != "" {
		return s
	}
	return it.Target
}

// Amount formats a deal's sum the way Bitrix24's cards do: "50 000 ₽".
// The value may be a number, or a money string "50000|RUB"; the currency
// defaults to roubles. It returns "" for no sum.
func Amount(v any, currency any) string {
	cur, _ := currency.(string)
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case string:
		amount, c, _ := strings.Cut(x, "|")
		if c != "" {
			cur = c
		}
		var err error
		if f, err = strconv.ParseFloat(strings.ReplaceAll(amount, " ", ""), 64); err != nil {
			return ""
		}
	default:
		return ""
	}
	sym := map[string]string{"": "₽", "RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "BYN": "Br", "UAH": "₴"}[cur]
	if sym == "" {
		sym = cur
	}
	// A no-break space keeps the sum on one line.
	return strings.ReplaceAll(engine.FormatNumber(f), " ", "\u00a0") + "\u00a0" + sym
}

// recent collects what the last action did: the triggers that fired and
// the items that moved or appeared.
func (c *Controller) recent() (lit, moved map[string]bool) {
	lit, moved = map[string]bool{}, map[string]bool{}
	for _, e := range c.sim.LogRange(c.lastFrom, c.sim.LogLen()) {
		switch e.Type {
		case engine.LogTrigger:
			lit[e.Trigger] = true
			moved[e.Target] = true
		case engine.LogMove, engine.LogCreate:
			moved[e.Target] = true
		}
	}
	return lit, moved
}

// CountLabel is "3 сделки" / "3 items" style text for a column's count.
func CountLabel(lang string, n int) string {
	return strconv.Itoa(n) + " " + i18n.Plural(lang, n, i18n.T(lang, "board.item.one"), i18n.T(lang, "board.item.few"), i18n.T(lang, "board.item.many"))
}
