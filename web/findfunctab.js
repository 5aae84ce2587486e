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
  const nsub = Math.ceil((maxpc - minpc) / 256);
  const nbuckets = Math.ceil(nsub / 16);
  // The walk visits every bucket (170 000 for the page) on every load.
  // Written in JavaScript it ran once, before V8 had optimised it: 2-4 ms
  // of the page's start in traces of warm loads. triggersimFuncTabWalk is
  // the same walk as a small wasm module over the program's memory, which
  // V8 compiles in a fraction of a millisecond to code that runs it in
  // well under one.
  const walk = new WebAssembly.Instance(new WebAssembly.Module(triggersimFuncTabWalk), {
    go: { mem: instance.exports.mem },
  });
  walk.exports.restore(ftab, nfunc, table, nbuckets, minpc, maxpc);
}

// triggersimFuncTabWalk is the module of the walk, with one function:
//
//   restore(ft, nfunc, out, nbuckets i32, minpc, maxpc f64)
//
// ft is the function table (nfunc entries of 8 bytes, the first 4 of an
// entry the function's index: its first PC is the index times 65 536), out
// the lookup table (nbuckets buckets of 20 bytes, the first 4 of a bucket
// the function's number). Its text (assembled with binaryen's wasm-as):
//
//   (local $k i32) (local $b i32) (local $e i64) (local $start i64) (local $max i64)
//   max = u64(maxpc); start = u64(minpc); e = max
//   if nfunc > 1 { e = u64(load32(ft + 8)) << 16 }
//   for b = 0; b < nbuckets; b++, start += 4096 {
//     while e <= start {
//       k++; e = max
//       if k + 1 < nfunc { e = u64(load32(ft + 8*k + 8)) << 16 }
//     }
//     store32(out + 20*b, k)
//   }
//
// e2e's TestFuncTabRestored compares the table it writes, for the page's
// module and the what-if worker's, with the one internal/wasmdata builds.
const triggersimFuncTabWalk = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  // type section: (i32 i32 i32 i32 f64 f64) -> ()
  0x01, 0x0a, 0x01, 0x60, 0x06, 0x7f, 0x7f, 0x7f, 0x7f, 0x7c, 0x7c, 0x00,
  // import section: memory "go" "mem", at least 0 pages
  0x02, 0x0b, 0x01, 0x02, 0x67, 0x6f, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x00,
  // function section: one function of type 0
  0x03, 0x02, 0x01, 0x00,
  // export section: "restore", function 0
  0x07, 0x0b, 0x01, 0x07, 0x72, 0x65, 0x73, 0x74, 0x6f, 0x72, 0x65, 0x00, 0x00,
  // code section: one body of 138 bytes; locals 2 i32 ($k 6, $b 7), 3 i64 ($e 8, $start 9, $max 10)
  0x0a, 0x8d, 0x01, 0x01, 0x8a, 0x01, 0x02, 0x02, 0x7f, 0x03, 0x7e,
  0x20, 0x05, 0xb1, 0x21, 0x0a, // max = i64.trunc_f64_u(maxpc)
  0x20, 0x04, 0xb1, 0x21, 0x09, // start = i64.trunc_f64_u(minpc)
  0x20, 0x0a, 0x21, 0x08, // e = max
  0x20, 0x01, 0x41, 0x01, 0x4b, 0x04, 0x40, // if nfunc > 1 (i32.gt_u)
  0x20, 0x00, 0x28, 0x02, 0x08, 0xad, 0x42, 0x10, 0x86, 0x21, 0x08, //   e = i64.extend_i32_u(i32.load offset=8 ft) << 16
  0x0b, // end
  0x02, 0x40, 0x03, 0x40, // block $done, loop $buckets
  0x20, 0x07, 0x20, 0x03, 0x4f, 0x0d, 0x01, //   br_if $done (b >= nbuckets)
  0x02, 0x40, 0x03, 0x40, //   block $found, loop $next
  0x20, 0x08, 0x20, 0x09, 0x56, 0x0d, 0x01, //     br_if $found (e > start, i64.gt_u)
  0x20, 0x06, 0x41, 0x01, 0x6a, 0x21, 0x06, //     k = k + 1
  0x20, 0x0a, 0x21, 0x08, //     e = max
  0x20, 0x06, 0x41, 0x01, 0x6a, 0x20, 0x01, 0x49, 0x04, 0x40, //     if k + 1 < nfunc (i32.lt_u)
  0x20, 0x00, 0x20, 0x06, 0x41, 0x03, 0x74, 0x6a, //       ft + (k << 3)
  0x28, 0x02, 0x08, 0xad, 0x42, 0x10, 0x86, 0x21, 0x08, //       e = i64.extend_i32_u(i32.load offset=8) << 16
  0x0b, //     end
  0x0c, 0x00, //     br $next
  0x0b, 0x00, 0x0b, //   end loop (unreachable), end block
  0x20, 0x02, 0x20, 0x07, 0x41, 0x14, 0x6c, 0x6a, //   out + b * 20
  0x20, 0x06, 0x36, 0x02, 0x00, //   i32.store k
  0x20, 0x07, 0x41, 0x01, 0x6a, 0x21, 0x07, //   b = b + 1
  0x20, 0x09, 0x42, 0x80, 0x20, 0x7c, 0x21, 0x09, //   start = start + 4096
  0x0c, 0x00, //   br $buckets
  0x0b, 0x00, 0x0b, // end loop (unreachable), end block
  0x0b, // end function
]);
