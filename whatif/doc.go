// Package whatif is triggersim's what-if lab: it generates CRM traffic from
// a scenario's traffic model (the "whatif" key, engine.WhatIf) or replays a
// recorded event history, runs it through the same engine as the
// interactive simulation (same triggers, robots and delays), and measures
// the outcome as KPIs: items per stage over time, conversion between
// stages, time in stage, how often each trigger and robot fired, loops, and
// the share of events that moved nothing with the reasons why.
//
// Runs are deterministic: the same scenario, seed and horizon give the
// same KPIs, byte for byte, natively and in WebAssembly. Every random draw
// comes from a PCG stream keyed by what it decides (an arrival rule, or one
// item's visit to one stage for one event rule), so two variants of an
// automation (A/B) see the same arrivals and the same customer behaviour
// for the same item in the same stage: differences in the KPIs come from
// the automation, not from the dice.
//
// A run can go in slices (Runner.Step), so that the browser can show
// progress and cancel; Run does it all at once. The engine does not import
// this package.
package whatif
