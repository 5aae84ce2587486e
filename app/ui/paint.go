package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// afterPaint returns once the browser has painted what the page shows
// now: an animation frame runs just before the paint, and a message
// posted from it (whatifYield) is handled after it. Call it off the UI
// goroutine.
func afterPaint() {
	if !app.IsClient {
		return
	}
	done := make(chan struct{})
	var frame app.Func
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		go func() {
			whatifYield()
			close(done)
		}()
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
	<-done
}
