// Package conventions holds no code: its test enforces the test conventions
// of docs/contributing.md that a machine can check.
package conventions
