package engine

import "time"

// Stage histories live in one arena per run rather than in a slice per
// item: every move appends a point, and growing thousands of slices (each
// copied at every doubling, onto fresh memory scattered over the heap)
// took a fifth of a moving event's time. Points are written one after
// another into chunks of fixed size, each linked to its item's previous
// point; an item keeps its newest point and the count. A move's previous
// stage is one link away; History and `at` expectations, which read a
// whole history, follow the links.

// histChunk is how many points one chunk of Sim.hist holds.
const histChunk = 1024

// stagePoint is one entry of an item's stage history, kept compact and
// free of pointers (the garbage collector need not look inside): the time
// as seconds and nanoseconds with an index into Sim.locs, the pipeline and
// stage as indexes (Sim.point reads it back), and the item's previous
// point (-1 for its first).
type stagePoint struct {
	sec      int64
	nsec     int32
	loc      int32 // in Sim.locs
	pipeline int32 // in the entity type's pipelines
	stage    int32 // in the pipeline's stages
	prev     int32 // in Sim.hist, or -1
}

// addPoint records where the item is now at the end of its history.
func (s *Sim) addPoint(it *item) {
	n := s.nHist
	if n/histChunk == len(s.hist) {
		s.hist = append(s.hist, make([]stagePoint, histChunk))
	}
	s.hist[n/histChunk][n%histChunk] = stagePoint{sec: s.now.Unix(), nsec: int32(s.now.Nanosecond()),
		loc: s.locIndex(s.now.Location()), pipeline: int32(it.pm.index), stage: int32(it.stage), prev: it.histLast}
	it.histLast = int32(n)
	it.histLen++
	s.nHist++
}

// histPoint is the point of index i in Sim.hist.
func (s *Sim) histPoint(i int32) *stagePoint { return &s.hist[i/histChunk][i%histChunk] }

// historyOf lists the indexes of an item's points, oldest first.
func (s *Sim) historyOf(it *item) []int32 {
	out := make([]int32, it.histLen)
	for i, p := len(out)-1, it.histLast; i >= 0; i-- {
		out[i] = p
		p = s.histPoint(p).prev
	}
	return out
}

// point reads back the point of index i in Sim.hist, one of it's.
func (s *Sim) point(it *item, i int32) StagePoint {
	p := s.histPoint(i)
	pm := it.em.pipelines[p.pipeline]
	return StagePoint{At: time.Unix(p.sec, int64(p.nsec)).In(s.locs[p.loc]), Stage: pm.p.Stages[p.stage].ID, Pipeline: pm.id}
}
