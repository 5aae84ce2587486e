package home

// Batch is the outcome of importing several files at once (a drop or a
// multiple choice in the file picker), one entry per file in the order the
// user gave them. Files are read and stored concurrently and finish in any
// order; each finished file fills in its own entry, so a later success
// never hides an earlier file's errors.
type Batch struct {
	Files []FileOutcome
}

// FileOutcome is one file of a Batch.
type FileOutcome struct {
	Name string
	// Done is false while the file is being read or stored.
	Done bool
	// Title is the imported scenario's title (empty when it failed).
	Title string
	// Problems say why the file was not imported, each with its JSON path.
	Problems []Problem
}

// Failed reports whether the file was refused.
func (f FileOutcome) Failed() bool { return len(f.Problems) > 0 }

// NewBatch starts a batch of the named files, all in progress.
func NewBatch(names []string) *Batch {
	b := &Batch{Files: make([]FileOutcome, len(names))}
	for i, n := range names {
		b.Files[i] = FileOutcome{Name: n}
	}
	return b
}

// Finish records the outcome of file i: the title it was imported under,
// or the error that refused it. An index out of range is ignored (a late
// answer for a batch the user already dismissed).
func (b *Batch) Finish(i int, title string, err error) {
	if b == nil || i < 0 || i >= len(b.Files) {
		return
	}
	f := &b.Files[i]
	f.Done = true
	if err != nil {
		f.Title, f.Problems = "", Problems(err)
		return
	}
	f.Title, f.Problems = title, nil
}

// Counts returns how many files finished, were imported, and in all.
func (b *Batch) Counts() (done, imported, total int) {
	if b == nil {
		return 0, 0, 0
	}
	for _, f := range b.Files {
		if f.Done {
			done++
			if !f.Failed() {
				imported++
			}
		}
	}
	return done, imported, len(b.Files)
}
