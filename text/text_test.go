package text_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/text"
)

func sample() *text.Catalog {
	return text.FromFiles(map[string]string{
		"a.ru.txt": "# comment\n\nskip.backwards(stage, current) = стадия {stage} раньше {current}\n" +
			"clause_>=(field) = {field} >= — ложь\nsep = \"; или \"\nboard.add = Добавить\nfill = {target} перемещён\n" +
			"json = ожидался объект {\"TITLE\": …}\nempty =\nrepeat(id, stage) = {id} до {stage}; {id} на {stage}\n",
		"a.en.txt": "skip.backwards(stage, current) = {stage} comes before {current}\n" +
			"clause_>=(field) = {field} >= is false\nsep = \"; or \"\nboard.add = Add\nfill = {target} moved\n" +
			"json = expected an object {\"TITLE\": …}\nempty =\nrepeat(id, stage) = {id} before {stage}; {id} on {stage}\n",
		"notes.md": "ignored",
	})
}

func TestFormatFillsDeclaredParametersInOrder(t *testing.T) {
	c := sample()
	require.Empty(t, c.Problems())
	s, ok := c.Format("ru", "skip.backwards", "NEW", "WON")
	require.True(t, ok)
	assert.Equal(t, "стадия NEW раньше WON", s)
	s, _ = c.Format("en", "skip.backwards", "NEW", "WON")
	assert.Equal(t, "NEW comes before WON", s)
	s, _ = c.Format("en", "skip.backwards", "NEW")
	assert.Equal(t, "NEW comes before ?", s, "a missing argument shows as ?")
	s, _ = c.Format("en", "repeat", "t1", "S")
	assert.Equal(t, "t1 before S; t1 on S", s, "a placeholder may repeat")
	s, _ = c.Format("en", "clause_>=", "AGE")
	assert.Equal(t, "AGE >= is false", s, "keys may hold = and >")
}

func TestQuotedTextsKeepTheirSpaces(t *testing.T) {
	c := sample()
	s, _ := c.Format("ru", "sep")
	assert.Equal(t, "; или ", s)
	s, _ = c.Format("en", "empty")
	assert.Equal(t, "", s)
}

func TestBracesAroundNonNamesAreLiteral(t *testing.T) {
	s, _ := sample().Format("en", "json")
	assert.Equal(t, `expected an object {"TITLE": …}`, s)
}

func TestNamedFillsByName(t *testing.T) {
	c := sample()
	s, ok := c.Named("en", "fill", "target", "DEAL_1")
	require.True(t, ok)
	assert.Equal(t, "DEAL_1 moved", s)
	s, _ = c.Named("ru", "fill")
	assert.Equal(t, "{target} перемещён", s, "a placeholder without a value stays visible")
}

func TestUnknownKeyAndLanguage(t *testing.T) {
	c := sample()
	_, ok := c.Format("en", "nope")
	assert.False(t, ok)
	s, _ := c.Format("de", "board.add")
	assert.Equal(t, "Добавить", s, "an unknown language reads Russian")
	assert.Equal(t, []string{"stage", "current"}, c.Params("skip.backwards"))
	assert.Nil(t, c.Params("fill"))
	assert.Equal(t, []string{"current", "stage"}, c.Placeholders("en", "skip.backwards"))
}

func TestProblems(t *testing.T) {
	c := text.FromFiles(map[string]string{
		"x.ru.txt": "only.ru = да\nboth(a) = {a} и {b}\ndiff = {x}\nparams(a, b) = {a} {b}\nverbs = %s и %d\ntwice = 1\ntwice = 2\nbroken line\nunused(a, b) = {a}\npct = 95 % интервал, 50 %\nescaped = 95 %% интервал\nnumbered = {0} и {1}, {0}\n",
		"x.en.txt": "both(a) = {a} and {b}\ndiff = {y}\nparams(b, a) = {a} {b}\nverbs = %[1]s\ntwice = 1\nunused(a, b) = {a}\nonly.en = yes\npct = 95% interval, 50%\nescaped = 95% interval\nnumbered = {0} and {1}\n",
	})
	assert.ElementsMatch(t, []string{
		"x.ru.txt:7: key twice is defined twice",
		"x.ru.txt:8: expected `key = text` or `key(params) = text`",
		"key both (ru): placeholder {b} is not among its parameters (a)",
		"key both (en): placeholder {b} is not among its parameters (a)",
		"key diff: placeholders differ between ru {x} and en {y}",
		"key only.en has no ru text",
		"key only.ru has no en text",
		"key params: parameter lists differ between ru (a, b) and en (b, a)",
		"key unused: parameter b is never used",
		"key verbs (ru): printf verb %d %s; name the value instead ({count})",
		"key verbs (en): printf verb %[1]s; name the value instead ({count})",
		"key escaped (ru): printf verb %%; name the value instead ({count})",
		"key numbered (ru): numbered placeholder {0} {1}; name the value instead ({count})",
		"key numbered (en): numbered placeholder {0} {1}; name the value instead ({count})",
	}, c.Problems(), "a literal percent sign (pct) is no problem")
}

func TestSay(t *testing.T) {
	c := text.FromFiles(map[string]string{
		"a.ru.txt": "hi = привет, {name}\n",
		"a.en.txt": "hi = hello, {name}\n",
	})
	assert.Equal(t, "hello, Анна", c.Say("en", "hi", "name", "Анна"))
	assert.Equal(t, "привет, Анна", c.Say("ru", "hi", "name", "Анна"))
	assert.Equal(t, "привет, Анна", c.Say("de", "hi", "name", "Анна"), "other languages read Russian")
	assert.Equal(t, "bye", c.Say("en", "bye"), "a missing key shows itself")
}
