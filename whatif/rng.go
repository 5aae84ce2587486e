package whatif

import (
	"math"
	"math/rand/v2"
)

// Random numbers. math/rand/v2's PCG is the same on every platform; the
// conversions below use only IEEE basic operations, with explicit float64
// conversions where a compiler could otherwise fuse a multiply-add, and a
// logarithm of our own instead of math.Log (which has an assembly version
// on amd64), so that a seed gives the same run on the host and in the
// browser.

// Stream kinds: what a stream decides.
const (
	streamArrival = 1 // one arrival rule: counts, times, fields
	streamItem    = 2 // one item's visit to a stage, for one event rule
)

// splitmix64 scrambles a 64-bit value (Steele, Lea and Flood).
func splitmix64(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// newStream returns the PCG for (seed, kind, a, b, c).
func newStream(seed uint64, kind, a, b, c uint64) rand.PCG {
	var p rand.PCG
	hi := splitmix64(splitmix64(seed^kind<<56) ^ a)
	lo := splitmix64(splitmix64(b) ^ splitmix64(c+0x632BE59BD9B4E019))
	p.Seed(hi, lo)
	return p
}

// unit is a uniform float64 in [0, 1).
func unit(p *rand.PCG) float64 {
	return float64(p.Uint64()>>11) * 0x1p-53
}

// expDraw is an exponential variate with mean 1.
func expDraw(p *rand.PCG) float64 {
	return -lnPure(1 - unit(p)) // 1-u is in (0, 1]
}

// poisson draws a Poisson count with mean lambda by counting unit-rate
// exponential gaps that fit in lambda: exact, and cheap for the small
// means of one hour of arrivals.
func poisson(p *rand.PCG, lambda float64) int {
	n := 0
	for sum := expDraw(p); sum < lambda; sum = float64(sum + expDraw(p)) {
		n++
	}
	return n
}

// pick chooses an index with the given weights (nil: equal weights).
func pick(p *rand.PCG, n int, weights []float64) int {
	if weights == nil {
		return int(p.Uint64() % uint64(n)) // modulo bias is below 2^-50 for small n
	}
	sum := 0.0
	for _, w := range weights {
		sum = float64(sum + w)
	}
	x := float64(unit(p) * sum)
	for i, w := range weights {
		if x < w {
			return i
		}
		x = float64(x - w)
	}
	// Rounding left x at the end: the last index with a weight.
	for i := len(weights) - 1; i >= 0; i-- {
		if weights[i] > 0 {
			return i
		}
	}
	return 0
}

// lnPure is the natural logarithm for 0 < x ≤ 1, computed like the
// portable version of math.Log (FreeBSD's e_log.c) so that it gives the
// same bits on every platform.
func lnPure(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		l1    = 6.666666666666735130e-01
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	if x <= 0 {
		return math.Inf(-1)
	}
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := float64(f1 - 1)
	k := float64(ki)
	s := float64(f / float64(2+f))
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := float64(s2 * float64(l1+float64(s4*float64(l3+float64(s4*float64(l5+float64(s4*l7)))))))
	t2 := float64(s4 * float64(l2+float64(s4*float64(l4+float64(s4*l6)))))
	r := float64(t1 + t2)
	hfsq := float64(0.5 * float64(f*f))
	return float64(k*ln2Hi) - float64(float64(hfsq-float64(float64(s*float64(hfsq+r))+float64(k*ln2Lo)))-f)
}
