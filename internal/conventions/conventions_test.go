//go:build !(js && wasm)

package conventions

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// root is the module root, two levels up.
const root = "../.."

// testFile is one parsed _test.go file of the repository.
type testFile struct {
	path string // relative to the module root, slash-separated
	fset *token.FileSet
	file *ast.File
	src  []byte
}

// testFiles parses every _test.go file of the module (build outputs,
// fetched tools and testdata excluded).
func testFiles(t *testing.T) []testFile {
	t.Helper()
	var files []testFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", ".bin", "dist", "testdata", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		files = append(files, testFile{filepath.ToSlash(rel), fset, f, src})
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, len(files), 50, "the walk found the repository's tests")
	return files
}

func (f testFile) pos(p token.Pos) string {
	return f.path + ":" + strconv.Itoa(f.fset.Position(p).Line)
}

func (f testFile) imports(path string) bool {
	for _, imp := range f.file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			return true
		}
	}
	return false
}

// tests reports whether the file declares Test or Fuzz functions.
func (f testFile) tests() bool {
	for _, d := range f.file.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil &&
			(strings.HasPrefix(fn.Name.Name, "Test") || strings.HasPrefix(fn.Name.Name, "Fuzz")) {
			return true
		}
	}
	return false
}

// calls visits every method call x.name(...) with its enclosing nodes.
func (f testFile) calls(visit func(sel *ast.SelectorExpr, call *ast.CallExpr, stack []ast.Node)) {
	var stack []ast.Node
	ast.Inspect(f.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				visit(sel, call, stack)
			}
		}
		stack = append(stack, n)
		return true
	})
}

// testingVars are the names our tests give *testing.T, B, F and TB.
var testingVars = map[string]bool{"t": true, "tb": true, "b": true, "f": true}

// Every test file asserts with testify: it imports assert or require and
// never reports failures with the testing package's Error/Fatal family.
func TestTestsUseTestify(t *testing.T) {
	for _, f := range testFiles(t) {
		if f.tests() {
			assert.True(t, f.imports("github.com/stretchr/testify/assert") || f.imports("github.com/stretchr/testify/require"),
				"%s declares tests but imports neither testify/assert nor testify/require", f.path)
		}
		f.calls(func(sel *ast.SelectorExpr, _ *ast.CallExpr, _ []ast.Node) {
			id, ok := sel.X.(*ast.Ident)
			if !ok || !testingVars[id.Name] {
				return
			}
			switch sel.Sel.Name {
			case "Error", "Errorf", "Fatal", "Fatalf":
				assert.Fail(t, f.pos(sel.Pos())+": "+id.Name+"."+sel.Sel.Name+" instead of a testify assertion")
			}
		})
	}
}

// No test is skipped, except a slow one under -short: a skip must never
// hide a missing file or a known bug.
func TestNoSkips(t *testing.T) {
	for _, f := range testFiles(t) {
		f.calls(func(sel *ast.SelectorExpr, _ *ast.CallExpr, stack []ast.Node) {
			id, ok := sel.X.(*ast.Ident)
			if !ok || !testingVars[id.Name] || !strings.HasPrefix(sel.Sel.Name, "Skip") {
				return
			}
			assert.True(t, underShort(stack), "%s: %s.%s outside `if testing.Short()`", f.pos(sel.Pos()), id.Name, sel.Sel.Name)
		})
	}
}

// underShort reports whether the innermost if around a call tests
// testing.Short().
func underShort(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if is, ok := stack[i].(*ast.IfStmt); ok {
			call, ok := is.Cond.(*ast.CallExpr)
			if !ok {
				return false
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			return ok && sel.Sel.Name == "Short" && isIdent(sel.X, "testing")
		}
	}
	return false
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// End-to-end tests wait for signals the app sets, never for time.
func TestNoSleepInEndToEndTests(t *testing.T) {
	for _, f := range testFiles(t) {
		if !strings.HasPrefix(f.path, "e2e/") {
			continue
		}
		f.calls(func(sel *ast.SelectorExpr, _ *ast.CallExpr, _ []ast.Node) {
			if isIdent(sel.X, "time") && sel.Sel.Name == "Sleep" {
				assert.Fail(t, f.pos(sel.Pos())+": time.Sleep in an end-to-end test; wait for a signal the app sets")
			}
		})
	}
}

// Golden files are refreshed by one flag, -update, defined once in
// internal/golden: no test defines its own flag or reads an environment
// variable for it.
func TestOneUpdateFlag(t *testing.T) {
	for _, f := range testFiles(t) {
		f.calls(func(sel *ast.SelectorExpr, call *ast.CallExpr, _ []ast.Node) {
			if !isIdent(sel.X, "flag") && !(isIdent(sel.X, "os") && sel.Sel.Name == "Getenv") {
				return
			}
			if isIdent(sel.X, "os") {
				if len(call.Args) == 1 {
					if lit, ok := call.Args[0].(*ast.BasicLit); ok && strings.Contains(strings.ToUpper(lit.Value), "UPDATE") {
						assert.Fail(t, f.pos(sel.Pos())+": golden files are refreshed with -update (internal/golden), not "+lit.Value)
					}
				}
				return
			}
			switch sel.Sel.Name {
			case "Bool", "String", "Int", "Var", "BoolVar", "StringVar":
				assert.Fail(t, f.pos(sel.Pos())+": a test flag; golden files use internal/golden's -update")
			}
		})
	}
}

// A fuzz target exists once: two targets of the same name test the same
// thing twice, or one of them drifts.
func TestFuzzTargetsUnique(t *testing.T) {
	seen := map[string]string{}
	for _, f := range testFiles(t) {
		for _, d := range f.file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Fuzz") {
				continue
			}
			if prev, dup := seen[fn.Name.Name]; dup {
				assert.Fail(t, f.pos(fn.Pos())+": "+fn.Name.Name+" is also in "+prev)
			}
			seen[fn.Name.Name] = f.pos(fn.Pos())
		}
	}
	assert.NotEmpty(t, seen)
}

// Known bugs are fixed or pinned by a failing test, never listed to be
// skipped.
func TestNoKnownBugLists(t *testing.T) {
	for _, f := range testFiles(t) {
		ast.Inspect(f.file, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for _, id := range vs.Names {
					l := strings.ToLower(id.Name)
					if strings.Contains(l, "known") && strings.Contains(l, "bug") {
						assert.Fail(t, f.pos(id.Pos())+": "+id.Name+": a list of known bugs to skip")
					}
				}
			}
			return true
		})
	}
}
