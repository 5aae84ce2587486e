// Package teach is the domain side of the teaching modes: step-by-step
// narration of an event for a projector, the "where will this deal go?"
// quiz, and the learner's lesson progress. It is plain Go (no go-app), so
// every model is tested on the host; the pages in app/ui render what it
// returns. Texts come from the i18n table app/i18n/teach.go, in Russian or
// English.
package teach
