package ui

import (
	"errors"
	"strings"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/engine"
)

// authorOpenError says in lang why the author page could not open the
// scenario the lesson is made of (session.Show).
func authorOpenError(lang string, err error) string {
	if errors.Is(err, storage.ErrNotExist) {
		return i18n.T(lang, "author.err.missing")
	}
	return i18n.F(lang, "author.err.open", "reason", openReason(lang, err))
}

// authorStoreError says in lang why an opened lesson file's solution
// could not become a stored scenario (session.Create): the scenario
// reader's errors one a line with their places, or the storage's reason.
func authorStoreError(lang string, err error) []string {
	var es engine.Errors
	var e1 *engine.Error
	if errors.As(err, &es) || errors.As(err, &e1) {
		return append([]string{i18n.T(lang, "author.err.solution")}, strings.Split(engine.ErrorMessage(err, lang), "\n")...)
	}
	return []string{i18n.F(lang, "author.err.store", "reason", openReason(lang, err))}
}

// authorLinkError says in lang why the lesson's link was not made
// (teach.LessonLink).
func authorLinkError(lang string, err error) string {
	if reason, ok := home.ShareLimit(lang, err); ok {
		return i18n.F(lang, "author.err.linkTooLarge", "reason", reason)
	}
	return err.Error()
}

// openReason says in lang why a stored scenario could not be opened or
// stored: the storage's reason as the header says it, or the scenario
// reader's errors with their places. The designer, the board, the what-if
// lab and the author page share it, so no page shows a raw English error.
func openReason(lang string, err error) string {
	if storage.IsUnavailable(err) || errors.Is(err, storage.ErrConflict) {
		return hdrReason(lang, err)
	}
	return engine.ErrorMessage(err, lang)
}
