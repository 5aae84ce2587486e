package ui

import "time"

// Slicing of the lab's batches (replications, sweeps, the calibration's
// fit) in the browser: work for about labSlice, then give the browser a
// turn (whatifYield); redraw the progress at most every labProgressEvery.
const (
	labSlice         = 8 * time.Millisecond
	labStepChunk     = 16
	labProgressEvery = 100 * time.Millisecond
)
