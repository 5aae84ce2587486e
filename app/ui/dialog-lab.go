package ui

import "context"

// dialogLab is the what-if lab's worker of a home dialog that hands its
// work to it (the calibration, the Bitrix24 import). It is started when
// the dialog opens, since a worker takes a few hundred milliseconds to load
// and start its program (longer than fitting a small history), and ended
// when the dialog closes, which also drops the call in progress: a call in
// the worker cannot be stopped any other way.
type dialogLab struct {
	lab    *labWorker
	cancel context.CancelFunc
}

// open starts the worker (OnMount).
func (l *dialogLab) open() {
	l.lab = &labWorker{}
	l.lab.start()
}

// close drops the call in progress and ends the worker (OnDismount).
func (l *dialogLab) close() {
	l.drop()
	if l.lab != nil {
		l.lab.stop()
	}
}

// drop cancels the call in progress, if any.
func (l *dialogLab) drop() {
	if l.cancel != nil {
		l.cancel()
	}
}

// begin starts a call: its context, which drop and close cancel, its
// cancel, and the worker to call (one of its own when the dialog was not
// mounted, as in host tests, where the call fails with errNoWorker).
func (l *dialogLab) begin() (context.Context, context.CancelFunc, *labWorker) {
	run, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	lw := l.lab
	if lw == nil {
		lw = &labWorker{}
	}
	return run, cancel, lw
}
