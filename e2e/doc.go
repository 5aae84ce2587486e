// Package e2e holds the end-to-end tests of triggersim: the generated site
// (dist/) served by cmd/serve's handler and driven in headless Chromium with
// chromedp. The tests carry the build tag e2e, so a plain `go test ./...`
// does not need a browser; ./build.sh test builds the site and runs
//
//	go test -tags e2e ./e2e/...
//
// They fail, never skip, when Chromium is missing. Screenshots go to
// e2e/artifacts/ (not committed).
package e2e
