package lessons_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lessons"
)

// TestEveryLessonFailsThenPasses is the contract of a lesson: the starting
// automation does not meet the goal, and the solution does.
func TestEveryLessonFailsThenPasses(t *testing.T) {
	for _, lang := range lessons.Languages() {
		list := lessons.List(lang)
		require.GreaterOrEqual(t, len(list), 8, lang)
		for _, l := range list {
			t.Run(l.ID, func(t *testing.T) {
				assert.Equal(t, lang, l.Lang)
				assert.NotEmpty(t, l.Title)
				assert.NotEmpty(t, l.Description)
				start, err := l.Scenario()
				require.NoError(t, err)
				assert.Equal(t, lang, start.Locale)
				require.NotEmpty(t, start.Expect, "a lesson needs a goal")

				done, results := lessons.Check(start)
				assert.False(t, done, "the starting file must not meet the goal")
				require.Len(t, results, len(start.Expect))

				data, err := os.ReadFile(filepath.Join("solutions", lang, l.Slug+".json"))
				require.NoError(t, err, "every lesson has a solution")
				sol, err := engine.ReadScenario(data)
				require.NoError(t, err)
				done, results = lessons.CheckGoal(sol, l.Goal(), lang)
				for _, r := range results {
					assert.True(t, r.Pass, r.Message)
				}
				assert.True(t, done, "the solution must meet the goal")
			})
		}
	}
}

func TestSameLessonsInBothLanguages(t *testing.T) {
	ru, en := lessons.List("ru"), lessons.List("en")
	require.Equal(t, len(ru), len(en))
	for i := range ru {
		assert.Equal(t, ru[i].Slug, en[i].Slug)
		assert.Equal(t, i+1, ru[i].Number)
		assert.Equal(t, "en/"+ru[i].Slug, lessons.Translate(ru[i].ID, "en"))
		// The goals check the same things in both languages.
		rg, eg := ru[i].Goal(), en[i].Goal()
		require.Equal(t, len(rg), len(eg), ru[i].Slug)
		for j := range rg {
			rg[j].Name, eg[j].Name = "", ""
		}
		assert.Equal(t, rg, eg, ru[i].Slug)
	}
}

// TestLessonFilesValidate runs `triggersim lesson check` on every lesson
// file with its solution, and `triggersim validate` on every solution, as
// an author would.
func TestLessonFilesValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	files, err := filepath.Glob("*/*.json")
	require.NoError(t, err)
	var lessonFiles []string
	for _, f := range files {
		if filepath.Dir(f) != "solutions" {
			lessonFiles = append(lessonFiles, f)
		}
	}
	require.Len(t, lessonFiles, 18)
	bin := filepath.Join(t.TempDir(), "triggersim")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/triggersim").CombinedOutput()
	require.NoError(t, err, string(out))
	for _, f := range lessonFiles {
		sol := filepath.Join("solutions", f)
		out, err := exec.Command(bin, "lesson", "check", f, sol).CombinedOutput()
		assert.NoError(t, err, "%s: %s", f, out)
		assert.Contains(t, string(out), "✔", f)
		out, err = exec.Command(bin, "validate", sol).CombinedOutput()
		assert.NoError(t, err, "%s: %s", sol, out)
	}
}

func TestGet(t *testing.T) {
	l, ok := lessons.Get("ru/01-first-trigger")
	require.True(t, ok)
	assert.Equal(t, "Урок 1. Ваш первый триггер", l.Title)
	for _, bad := range []string{"", "ru", "de/01-first-trigger", "ru/../en/01-first-trigger", "ru/99-none"} {
		_, ok := lessons.Get(bad)
		assert.False(t, ok, bad)
	}
	assert.Equal(t, "ru", lessons.List("fr")[0].Lang)
}

func TestCheckGoalUsesTheGivenGoal(t *testing.T) {
	l, _ := lessons.Get("en/01-first-trigger")
	sc, err := l.Scenario()
	require.NoError(t, err)
	// A learner who deletes the expectations does not pass.
	sc.Expect = nil
	done, _ := lessons.Check(sc)
	assert.False(t, done)
	done, results := lessons.CheckGoal(sc, l.Goal(), "en")
	assert.False(t, done)
	require.Len(t, results, 2)
	assert.Equal(t, "DEAL_1 ends in NEW, expected PREPARATION", results[0].Message)
}

func ExampleCheck() {
	l, _ := lessons.Get("en/02-conditions")
	sc, _ := l.Scenario()
	done, results := lessons.Check(sc)
	fmt.Println(done)
	for _, r := range results {
		fmt.Println(r.Pass, r.Message)
	}
	// Output:
	// false
	// true DEAL_1 ends in PREPARATION
	// false DEAL_2 ends in PREPARATION, expected NEW
}
