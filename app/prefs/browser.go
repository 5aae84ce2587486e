package prefs

import (
	"encoding/json"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Browser is the browser's localStorage, with values as JSON text (as
// go-app's ctx.LocalStorage() keeps them, so earlier versions' values
// read back). Outside the browser (the site generator) it is a Memory.
func Browser() Storage {
	if !app.IsClient {
		return &Memory{}
	}
	return browser{area: "localStorage"}
}

// TabBrowser is the tab's sessionStorage, with values as JSON text: they
// survive a reload of the tab, not its closing. Outside the browser it is
// a Memory.
func TabBrowser() Storage {
	if !app.IsClient {
		return &Memory{}
	}
	return browser{area: "sessionStorage"}
}

// browser is one of the window's storage areas.
type browser struct{ area string }

// call runs f on the storage area, turning a JavaScript exception (a
// disabled storage, a full quota) into an error.
func (b browser) call(f func(ls app.Value)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrUnavailable, r)
		}
	}()
	ls := app.Window().Get(b.area)
	if !ls.Truthy() {
		return ErrUnavailable
	}
	f(ls)
	return nil
}

func (b browser) Get(key string, v any) error {
	var text string
	var found bool
	if err := b.call(func(ls app.Value) {
		item := ls.Call("getItem", key)
		if found = !item.IsNull() && !item.IsUndefined(); found {
			text = item.String()
		}
	}); err != nil || !found {
		return err
	}
	return json.Unmarshal([]byte(text), v)
}

func (b browser) Set(key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.call(func(ls app.Value) { ls.Call("setItem", key, string(data)) })
}
