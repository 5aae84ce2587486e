package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
)

// testTab is a tab over a fresh memory store, as the pages get it from
// package main.
func testTab() *Tab {
	return NewTab(session.New(tabstore.Local(memory.New()), nil, nil), prefs.New(&prefs.Memory{}, nil))
}

// Every page renders before it mounts, as the site generator renders it
// (no OnMount, no OnNav), with only the Tab that package main gives it.
func TestPagesRenderBeforeMount(t *testing.T) {
	tab := testTab()
	for _, p := range []app.Composer{
		&Shell{Tab: tab}, &DesignerPage{Tab: tab}, &BoardPage{Tab: tab}, &WhatifPage{Tab: tab},
		&LessonsPage{Tab: tab}, &LessonPage{Tab: tab}, &NarrationPage{Tab: tab}, &QuizPage{Tab: tab},
	} {
		e := app.NewTestEngine()
		require.NoError(t, e.Load(p), "%T", p)
		e.ConsumeAll()
	}
}
