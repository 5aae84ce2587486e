// Package ui holds the go-app components of triggersim, one kebab-case file
// per component (shell.go → Shell). Exported fields are inputs from the
// parent, unexported fields are state, handlers are onXxx methods, and a
// child talks to its parent through callback fields. Components render state
// and send intents; domain work lives outside this package.
package ui
