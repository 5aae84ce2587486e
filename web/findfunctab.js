// Go's function lookup table (runtime.findfunctab), rebuilt in memory.
//
// ./build.sh takes the table out of the wasm modules it builds (cmd/wasmstrip,
// internal/wasmdata): 2.3 MB of the page's 16.9 MB file that the browser
// would copy, hash and decode on every load. It follows from the function
// table beside it, and a custom section of the module says where both are.
// This writes it back, after instantiation and before the program runs:
// bucket b (4 096 PCs) holds the index of the function that holds its first
// PC. A wasm function spans 65 536 PCs, whole buckets, so the 16 subbucket
// bytes of every bucket stay 0 (internal/wasmdata's build is the same walk,
// and the build checks it against the linker's own table). A module without
// the section is left as it is.
function triggersimRestoreFuncTab(module, instance) {
  const sections = WebAssembly.Module.customSections(module, "triggersim.findfunctab");
  if (sections.length !== 1) {
    return;
  }
  const meta = new DataView(sections[0]);
  const field = (i) => Number(meta.getBigUint64(8 * i, true));
  const table = field(0), ftab = field(1), nfunc = field(2), minpc = field(3), maxpc = field(4);
  const mem = new DataView(instance.exports.mem.buffer);
  const entry = (k) => mem.getUint32(ftab + 8 * k, true) * 65536;
  const end = (k) => (k + 1 < nfunc ? entry(k + 1) : maxpc);
  const nsub = Math.ceil((maxpc - minpc) / 256);
  let k = 0, e = end(0);
  for (let b = 0; b * 16 < nsub; b++) {
    const start = minpc + b * 4096;
    while (e <= start) {
      k++;
      e = end(k);
    }
    mem.setUint32(table + 20 * b, k, true);
  }
}
