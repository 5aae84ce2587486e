package engine

// The "items" and "clients" sections.

func (r *reader) readItems(o obj) {
	n, p := o.get("items")
	items, _ := r.list(n, p, "an array of items")
	seen := map[string]bool{}
	for i := range items {
		ip := indexPath(p, i)
		io, ok := r.object(&items[i], ip, "id", "entity", "stage", "fields", "contact", "company", "parent")
		if !ok {
			continue
		}
		var it Item
		idNode, idPath := r.need(io, "id", "an integer > 0")
		it.ID, _ = r.integer(idNode, idPath, 1, maxID)
		it.Entity, _ = r.entity(r.need(io, "entity", "an entity type"))
		if it.ID > 0 && it.Entity != "" {
			t := Target(it.Entity, it.ID)
			if seen[t] {
				r.errs.addCode(idPath, "xref.duplicateItem", t)
			}
			seen[t] = true
		}
		sn, sp := r.need(io, "stage", "a stage id")
		it.Stage, _ = r.stage(sn, sp, it.Entity)
		if fn, fp := io.get("fields"); fn != nil {
			it.Fields = r.fields(fn, fp)
		}
		it.Contact, _ = r.id(io.get("contact"))
		it.Company, _ = r.id(io.get("company"))
		it.Parent, _ = r.itemTarget(io.get("parent"))
		r.s.Items = append(r.s.Items, it)
	}
}

func (r *reader) readClients(o obj) {
	n, p := o.get("clients")
	items, _ := r.list(n, p, "an array of clients")
	seen := map[string]bool{}
	for i := range items {
		ip := indexPath(p, i)
		co, ok := r.object(&items[i], ip, "type", "id", "name")
		if !ok {
			continue
		}
		var c Client
		cn, cp := r.need(co, "type", `"CONTACT" or "COMPANY"`)
		c.Type, _ = r.enum(cn, cp, "CONTACT", "COMPANY")
		idNode, idPath := r.need(co, "id", "an integer > 0")
		c.ID, _ = r.integer(idNode, idPath, 1, maxID)
		if c.Type != "" && c.ID > 0 {
			t := Target(c.Type, c.ID)
			if seen[t] {
				r.errs.addCode(idPath, "xref.duplicateClient", t)
			}
			seen[t] = true
		}
		c.Name, _ = r.str(co.get("name"))
		r.s.Clients = append(r.s.Clients, c)
	}
}
