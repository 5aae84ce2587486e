#!/usr/bin/env bash
# build.sh is the single entry point of triggersim:
#   ./build.sh build            build web/app.wasm and the static site in dist/
#   ./build.sh serve [--port N] build, then serve dist/ on 127.0.0.1:${PORT:-8080}
#   ./build.sh test             format, vet, host + wasm + end-to-end tests, drift check
#   ./build.sh bench            Go and end-to-end benchmarks
#   ./build.sh wasmflags [worker]  print the page's (the worker's) wasm build flags, one a line
# It needs only Go (and Chromium for test and bench).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$PWD
DIST=$ROOT/dist
BIN=$ROOT/.bin
WASMBROWSERTEST_VERSION=v0.11.0
CHROMIUM_MSG="Chromium is required: apt-get install -y chromium"
NPM_MSG="npm is required (the e2e accessibility check fetches the pinned axe-core with npm pack): apt-get install -y npm"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# WASM_FLAGS build the page's wasm, WORKER_FLAGS the what-if worker's
# (e2e/bench_test.go builds the bare baseline with the page's flags, read from
# ./build.sh wasmflags; docs/performance.md has the figures):
# - -s -w drop the symbol table and DWARF: 0.5 MB raw, 64 KB over the wire.
#   Panics still print Go stack traces (they read pclntab, not these);
#   cmd/wasmstrip then takes pclntab's file and line tables out (a frame
#   prints as ?:0 +0x1c), and cmd/wasmsym puts them back into a trace.
# - -l turns inlining off. The wasm backend spends a lot per call site, so
#   inlined bodies repeat at every call and brotli finds fewer repeats. The
#   page does no long computation (what-if, the lab and the calibration run
#   in the worker; a board event's engine work is microseconds against the
#   render's milliseconds), so only its runtime keeps inlining: without it
#   the collector's pauses during a 10 000-deal clock jump pass 50 ms.
#   62 KB less over the wire than inlining the engine and the standard
#   packages too (docs/performance.md, "Issue 12, twelfth run").
# - The worker runs 10 000-item, 90-day what-if runs: it keeps inlining where
#   a simulation spends its time: the runtime, the engine, the what-if runner,
#   the calibration and the standard packages they lean on (WASM_INLINED).
WASM_INLINED=(runtime internal/... time sort slices maps strings strconv math math/bits
	unicode/utf8 unicode sync sync/atomic cmp iter bytes errors
	github.com/triggersim/triggersim/engine/... github.com/triggersim/triggersim/whatif/...
	github.com/triggersim/triggersim/calibrate/...)
WASM_FLAGS=(-trimpath -ldflags=-s\ -w -gcflags=all=-l)
WORKER_FLAGS=("${WASM_FLAGS[@]}")
WASM_FLAGS+=(-gcflags=runtime=)
for p in "${WASM_INLINED[@]}"; do
	WORKER_FLAGS+=("-gcflags=$p=")
done

# build_site OUT: compile the wasm and generate the static website into OUT.
build_site() {
	local out=$1
	# wasmstrip keeps the go:buildid section, so over a stripped file of
	# the same build go build would skip the link and leave the file as an
	# older wasmstrip cut it: every build starts from the linker's output.
	rm -f web/app.wasm web/labworker.wasm
	step "wasm: GOOS=js GOARCH=wasm go build \$WASM_FLAGS -o web/app.wasm ./app (./build.sh wasmflags)"
	GOOS=js GOARCH=wasm go build "${WASM_FLAGS[@]}" -o web/app.wasm ./app
	step "wasm: GOOS=js GOARCH=wasm go build \$WORKER_FLAGS -o web/labworker.wasm ./app/worker (the what-if lab's Web Worker; ./build.sh wasmflags worker)"
	GOOS=js GOARCH=wasm go build "${WORKER_FLAGS[@]}" -o web/labworker.wasm ./app/worker
	step "wasm: go run ./cmd/wasmstrip web/app.wasm web/labworker.wasm (Go's function lookup table, rebuilt by web/findfunctab.js; the file and line tables, see cmd/wasmsym)"
	go run -trimpath ./cmd/wasmstrip web/app.wasm web/labworker.wasm
	step "static site: go run ./app -out $out"
	rm -rf "$out"
	go run -trimpath ./app -out "$out"
	step "precompress: go run ./cmd/serve -precompress -dir $out"
	go run -trimpath ./cmd/serve -precompress -dir "$out"
}

