package engine

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
	return s.log
}

// TrimLog forgets every log entry so far. Seq numbers start again at 1,
// and Result, Check and Log see only what comes after: use it only for
// batch runs that read RawLog after every step.
func (s *Sim) TrimLog() {
	clear(s.log)
	s.log = s.log[:0]
	s.rendered = 0
	s.omitAt, s.omitted, s.logTail = -1, 0, 0
}
