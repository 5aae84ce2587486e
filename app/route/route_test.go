package route

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Place
	}{
		{"home", "/", Place{Page: Home}},
		{"empty", "", Place{Page: Home}},
		{"bare designer", "/design", Place{Page: Design}},
		{"trailing slash", "/simulate/", Place{Page: Simulate}},
		{"trainer's pages", "/results", Place{Page: Results}},
		{"author of a scenario", "/author?id=s3", Place{Page: Author, Scenario: "s3"}},
		{"lesson link keeps its fragment", "/train#s1.abc", Place{Page: Train, Anchor: "s1.abc"}},
		{"unknown page", "/nope?id=s1", Place{Page: Home, Scenario: "s1"}},
		{"designer place", "/design?id=s17&entity=DEAL&pipeline=2",
			Place{Page: Design, Scenario: "s17", Entity: "DEAL", Pipeline: 2}},
		{"lint link", "/design?entity=DEAL&pipeline=0&stage=NEW#trigger-t1",
			Place{Page: Design, Entity: "DEAL", Stage: "NEW", Anchor: "trigger-t1"}},
		{"pipeline without entity is ignored", "/design?id=s1&pipeline=3",
			Place{Page: Design, Scenario: "s1"}},
		{"board with item and panel", "/simulate?id=s1&entity=LEAD&pipeline=0&item=DEAL_1&panel=log",
			Place{Page: Simulate, Scenario: "s1", Entity: "LEAD", Item: "DEAL_1", Panel: PanelLog}},
		{"example with items", "/simulate?example=07-seed-article.json&items=500",
			Place{Page: Simulate, Example: "07-seed-article.json", Items: 500}},
		{"lesson names itself with id", "/lesson?id=ru/01-first-trigger",
			Place{Page: Lesson, Lesson: "ru/01-first-trigger"}},
		{"lesson hints", "/lesson?id=ru/01-first-trigger&hints=2",
			Place{Page: Lesson, Lesson: "ru/01-first-trigger", Hints: 2}},
		{"narration step", "/narrate?lesson=en/02-robots&event=3&step=1",
			Place{Page: Narrate, Lesson: "en/02-robots", Event: 3, Step: 1}},
		{"quiz answered", "/quiz?lesson=ru/04-x&question=3&pick=WON&right=1&asked=3",
			Place{Page: Quiz, Lesson: "ru/04-x", Question: 3, Pick: "WON", Right: 1, Asked: 3}},
		{"score without question is ignored", "/quiz?lesson=ru/04-x&pick=WON&right=1&asked=3",
			Place{Page: Quiz, Lesson: "ru/04-x"}},
		{"step without event is ignored", "/narrate?lesson=en/02-robots&step=4",
			Place{Page: Narrate, Lesson: "en/02-robots"}},
		{"what-if", "/whatif?id=s2&variant=store:s3&seed=0&days=30",
			Place{Page: Whatif, Scenario: "s2", Variant: "store:s3", HasSeed: true, Days: 30}},
		{"what-if legacy variant", "/whatif?example=11-whatif-schet-7dney.json&variant=11-whatif-schet-3dnya.json",
			Place{Page: Whatif, Example: "11-whatif-schet-7dney.json", Variant: "example:11-whatif-schet-3dnya.json"}},
		{"unicode id", "/design?id=%D1%81%D1%86%D0%B5%D0%BD%D0%B0%D1%80%D0%B8%D0%B9",
			Place{Page: Design, Scenario: "сценарий"}},
		{"escaped specials in an item", "/simulate?item=a%26b%3Dc%23d",
			Place{Page: Simulate, Item: "a&b=c#d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ParseString(tt.in))
		})
	}
}

// Hostile or malformed values are dropped, never passed on and never a
// panic: the page then shows its default for that part.
func TestParseDropsHostileValues(t *testing.T) {
	long := strings.Repeat("x", maxText+1)
	tests := []struct {
		name string
		in   string
		want Place
	}{
		{"negative pipeline", "/design?entity=DEAL&pipeline=-1", Place{Page: Design, Entity: "DEAL"}},
		{"signed pipeline", "/design?entity=DEAL&pipeline=+1", Place{Page: Design, Entity: "DEAL"}},
		{"huge pipeline", "/design?entity=DEAL&pipeline=99999999999999999999", Place{Page: Design, Entity: "DEAL"}},
		{"word pipeline", "/design?entity=DEAL&pipeline=two", Place{Page: Design, Entity: "DEAL"}},
		{"lower-case entity", "/design?entity=deal&pipeline=1", Place{Page: Design}},
		{"script entity", "/design?entity=%3Cscript%3E", Place{Page: Design}},
		{"control character in id", "/design?id=s1%0Aevil", Place{Page: Design}},
		{"NUL in item", "/simulate?item=a%00b", Place{Page: Simulate}},
		{"invalid UTF-8 id", "/design?id=%FF%FE", Place{Page: Design}},
		{"overlong id", "/design?id=" + long, Place{Page: Design}},
		{"overlong anchor", "/design#" + long, Place{Page: Design}},
		{"path in example", "/design?example=../../etc/passwd", Place{Page: Design}},
		{"slash in example", "/design?example=a/b.json", Place{Page: Design}},
		{"dotdot lesson", "/lesson?id=ru/../../x", Place{Page: Lesson}},
		{"unknown panel", "/simulate?panel=evil", Place{Page: Simulate}},
		{"items zero", "/simulate?example=a.json&items=0", Place{Page: Simulate, Example: "a.json"}},
		{"items too many", "/simulate?example=a.json&items=10001", Place{Page: Simulate, Example: "a.json"}},
		{"days too many", "/whatif?days=3651", Place{Page: Whatif}},
		{"negative seed", "/whatif?seed=-5", Place{Page: Whatif}},
		{"hints zero", "/lesson?hints=0", Place{Page: Lesson}},
		{"question zero", "/quiz?question=0&asked=1", Place{Page: Quiz}},
		{"negative score", "/quiz?question=2&right=-1&asked=x", Place{Page: Quiz, Question: 2}},
		{"control character in pick", "/quiz?question=2&pick=a%0Ab", Place{Page: Quiz, Question: 2}},
		{"empty store variant", "/whatif?variant=store:", Place{Page: Whatif}},
		{"bad example variant", "/whatif?variant=example:a%20b", Place{Page: Whatif}},
		{"repeated keys take the first", "/design?id=a&id=b", Place{Page: Design, Scenario: "a"}},
		{"broken escape", "/design?id=%zz&entity=DEAL", Place{Page: Design, Entity: "DEAL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ParseString(tt.in))
		})
	}
}

