package home

import (
	"context"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/engine"
)

// ImportBitrix24 builds pipelines out of a portal's saved crm.category.list
// and crm.status.list output. With merge they replace the pipelines of the
// same entity types in the session's open scenario (an ordinary, undoable
// edit); otherwise they make a new scenario titled newTitle, which is
// opened. It returns the title of the scenario it changed or made; on an
// error nothing is stored (Problems lists what is wrong).
func ImportBitrix24(ctx context.Context, sess *session.Session, categories, statuses []byte, merge bool, newTitle, lang string) (string, error) {
	if !merge {
		data, err := FromBitrix24(categories, statuses, newTitle, lang)
		if err != nil {
			return "", err
		}
		if _, err := sess.Create(ctx, data); err != nil {
			return "", err
		}
		return newTitle, nil
	}
	entities, err := b24import.FromREST(categories, statuses, lang)
	if err != nil {
		return "", err
	}
	var title string
	err = sess.Edit(ctx, func(sc *engine.Scenario) error {
		b24import.Merge(sc, entities)
		title = sc.Title
		return nil
	})
	return title, err
}
