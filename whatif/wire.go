package whatif

import (
	"encoding/json"
	"fmt"

	"github.com/triggersim/triggersim/engine"
)

// wireKPIs is KPIs as one program hands them to another (the what-if
// lab's Web Worker to the page): the JSON contract and, beside it, the
// reasons that the texts of NoMove.Reasons and Errors were written from.
// Those stay out of the contract's JSON, yet a page that switches
// language after a run words them anew (ReasonCount.TextIn), so a run
// made in the worker must bring them along to read back exactly as a run
// made in the page.
type wireKPIs struct {
	KPIs   *KPIs            `json:"kpis"`
	NoMove []*engine.Reason `json:"noMove"`
	Errors []*engine.Reason `json:"errors"`
}

// EncodeWire writes k for DecodeWire in another program.
func EncodeWire(k *KPIs) ([]byte, error) {
	w := wireKPIs{KPIs: k}
	if k != nil {
		w.NoMove, w.Errors = whys(k.NoMove.Reasons), whys(k.Errors)
	}
	out, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("encode KPIs: %w", err)
	}
	return out, nil
}

// DecodeWire reads KPIs written by EncodeWire: equal to the ones written,
// the reasons behind the texts included.
func DecodeWire(data []byte) (*KPIs, error) {
	var w wireKPIs
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("decode KPIs: %w", err)
	}
	if w.KPIs == nil {
		return nil, fmt.Errorf("decode KPIs: no kpis")
	}
	k := w.KPIs
	if err := setWhys(k.NoMove.Reasons, w.NoMove); err != nil {
		return nil, fmt.Errorf("decode KPIs: noMove: %w", err)
	}
	if err := setWhys(k.Errors, w.Errors); err != nil {
		return nil, fmt.Errorf("decode KPIs: errors: %w", err)
	}
	return k, nil
}

func whys(rcs []ReasonCount) []*engine.Reason {
	out := make([]*engine.Reason, len(rcs))
	for i, rc := range rcs {
		out[i] = rc.why
	}
	return out
}

func setWhys(rcs []ReasonCount, ws []*engine.Reason) error {
	if len(ws) != len(rcs) {
		return fmt.Errorf("%d reasons for %d counts", len(ws), len(rcs))
	}
	for i := range rcs {
		rcs[i].why = ws[i]
	}
	return nil
}