# refresh_entry copies the generated top-level entry files to the root.
refresh_entry() {
	cp "$DIST/index.html" "$ROOT/index.html"
	cp "$DIST/wasm_exec.js" "$ROOT/wasm_exec.js"
}

# check_drift fails when the committed entry files differ from the generated ones.
check_drift() {
	local f
	for f in index.html wasm_exec.js; do
		if ! cmp -s "$DIST/$f" "$ROOT/$f"; then
			diff -u "$ROOT/$f" "$DIST/$f" | head -40 >&2 || true
			die "$f differs from what build.sh generates; run ./build.sh build and commit"
		fi
	done
	echo "index.html and wasm_exec.js match the generated site"
}

# need_chromium fails (never skips) when no Chromium is installed.
need_chromium() {
	local c
	for c in chromium chromium-browser google-chrome google-chrome-stable headless-shell; do
		if command -v "$c" >/dev/null 2>&1; then
			return 0
		fi
	done
	die "$CHROMIUM_MSG"
}

# install_wasmbrowsertest puts go_js_wasm_exec (which runs wasm tests in
# headless Chromium) into .bin and onto PATH. chromedp passes --no-sandbox by
# itself when running as root, so CI needs no extra flag.
install_wasmbrowsertest() {
	if [[ ! -x $BIN/go_js_wasm_exec || ! -f $BIN/.wasmbrowsertest-$WASMBROWSERTEST_VERSION ]]; then
		step "install wasmbrowsertest $WASMBROWSERTEST_VERSION into .bin"
		mkdir -p "$BIN"
		GOBIN=$BIN go install "github.com/agnivade/wasmbrowsertest@$WASMBROWSERTEST_VERSION"
		cp "$BIN/wasmbrowsertest" "$BIN/go_js_wasm_exec"
		touch "$BIN/.wasmbrowsertest-$WASMBROWSERTEST_VERSION"
	fi
	export PATH=$BIN:$PATH
}

# WASM_TEST_PKGS run in headless Chromium: the engine golden check (every
# scenario gives the same bytes as on the host) and the browser-side packages (the
# storage conformance suite included). Packages that need a file system or
# the go command stay host-only. app/labrun pins replications, a sweep and a
# calibration to digests, so the browser must give the host's bytes.
# app/share compresses a link with the browser's CompressionStream there.
WASM_TEST_PKGS=(./engine_test ./app/storage/... ./app/i18n/... ./app/ui/... ./app/labrun ./app/prefs ./app/share ./app/jspromise)

cmd_build() {
	build_site "$DIST"
	refresh_entry
	step "done: $DIST"
	ls -l "$DIST/web/app.wasm" "$DIST/web/app.wasm.gz" "$DIST/web/app.wasm.br" "$DIST/web/labworker.wasm" "$DIST/web/labworker.wasm.br"
}

cmd_serve() {
	local port=${PORT:-8080}
	while (($#)); do
		case $1 in
		--port) port=${2:?--port needs a number}; shift 2 ;;
		--port=*) port=${1#--port=}; shift ;;
		*) die "serve: unknown argument $1" ;;
		esac
	done
	cmd_build
	mkdir -p "$BIN"
	go build -trimpath -o "$BIN/serve" ./cmd/serve
	step "serve: http://127.0.0.1:$port/ (Ctrl-C to stop)"
	exec "$BIN/serve" -dir "$DIST" -host 127.0.0.1 -port "$port"
}

# need_npm fails (never skips) without npm: the e2e suite fetches the pinned
# axe-core package with `npm pack` into e2e/.cache (see e2e/a11y_test.go).
need_npm() {
	command -v npm >/dev/null 2>&1 || die "$NPM_MSG"
}

