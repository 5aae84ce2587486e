package labwork

import (
	"errors"
	"fmt"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/app/i18n"
)

// Import asks the worker for a Bitrix24 import (the home page's "Bitrix24
// pipelines") instead of a run: the portal's saved crm.category.list and
// crm.status.list output, in Request.Files in that order, read into a
// scenario file of the portal's entity types, pipelines and stages
// (b24import.Scenario). The reader of the REST
// output is 26 KB of the page's wasm over the wire for a dialog opened
// now and then; the worker carries it instead.
type Import struct {
	// Title names the new scenario, Locale ("ru" or "en") names the
	// pipelines the portal has no record for.
	Title  string `json:"title"`
	Locale string `json:"locale"`
}

// ImportRequest is the request for an import of the two files.
func ImportRequest(categories, statuses []byte, title, lang string) Request {
	return Request{Lang: lang, Import: &Import{Title: title, Locale: lang}, Files: [][]byte{categories, statuses}}
}

// handleImport reads the files and posts the scenario file and its title,
// or the error's lines in every language of the interface.
func (w *Worker) handleImport(req Request, send func(Message)) {
	if len(req.Files) != 2 {
		send(errorMessage(req.Lang, func(string) string {
			return fmt.Sprintf("what-if worker: %d files for an import of 2", len(req.Files))
		}))
		return
	}
	doc, err := b24import.Scenario(req.Files[0], req.Files[1], req.Import.Title, req.Import.Locale)
	if err != nil {
		var be *b24import.Error
		if !errors.As(err, &be) {
			send(errorMessage(req.Lang, func(string) string { return err.Error() }))
			return
		}
		m := Message{Kind: KindError, Error: be.Text(req.Lang), Lines: map[string][]string{}}
		for _, l := range i18n.Languages() {
			m.Lines[l] = be.Lines(l)
		}
		send(m)
		return
	}
	send(Message{Kind: KindDone, Doc: doc, Title: req.Import.Title})
}

// ImportError is an import's error as the worker worded it: its lines, one
// a problem, in every language of the interface (home.Problems lists
// them).
type ImportError struct {
	lines map[string][]string
	text  string // in the request's language
}

func (e *ImportError) Error() string { return e.text }

// Lines are the problems in lang (in English when the worker sent none in
// lang: a page and a worker of different builds).
func (e *ImportError) Lines(lang string) []string {
	if ls, ok := e.lines[i18n.Normalize(lang)]; ok {
		return ls
	}
	return e.lines[i18n.EN]
}

// Imported is a done import message's scenario file; for an error message,
// an *ImportError (for an error other than the input's, the worker's text:
// a panic's, worded in the request's language).
func (m Message) Imported() ([]byte, error) {
	switch {
	case m.Kind == KindError && len(m.Lines) > 0:
		return nil, &ImportError{lines: m.Lines, text: m.Error}
	case m.Kind == KindError:
		return nil, errors.New(m.Error)
	case m.Kind != KindDone:
		return nil, fmt.Errorf("what-if worker: a %s message has no result", m.Kind)
	case m.Doc == nil:
		return nil, errors.New("what-if worker: an import came back without its scenario")
	}
	return m.Doc, nil
}
