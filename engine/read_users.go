package engine

import "strconv"

// The "users" section.

func (r *reader) readUsers(o obj) {
	s := r.s
	n, p := o.get("users")
	if n == nil {
		name := "Администратор"
		if s.Locale == "en" {
			name = "Administrator"
		}
		s.Users = []User{{ID: 1, Name: name}}
		r.users[1] = true
		return
	}
	s.UsersSet = true
	items, _ := r.nonEmptyList(n, p, "an array of users")
	for i := range items {
		ip := indexPath(p, i)
		uo, ok := r.object(&items[i], ip, "id", "name", "workTime")
		if !ok {
			continue
		}
		var u User
		idNode, idPath := r.need(uo, "id", "an integer > 0")
		if id, ok := r.integer(idNode, idPath, 1, maxInt); ok {
			if r.users[id] {
				r.errs.addCode(idPath, "xref.duplicateUser", strconv.Itoa(id))
			}
			r.users[id] = true
			u.ID = id
		}
		u.Name, _ = r.str(r.need(uo, "name", "a string"))
		if wn, wp := uo.get("workTime"); wn != nil {
			if wt, ok := r.workTime(wn, wp); ok {
				u.WorkTime = &wt
			}
		}
		s.Users = append(s.Users, u)
	}
}