cmd_test() {
	need_chromium
	need_npm

	step "gofmt"
	local unformatted
	unformatted=$(find . -name '*.go' -not -path './.git/*' -not -path './.bin/*' -not -path './dist/*' -print0 | xargs -0 gofmt -l)
	if [[ -n $unformatted ]]; then
		printf '%s\n' "$unformatted" >&2
		die "the files above are not gofmt-ed; run gofmt -w on them"
	fi

	step "go vet (host)"
	go vet ./...
	step "go vet (js/wasm)"
	GOOS=js GOARCH=wasm go vet ./...
	step "go vet (e2e, tag e2e, and the bare baseline app)"
	go vet -tags e2e ./e2e/...
	go vet ./e2e/testdata/bare
	GOOS=js GOARCH=wasm go vet ./e2e/testdata/bare

	# go test ./... also runs every fuzz target (FuzzReadScenario, FuzzCondition,
	# FuzzB24Import, FuzzShareDecode, FuzzReplayCSV, …) on its seed corpus: the
	# f.Add seeds, the testdata files they read and any testdata/fuzz crashers.
	step "go test (host, fuzz targets on their seeds included)"
	go test ./...

	install_wasmbrowsertest
	step "go test (js/wasm in headless Chromium)"
	# wasmbrowsertest's older cdproto logs "unknown IPAddressSpace value"
	# for every request of a newer Chromium; the noise is harmless.
	GOOS=js GOARCH=wasm go test "${WASM_TEST_PKGS[@]}" 2> >(grep -v 'unknown IPAddressSpace value' >&2)

	step "build the static site into dist/"
	build_site "$DIST"
	step "drift check"
	check_drift

	step "go test -tags e2e ./e2e/... (chromedp)"
	go test -tags e2e -count=1 -timeout 40m ./e2e/...
	step "all tests passed"
}

cmd_bench() {
	need_chromium
	step "go benchmarks"
	local out
	out=$(mktemp)
	go test -run '^$' -bench . -benchmem ./... | tee "$out"
	step "engine benchmarks as multiples of the floor (BenchmarkFloor, same run; see docs/performance.md)"
	awk '$1 ~ /^Benchmark/ && $4 == "ns/op" { sub(/-[0-9]+$/, "", $1); ns[$1] = $3 }
		END {
			if (!("BenchmarkFloor" in ns)) exit
			n = split("BenchmarkEventNoMove BenchmarkEventsNoRobotsNoLog BenchmarkEventsWithRobotsNoLog BenchmarkEventsNoRobots BenchmarkEventsWithRobots", names, " ")
			for (i = 1; i <= n; i++) if (names[i] in ns)
				printf "%-32s %10.0f ns/op  %6.1f x the floor (%.0f ns/op)\n", names[i], ns[names[i]], ns[names[i]] / ns["BenchmarkFloor"], ns["BenchmarkFloor"]
		}' "$out"
	rm -f "$out"
	step "wasm size (bytes): raw, gzip -9, brotli 11 as served from dist/"
	build_site "$DIST"
	wc -c "$DIST/web/app.wasm" "$DIST/web/app.wasm.gz" "$DIST/web/app.wasm.br"
	echo "the what-if lab's worker, fetched when the what-if page opens:"
	wc -c "$DIST/web/labworker.wasm" "$DIST/web/labworker.wasm.gz" "$DIST/web/labworker.wasm.br"
	step "end-to-end benchmarks in Chromium (loads against the bare go-app page, BenchmarkLoadRatio for the warm load's aim; the board; what-if)"
	go test -tags e2e -run '^$' -bench . -benchtime "${BENCHTIME:-5x}" -count=1 ./e2e/...
}

usage() {
	sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
}

case ${1:-} in
build) shift; cmd_build "$@" ;;
serve) shift; cmd_serve "$@" ;;
test) shift; cmd_test "$@" ;;
bench) shift; cmd_bench "$@" ;;
wasmflags)
	case "${2:-}" in
	"") printf '%s\n' "${WASM_FLAGS[@]}" ;;
	worker) printf '%s\n' "${WORKER_FLAGS[@]}" ;;
	*) usage ;;
	esac
	;;
*) usage ;;
esac
