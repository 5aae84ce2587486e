package engine_test

import (
	"fmt"

	"github.com/triggersim/triggersim/engine"
)

// A deal in "Новая" receives a click on a tracked link; the trigger on the
// next stage matches the link's prefix and moves it.
func Example() {
	sc, err := engine.ReadScenario([]byte(`{
	  "format": "triggersim/scenario", "version": 1, "locale": "en",
	  "entities": [{"type": "DEAL"}],
	  "triggers": [
	    {"id": "link", "entity": "DEAL", "stage": "PREPARATION", "code": "EMAIL_LINK", "settings": {"url": "https://shop.example/"}},
	    {"id": "big", "entity": "DEAL", "stage": "EXECUTING", "code": "EMAIL_LINK",
	     "condition": [{"field": "OPPORTUNITY", "op": ">", "value": 100000}]}
	  ],
	  "items": [{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"OPPORTUNITY": 50000}}],
	  "events": [{"at": "+1h", "code": "EMAIL_LINK", "target": "DEAL_1", "data": {"url": "https://shop.example/sale"}}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := engine.Run(sc, engine.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range res.Log {
		switch e.Type {
		case engine.LogTrigger:
			fmt.Printf("%s fired: %s %s → %s\n", e.Trigger, e.Target, e.From, e.To)
		case engine.LogSkip:
			fmt.Printf("%s skipped: %s\n", e.Trigger, e.Reason)
		}
	}
	fmt.Println(res.Items[0].Target, "ends in", res.Items[0].Stage)
	// Output:
	// link fired: DEAL_1 NEW → PREPARATION
	// big skipped: a trigger on an earlier stage (link) fired first: an item moves at most once per event
	// DEAL_1 ends in PREPARATION
}

// The reader reports every error with its JSON path.
func ExampleReadScenario_errors() {
	_, err := engine.ReadScenario([]byte(`{
	  "format": "triggersim/scenario", "version": 1,
	  "entities": [{"type": "LEAD"}],
	  "triggers": [{"id": "t1", "entity": "LEAD", "stage": "IN_PROCESS", "code": "INVOICE", "alowBackwards": true}]
	}`))
	fmt.Println(err)
	// Output:
	// triggers[0].alowBackwards: unknown key
	// triggers[0].code: INVOICE is not available for LEAD; it works for DEAL
}
