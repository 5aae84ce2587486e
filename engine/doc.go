// Package engine simulates Bitrix24 CRM automation — triggers and robots on
// pipeline stages — on a virtual clock, and explains every decision.
//
// It is pure Go with no dependency outside the standard library, no global
// mutable state, no goroutines and no wall clock: the same scenario gives the
// same result, byte for byte, on the host and in WebAssembly.
//
// # The life of a scenario
//
// ReadScenario reads a scenario file (docs/scenario-format.md), reports every
// error with its JSON path, and fills the documented defaults. New compiles it:
// stages are indexed by id, and triggers are indexed once by pipeline, code and
// stage order, so that an event finds its candidates without searching. Items
// are placed on their stages (their stage's robots do not run: they were
// already there), and the script's events are put on the clock.
//
// # The life of an event
//
// The clock runs tasks in time order and, at equal times, in the order they
// were scheduled (script events count as scheduled at load). A task is a
// script event or a robot whose delay is over; it runs as one cascade, with
// everything it sets off at the same virtual instant:
//
//  1. The event is bound to items (section 1.3 of the reference): the item
//     itself; the item an e-mail or task is bound to; or, for a contact or a
//     company, the client's most recently modified in-progress deal, its
//     orders and its smart-process items.
//  2. For each item, the triggers with the event's code in the item's own
//     pipeline are tried in stage order: the current stage is skipped,
//     earlier stages need "allow moving back", and the first whose condition
//     (on the item's current fields) and individual settings pass moves the
//     item. Every other candidate is logged with the reason it did not fire.
//  3. Entering a stage cancels the robots of the previous stage that have not
//     run and starts the new stage's robots: parallel branches, "after
//     previous" chains, delays computed on the clock. Robots due now run in
//     the same cascade; robots that write fields go through the update path,
//     where RESP_CHANGED and FIELD_CHANGED triggers may fire in turn.
//  4. Bitrix24's own guards and limits.cascade / limits.steps stop runaway
//     cascades with a loop entry naming the cycle; an item whose state
//     comes round with a period across delays is stopped early (loop.go).
//
// The Result holds the final items, the log (every entry with a reason kept as
// data, rendered in Russian or English) and the verdict on each expectation.
package engine
