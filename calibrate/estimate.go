package calibrate

import (
	"math"
	"sort"
	"time"
)

// Estimation. A stay in a stage ends in one of several ways (the next
// stage) or is still going on when the history ends (censored). The
// Aalen–Johansen estimator, the competing-risks form of Kaplan–Meier, gives
// for every way out its cumulative incidence: the share of stays that end
// that way, with censored stays counted as at risk until they are cut
// off, not as "never leave". What the history cannot resolve (the
// survival at its last exit) is the share that stays.

// stay is one observed time in a stage: to is the next stage, "" when the
// stay was still going on at the end of the history.
type stay struct {
	sec int64
	to  string
}

// branchFit is one way out of a stage.
type branchFit struct {
	to    string // "" for the stay branch
	share float64
	// quantiles of the time in the stage of the stays that end this way,
	// at evenly spaced probabilities.
	after []int64
	n     int // observed exits this way
}

// maxQuantiles is the number of dwell-time quantiles a branch gets when
// it has enough exits: deciles.
const maxQuantiles = 11

// competingRisks fits the ways out of one stage. Branches are ordered by
// share, largest first, then by stage id; the stay branch comes last.
func competingRisks(stays []stay) []branchFit {
	sort.Slice(stays, func(i, j int) bool {
		if stays[i].sec != stays[j].sec {
			return stays[i].sec < stays[j].sec
		}
		// exits before censorings at the same time, as usual
		return stays[i].to != "" && stays[j].to == ""
	})
	type jump struct {
		sec int64
		w   float64
	}
	jumps := map[string][]jump{}
	surv := 1.0
	atRisk := len(stays)
	for i := 0; i < len(stays); {
		t := stays[i].sec
		j := i
		exits := map[string]int{}
		d := 0
		for j < len(stays) && stays[j].sec == t {
			if stays[j].to != "" {
				exits[stays[j].to]++
				d++
			}
			j++
		}
		if d > 0 {
			for to, n := range exits {
				jumps[to] = append(jumps[to], jump{t, surv * float64(n) / float64(atRisk)})
			}
			surv *= 1 - float64(d)/float64(atRisk)
		}
		atRisk -= j - i
		i = j
	}
	var out []branchFit
	for to, js := range jumps {
		total := 0.0
		n := 0
		for _, j := range js {
			total += j.w
		}
		for _, s := range stays {
			if s.to == to {
				n++
			}
		}
		q := min(maxQuantiles, max(n, 2))
		if n == 1 {
			q = 1
		}
		b := branchFit{to: to, share: total, n: n}
		sort.Slice(js, func(a, c int) bool { return js[a].sec < js[c].sec })
		for k := 0; k < q; k++ {
			p := 0.0
			if q > 1 {
				p = float64(k) / float64(q-1)
			}
			b.after = append(b.after, weightedQuantile(js, total, p, func(x jump) (int64, float64) { return x.sec, x.w }))
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].share != out[j].share {
			return out[i].share > out[j].share
		}
		return out[i].to < out[j].to
	})
	if surv > 1e-9 && len(out) > 0 {
		out = append(out, branchFit{share: surv})
	}
	return out
}

// weightedQuantile is the smallest value whose cumulative weight reaches
// p·total (p = 0: the smallest value).
func weightedQuantile[T any](xs []T, total, p float64, get func(T) (int64, float64)) int64 {
	cum := 0.0
	target := p * total * (1 - 1e-12)
	for _, x := range xs {
		v, w := get(x)
		cum += w
		if cum >= target && (p > 0 || w > 0) {
			return v
		}
	}
	v, _ := get(xs[len(xs)-1])
	return v
}

// arrivalFit is the arrival rate of one entity type by weekday and hour.
type arrivalFit struct {
	perDay   float64
	weekdays [7]float64
	hours    [24]float64
	stages   map[string]int
}

// fitArrivals turns arrival times (local) into the whatif model's
// separable weekday × hour rates. Each weekday's rate is its arrivals
// divided by the time that weekday was observed, so a history that does
// not span whole weeks is not biased.
func fitArrivals(times []time.Time, from, to time.Time) arrivalFit {
	var f arrivalFit
	var count [7]float64
	var hours [24]float64
	for _, t := range times {
		d := (int(t.Weekday()) + 6) % 7
		count[d]++
		hours[t.Hour()]++
	}
	var exposure [7]float64
	for day := from; day.Before(to); day = day.AddDate(0, 0, 1) {
		next := day.AddDate(0, 0, 1)
		end := next
		if to.Before(end) {
			end = to
		}
		exposure[(int(day.Weekday())+6)%7] += float64(end.Sub(day)) / float64(next.Sub(day))
	}
	total := 0.0
	seen := 0.0
	for d := range count {
		total += count[d]
		seen += exposure[d]
	}
	overall := 0.0
	if seen > 0 {
		overall = total / seen
	}
	sum := 0.0
	for d := range count {
		if exposure[d] > 0 {
			f.weekdays[d] = count[d] / exposure[d]
		} else {
			f.weekdays[d] = overall
		}
		sum += f.weekdays[d]
	}
	f.perDay = sum / 7
	f.hours = hours
	return f
}

// round4 keeps four significant digits: the file stays readable and the
// fit does not pretend to more precision than the data have.
func round4(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	// The decade by comparison, not math.Log10 (assembly on some hosts),
	// so that the host and WebAssembly write the same digits.
	a, s := math.Abs(x), 1.0
	for a*s >= 10000 {
		s /= 10
	}
	for a*s < 1000 {
		s *= 10
	}
	return math.Round(x*s) / s
}
