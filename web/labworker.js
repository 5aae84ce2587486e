// The what-if lab's Web Worker (app/worker, app/labwork): Go's support
// file, then the worker's own wasm, its function lookup table written back
// into its memory before it starts (web/findfunctab.js). Should it not
// start (an old cache, a browser without WebAssembly in workers), it says
// so, and the run that started it fails with an error that says so.
// Should its program end (it never does on its own: only a fatal error
// such as running out of memory ends it), it says so too, with the exit
// code, so that a run waiting for it ends with an error instead of waiting
// forever.
importScripts("/wasm_exec.js", "/web/findfunctab.js");
const go = new Go();
const fail = (text) => postMessage({ head: JSON.stringify({ id: 0, kind: "error", error: text }) });
let exitCode = 0;
go.exit = (code) => { exitCode = code; };
WebAssembly.instantiateStreaming(fetch("/web/labworker.wasm"), go.importObject).then(
  (result) => {
    try {
      triggersimRestoreFuncTab(result.module, result.instance);
    } catch (err) {
      fail("the what-if worker did not start: " + err);
      return;
    }
    return go.run(result.instance).then(
      () => fail("exit code " + exitCode),
      (err) => fail(String(err)));
  },
  (err) => fail("the what-if worker did not start: " + err));
