package engine

import "slices"

// Hooks for long batch runs (the what-if lab, package whatif): a run of
// 100 000 events writes millions of log entries, more than a browser tab
// should hold. The batch runner reads the entries of each step as they
// come and then forgets them. Interactive runs and expectations need the
// whole log, so nothing else calls these.

// RawLog returns the log entries since the last TrimLog without rendering
// their texts (unless Log rendered them): At, Due and Reason may be empty;
// Time and Why are set (render a reason with Why.Text). The slice is valid
// until the next Step, Fire, Run or TrimLog.
func (s *Sim) RawLog() []LogEntry {
	s.markOmitted()
	switch {
	case len(s.log) == 0:
		return nil
	case s.nLog <= logChunk:
		return s.log[0]
	}
	// A step wrote more than a chunk: one slice of them all.
	s.flat = s.flat[:0]
	for _, c := range s.log {
		s.flat = append(s.flat, c...)
	}
	return s.flat
}

// TrimLog forgets every log entry so far. Seq numbers start again at 1,
// and Result, Check and Log see only what comes after: use it only for
// batch runs that read RawLog after every step.
func (s *Sim) TrimLog() {
	// The entries are not cleared: the next ones overwrite them whole,
	// and clearing 380-byte entries with pointers after every step (with
	// write barriers while the collector runs) cost more than the few
	// maps and strings they hold on to until then.
	for i, c := range s.log {
		if len(c) == 0 {
			break
		}
		s.log[i] = c[:0]
	}
	s.nLog = 0
	s.rendered = 0
	s.omitAt, s.omitted, s.logTail = -1, 0, 0
}

// TrimEvents forgets the events fired so far, whose cascades are over:
// a batch run reads what they did in the log (RawLog) and never reads
// them back, and a long run would otherwise keep every one of them, with
// its data (an arrival's drawn fields), for the garbage collector to
// scan again in every cycle. Events then returns them as zero Events, at
// the same indexes; nothing else changes (a log entry's Event index,
// the moves, counters and robots are the same). A step that StepBudget
// left pending keeps them until the next call.
func (s *Sim) TrimEvents() {
	if s.pending || len(s.fired) == 0 {
		return
	}
	// Only the first chunk is kept, for the next events: it is cleared
	// so that it holds on to nothing; the others go to the collector.
	clear(s.fired[0][:min(s.nFired-s.trimmed, firedChunk)])
	s.fired = s.fired[:1]
	s.trimmed = s.nFired
}

// KnowReason tells the run that a batch reader has kept the reason (code,
// trigger) and from now on only counts it: the what-if lab renders the
// first reason of each kind and counts the others. Later skip entries of
// that trigger with that code then carry the code alone (Why.Args and
// Why.Parts nil), and so do later notes of that code when trigger is ""
// and the note only explains (an event without candidate triggers). The
// point is not to format an item's value into a reason nobody reads: a
// skipped condition is then evaluated, not explained. Nothing else
// changes (the entries, their order, moves and counters are the same).
func (s *Sim) KnowReason(code, trigger string) {
	if trigger == "" {
		if !slices.Contains(s.briefNotes, code) {
			s.briefNotes = append(s.briefNotes, code)
		}
		return
	}
	tm := s.m.triggers[trigger]
	if tm == nil {
		return
	}
	if s.briefs == nil {
		s.briefs = make([][]string, len(s.sc.Triggers))
	}
	if tm.index < len(s.briefs) && !slices.Contains(s.briefs[tm.index], code) {
		s.briefs[tm.index] = append(s.briefs[tm.index], code)
	}
}

// brief reports whether KnowReason was told about a trigger's skip reason
// code: its skip entries then carry the code alone.
func (s *Sim) brief(tm *trigModel, code string) bool {
	if tm.index >= len(s.briefs) {
		return false
	}
	for _, c := range s.briefs[tm.index] {
		if c == code {
			return true
		}
	}
	return false
}

// briefNote reports whether KnowReason was told about a note's code.
func (s *Sim) briefNote(code string) bool {
	for _, c := range s.briefNotes {
		if c == code {
			return true
		}
	}
	return false
}
