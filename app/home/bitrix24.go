package home

import (
	"context"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/engine"
)

// ImportBitrix24 stores a Bitrix24 import: doc is the scenario file of the
// portal's entity types, pipelines and stages (b24import.Scenario, made by the
// what-if worker in the browser). With merge its entity types replace
// those of the same types in the session's open scenario (an ordinary,
// undoable edit); otherwise doc is stored as a new scenario, which is
// opened. It returns the title of the scenario it changed or made; on an
// error nothing is stored (Problems lists what is wrong).
func ImportBitrix24(ctx context.Context, sess *session.Session, doc []byte, merge bool) (string, error) {
	imported, err := engine.ReadScenario(doc)
	if err != nil {
		return "", err
	}
	if !merge {
		if _, err := sess.Create(ctx, doc); err != nil {
			return "", err
		}
		return imported.Title, nil
	}
	var title string
	err = sess.Edit(ctx, func(sc *engine.Scenario) error {
		b24import.Merge(sc, imported.Entities)
		title = sc.Title
		return nil
	})
	return title, err
}
