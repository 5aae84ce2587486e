//go:build !js

package main

import (
	"flag"
	"log"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/sitegen"
)

func main() {
	out := flag.String("out", "dist", "output directory")
	web := flag.String("web", "web", "directory holding app.wasm and icon.png")
	flag.Parse()
	routes()
	h := &app.Handler{
		Name:    "bare",
		Title:   "bare",
		Icon:    app.Icon{Default: "/web/icon.png", SVG: "/web/icon.png"},
		Version: "bare",
	}
	if err := app.GenerateStaticWebsite(*out, h); err != nil {
		log.Fatal(err)
	}
	if err := sitegen.CopyDir(filepath.Join(*out, "web"), *web); err != nil {
		log.Fatal(err)
	}
}
