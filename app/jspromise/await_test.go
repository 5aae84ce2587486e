//go:build js && wasm

package jspromise_test

import (
	"context"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/jspromise"
)

func TestAwait(t *testing.T) {
	p := js.Global().Get("Promise")
	v, err := jspromise.Await(context.Background(), p.Call("resolve", 42))
	require.NoError(t, err)
	assert.Equal(t, 42, v.Int())

	_, err = jspromise.Await(context.Background(), p.Call("reject", js.Global().Get("Error").New("no")))
	assert.ErrorContains(t, err, "no")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	never := p.New(js.FuncOf(func(js.Value, []js.Value) any { return nil }))
	_, err = jspromise.Await(ctx, never)
	assert.ErrorIs(t, err, context.Canceled)
}
