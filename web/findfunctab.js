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
  const buf = instance.exports.mem.buffer;
  const nsub = Math.ceil((maxpc - minpc) / 256);
  const nbuckets = Math.ceil(nsub / 16);
  // The loop runs once per bucket (170 000 for the page) on every load,
  // before V8 has optimised it: 32-bit typed arrays (cmd/wasmstrip strips
  // only tables aligned to 4 bytes) take the page's from 7.4 ms to 4.9 (the
  // medians of four first calls, each in a fresh page) where a DataView was
  // used.
  const ft = new Uint32Array(buf, ftab, 2 * nfunc);
  const out = new Uint32Array(buf, table, 5 * nbuckets);
  let k = 0, e = nfunc > 1 ? ft[2] * 65536 : maxpc;
  for (let b = 0, start = minpc; b < nbuckets; b++, start += 4096) {
    while (e <= start) {
      k++;
      e = k + 1 < nfunc ? ft[2 * (k + 1)] * 65536 : maxpc;
    }
    out[5 * b] = k;
  }
}
