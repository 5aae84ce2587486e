package share

// stored writes data as DEFLATE stored blocks: the format without
// compression, which every inflater reads. The browser build falls back to
// it where the browser has no CompressionStream (deflate_js.go): the link
// is longer, and still under Encode's limit or refused by it.
func stored(data []byte) []byte {
	const maxBlock = 65535
	out := make([]byte, 0, len(data)+5*(len(data)/maxBlock+1))
	for {
		n := min(len(data), maxBlock)
		final := byte(0)
		if n == len(data) {
			final = 1
		}
		// BFINAL, BTYPE 00 (stored), padding to the byte; LEN and its
		// complement NLEN, little-endian; then the bytes.
		out = append(out, final, byte(n), byte(n>>8), ^byte(n), ^byte(n>>8))
		out = append(out, data[:n]...)
		data = data[n:]
		if final == 1 {
			return out
		}
	}
}
