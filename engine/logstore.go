package engine

import "iter"

// The log's store (Sim.log): entries in chunks, so that a long log grows
// without copying, and texts rendered when an entry is read rather than
// when it is written.

// logShift and logChunk: a chunk holds 1<<logShift entries.
const (
	logShift = 9
	logChunk = 1 << logShift
)

// appendLog stores an entry at the end of the log. The first chunk grows
// as a slice does (most runs write a few entries); later ones are made at
// their full size.
func (s *Sim) appendLog(e *LogEntry) {
	c := s.nLog >> logShift
	if c == len(s.log) {
		n := logChunk
		if c == 0 {
			n = 16
		}
		s.log = append(s.log, make([]LogEntry, 0, n))
	}
	s.log[c] = append(s.log[c], *e)
	s.nLog++
}

// pairBlock is how many argument strings pair hands out from one block.
const pairBlock = 1 << 10

// pair is []string{a, b} for a logged reason's arguments, cut from a
// block shared with the entries logged before it. A client event that
// reaches one of ten thousand deals logs why each of the others did not
// get it: one list each would leave ten thousand more objects for every
// collection to mark (in the browser, in one task). The list's capacity
// is its length, so an append copies it rather than writing into the
// block; nothing writes into a reason's arguments in place.
func (s *Sim) pair(a, b string) []string {
	if len(s.pairs)+2 > cap(s.pairs) {
		s.pairs = make([]string, 0, pairBlock)
	}
	n := len(s.pairs)
	s.pairs = append(s.pairs, a, b)
	return s.pairs[n : n+2 : n+2]
}

// logEntry is entry i of the log, as stored.
func (s *Sim) logEntry(i int) *LogEntry {
	return &s.log[i>>logShift][i&(logChunk-1)]
}

// render fills an entry's texts (At, Due, Reason) in the run's language,
// once.
func (s *Sim) render(e *LogEntry) {
	if e.At != "" {
		return
	}
	e.At = s.formatTime(e.Time)
	if e.Due == "" && !e.dueTime.IsZero() {
		e.Due = s.formatTime(e.dueTime)
	}
	if !e.Why.IsZero() {
		e.Reason = e.Why.Text(s.lang)
	}
}

// renderOmitted brings the omitted marker's count and text up to date.
func (s *Sim) renderOmitted() {
	if s.markOmitted() {
		// The marker's count grows after it is first rendered.
		e := s.logEntry(s.omitAt)
		s.render(e)
		e.Reason = e.Why.Text(s.lang)
	}
}

// Log returns the explanation log so far, every entry's texts rendered.
// It copies the log when it holds more than one chunk: to read a long
// log, use LogLen with LogAt or LogRange, which neither copy nor render
// what they are not asked for.
func (s *Sim) Log() []LogEntry {
	for i := s.rendered; i < s.nLog; i++ {
		s.render(s.logEntry(i))
	}
	s.rendered = s.nLog
	s.renderOmitted()
	switch {
	case len(s.log) == 0:
		return nil
	case s.nLog <= logChunk:
		return s.log[0]
	}
	out := make([]LogEntry, 0, s.nLog)
	for _, c := range s.log {
		out = append(out, c...)
	}
	return out
}

// LogLen is how many entries the log holds (len(Log()), without rendering
// or copying them).
func (s *Sim) LogLen() int { return s.nLog }

// LogAt returns entry i of the log (0 ≤ i < LogLen), its texts rendered.
func (s *Sim) LogAt(i int) LogEntry {
	e := s.logEntry(i)
	if i == s.omitAt {
		s.renderOmitted()
	} else {
		s.render(e)
	}
	return *e
}

// LogRange yields the entries from..to-1 (clamped to the log) with their
// index, as stored: At, Due and Reason may not be rendered yet (Time and
// Why are set; LogAt renders). The entries are read-only and valid until
// the next TrimLog.
func (s *Sim) LogRange(from, to int) iter.Seq2[int, *LogEntry] {
	from, to = max(from, 0), min(to, s.nLog)
	return func(yield func(int, *LogEntry) bool) {
		for i := from; i < to; i++ {
			if !yield(i, s.logEntry(i)) {
				return
			}
		}
	}
}

// LogBackward yields the entries from..to-1 as LogRange does, newest
// first.
func (s *Sim) LogBackward(from, to int) iter.Seq2[int, *LogEntry] {
	from, to = max(from, 0), min(to, s.nLog)
	return func(yield func(int, *LogEntry) bool) {
		for i := to - 1; i >= from; i-- {
			if !yield(i, s.logEntry(i)) {
				return
			}
		}
	}
}