func TestURLIsCanonical(t *testing.T) {
	tests := []struct {
		p    Place
		want string
	}{
		{Place{}, "/"},
		{Place{Page: Design}, "/design"},
		{Of(Simulate, "s1"), "/simulate?id=s1"},
		{Place{Page: Design, Scenario: "s1", Entity: "DEAL"}, "/design?entity=DEAL&id=s1&pipeline=0"},
		{Place{Page: Design, Scenario: "s1", Pipeline: 4}, "/design?id=s1"},
		{Place{Page: Simulate, Scenario: "a&b", Item: "x y", Panel: PanelLog}, "/simulate?id=a%26b&item=x+y&panel=log"},
		{Place{Page: Lesson, Lesson: "ru/01-x"}, "/lesson?id=ru%2F01-x"},
		{Place{Page: Lesson, Lesson: "ru/01-x", Hints: 1}, "/lesson?hints=1&id=ru%2F01-x"},
		{Place{Page: Narrate, Lesson: "ru/01-x", Event: 2}, "/narrate?event=2&lesson=ru%2F01-x&step=0"},
		{Place{Page: Quiz, Lesson: "ru/01-x", Question: 2}, "/quiz?asked=0&lesson=ru%2F01-x&question=2&right=0"},
		{Place{Page: Quiz, Lesson: "ru/01-x", Pick: "WON", Right: 1}, "/quiz?lesson=ru%2F01-x"},
		{Place{Page: Whatif, Scenario: "s1", HasSeed: true, Variant: "example:b.json"}, "/whatif?id=s1&seed=0&variant=example%3Ab.json"},
		{Place{Page: Design, Entity: "DEAL", Stage: "NEW", Anchor: "trigger-t1"}, "/design?entity=DEAL&pipeline=0&stage=NEW#trigger-t1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.p.String())
	}
}

func TestWithScenarioForgetsTheExample(t *testing.T) {
	p := ParseString("/simulate?example=07-seed-article.json&items=20&entity=DEAL&pipeline=1")
	got := p.WithScenario("s9")
	assert.Equal(t, "/simulate?entity=DEAL&id=s9&pipeline=1", got.String())
}

// Every address Parse accepts comes back unchanged through URL: the
// canonical address is a fixed point, whatever the input was.
func TestRoundTrip(t *testing.T) {
	inputs := []string{
		"/", "/design?id=s1&entity=DEAL&pipeline=2#robot-r1",
		"/simulate?id=%D1%81%D1%86&entity=SMART_INVOICE&pipeline=0&item=a%26b&panel=timeline",
		"/simulate?example=07-seed-article.json&items=3",
		"/lesson?id=ru/01-first", "/narrate?lesson=ru/01-first&event=5&step=2",
		"/quiz?lesson=en/03-x", "/quiz?lesson=en/03-x&question=4&pick=C1:WON&right=2&asked=3", "/whatif?id=s&variant=x.json&seed=42&days=7",
		"/design?id=%0A&entity=x&pipeline=-3&stage=NEW", "/nope/?id=1#%ZZ",
		"/whatif?seed=0", "/design?id=" + url.QueryEscape("\u202e\u0301 \"'<>"),
	}
	for _, in := range inputs {
		p := ParseString(in)
		back := ParseString(p.String())
		assert.Equal(t, p, back, "%s → %s", in, p.String())
		assert.Equal(t, p.String(), back.String(), in)
	}
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"/design?id=s1&entity=DEAL&pipeline=1", "/simulate?item=%00", "/narrate?lesson=a&event=1&step=9", "/whatif?variant=store:%FF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := ParseString(s)
		back := ParseString(p.String())
		require.Equal(t, p, back, "%q → %q", s, p.String())
	})
}

func TestLink(t *testing.T) {
	board := ParseString("/simulate?id=s1&entity=LEAD&pipeline=2&item=L_1&panel=log")
	tests := []struct {
		page string
		at   Place
		open string
		want string
	}{
		{Design, board, "s1", "/design?entity=LEAD&id=s1&pipeline=2"},
		{Simulate, ParseString("/design?id=s1&entity=DEAL&pipeline=1#robot-r1"), "s1", "/simulate?entity=DEAL&id=s1&pipeline=1"},
		{Whatif, board, "s1", "/whatif?id=s1"},
		{Design, board, "s2", "/design?id=s2"},
		{Design, Place{Page: Home}, "s1", "/design?id=s1"},
		{Simulate, Place{Page: Home}, "", "/simulate"},
		{Lessons, board, "s1", "/lessons"},
		{Home, board, "s1", "/"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Link(tt.page, tt.at, tt.open).String(), "%s from %s", tt.page, tt.at)
	}
}
