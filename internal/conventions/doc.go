// Package conventions holds no code: its test enforces the conventions of
// docs/contributing.md that a machine can check (the tests' and app/ui's
// package-level state).
package conventions
