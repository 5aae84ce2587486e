//go:build !(js && wasm)

package conventions

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uiDir is the components' package: they render state and dispatch
// actions; state lives in the session, the preferences and the page
// components (one per tab), never in a package-level variable.
const uiDir = "app/ui"

// uiFile is one parsed non-test file of app/ui.
type uiFile struct {
	path string
	fset *token.FileSet
	file *ast.File
}

func (f uiFile) pos(p token.Pos) string {
	return f.path + ":" + strconv.Itoa(f.fset.Position(p).Line)
}

func uiFiles(t *testing.T) []uiFile {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(root, uiDir, "*.go"))
	require.NoError(t, err)
	var files []uiFile
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		require.NoError(t, err)
		files = append(files, uiFile{uiDir + "/" + filepath.Base(p), fset, f})
	}
	require.Greater(t, len(files), 20, "the glob found app/ui's files")
	return files
}

// app/ui has no package-level mutable state. A package-level var is
// allowed only as a compile-time assertion (var _ I = (*T)(nil)) or as a
// read-only table: initialised where it is declared and never assigned,
// incremented, indexed into on the left of an assignment, deleted from,
// cleared or have its address taken anywhere in the package. A var
// declared without a value is state by definition.
func TestUIHasNoMutableGlobals(t *testing.T) {
	assert.Empty(t, mutableGlobals(uiFiles(t)), "keep state in the session, the preferences or a component; a table must be read-only")
}

// mutableGlobals lists the package-level vars of files that are state,
// one message each.
func mutableGlobals(files []uiFile) []string {
	var problems []string
	tables := map[string]string{} // name → where declared
	for _, f := range files {
		for _, d := range f.file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, name := range vs.Names {
					switch {
					case name.Name == "_":
					case len(vs.Values) == 0:
						problems = append(problems, f.pos(name.Pos())+": var "+name.Name+" has no value")
					default:
						tables[name.Name] = f.pos(name.Pos())
					}
				}
			}
		}
	}
	for _, f := range files {
		written := func(e ast.Expr, how string) {
			if name := rootIdent(e); name != "" && tables[name] != "" {
				problems = append(problems, f.pos(e.Pos())+": "+how+" "+name+" (declared at "+tables[name]+")")
			}
		}
		ast.Inspect(f.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					return true // a new local, even if it shadows the name
				}
				for _, lhs := range n.Lhs {
					written(lhs, "assigns to")
				}
			case *ast.IncDecStmt:
				written(n.X, "changes")
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					written(n.X, "takes the address of")
				}
			case *ast.CallExpr:
				if fn, ok := n.Fun.(*ast.Ident); ok && (fn.Name == "delete" || fn.Name == "clear") && len(n.Args) > 0 {
					written(n.Args[0], fn.Name+" on")
				}
			}
			return true
		})
	}
	return problems
}

// rootIdent is the variable an expression writes into: x for x, x[i],
// x.f, *x and (x); "" for anything else.
func rootIdent(e ast.Expr) string {
	for {
		switch v := e.(type) {
		case *ast.Ident:
			return v.Name
		case *ast.IndexExpr:
			e = v.X
		case *ast.SelectorExpr:
			e = v.X
		case *ast.StarExpr:
			e = v.X
		case *ast.ParenExpr:
			e = v.X
		default:
			return ""
		}
	}
}

// The rule catches state: a var without a value, and every way a table
// is written; assertions, read-only tables and locals pass.
func TestMutableGlobalsAreCaught(t *testing.T) {
	src := `package ui
var _ fmt.Stringer = (*T)(nil)
var names = map[string]string{"a": "A"}
var counts = map[string]int{}
var last string
var ready, open = false, 0
func read(k string) string { names := 1; _ = names; return names[k] }
func bump(k string) { counts[k]++ }
func reset() { delete(counts, "a"); clear(counts); ready = true; p := &open; _ = p }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	require.NoError(t, err)
	got := mutableGlobals([]uiFile{{"x.go", fset, f}})
	assert.Equal(t, []string{
		"x.go:5: var last has no value",
		"x.go:8: changes counts (declared at x.go:4)",
		"x.go:9: delete on counts (declared at x.go:4)",
		"x.go:9: clear on counts (declared at x.go:4)",
		"x.go:9: assigns to ready (declared at x.go:6)",
		"x.go:9: takes the address of open (declared at x.go:6)",
	}, got)
}

// app/ui sets data-* and aria-* attributes with Attr, never with go-app's
// DataSet, DataSets or Aria: those format every value with fmt.Sprintf,
// strings included, and a page's first render was where the program first
// used fmt, whose code the browser then compiles on the page's main
// thread (2.9 ms of a warm load's start in V8 CPU profiles). A view's
// data-* and aria-* go through formatValue.
func TestUISetsDataAndAriaWithAttr(t *testing.T) {
	assert.Empty(t, formattingSetters(uiFiles(t)), `use Attr("data-…", s) or Attr("aria-…", s) with a string`)
}

// formattingSetters lists the calls of DataSet, DataSets and Aria in files.
func formattingSetters(files []uiFile) []string {
	var problems []string
	for _, f := range files {
		ast.Inspect(f.file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "DataSet", "DataSets", "Aria":
					problems = append(problems, f.pos(sel.Sel.Pos())+": "+sel.Sel.Name)
				}
			}
			return true
		})
	}
	return problems
}

func TestFormattingSettersAreCaught(t *testing.T) {
	src := `package ui
func a() app.UI { return app.Div().DataSet("testid", "x").Attr("data-ok", "y") }
func b() app.UI {
	return app.Span().
		Aria("hidden", "true").DataSets(nil)
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	require.NoError(t, err)
	assert.Equal(t, []string{"x.go:2: DataSet", "x.go:5: DataSets", "x.go:5: Aria"}, formattingSetters([]uiFile{{"x.go", fset, f}}))
}
