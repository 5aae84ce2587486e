//go:build !(js && wasm)

package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestComponentsDoNotReachStorage: components render and dispatch; the
// scenario store is the session's (app/session), the browser's storage
// the preferences' (app/prefs). A call of ctx.LocalStorage(),
// ctx.SessionStorage() or a Store() without arguments (a session's
// store; atomic.Bool.Store takes one) in this package fails here.
func TestComponentsDoNotReachStorage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	forbidden := map[string]bool{"LocalStorage": true, "SessionStorage": true, "Store": true}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && forbidden[sel.Sel.Name] && len(call.Args) == 0 {
				assert.Fail(t, "a component reaches storage", "%s: %s()", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
