package ui

import (
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage/memory"
)

// testTab is a tab over a fresh memory store, as the pages get it from
// package main.
func testTab() *Tab { return NewTab(session.New(memory.New(), nil, nil)) }
