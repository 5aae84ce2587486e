// Command serve serves the generated triggersim website (dist/) on the
// loopback interface, the way ./build.sh serve runs it. With -precompress it
// instead writes the .gz and .br variants of the site's files and exits.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/triggersim/triggersim/cmd/serve/static"
)

func main() {
	log.SetFlags(0)
	dir := flag.String("dir", "dist", "directory of the generated website")
	host := flag.String("host", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 8080, "port to listen on")
	precompress := flag.Bool("precompress", false, "write .gz and .br variants of the files in -dir, then exit")
	flag.Parse()

	if *precompress {
		if err := static.Precompress(*dir); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := serve(*dir, net.JoinHostPort(*host, strconv.Itoa(*port))); err != nil {
		log.Fatal(err)
	}
}

func serve(dir, addr string) error {
	if _, err := os.Stat(dir + "/index.html"); err != nil {
		return fmt.Errorf("%s has no index.html (run ./build.sh build): %w", dir, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("serving %s on http://%s/\n", dir, ln.Addr())
	srv := &http.Server{
		Handler:           static.Handler(os.DirFS(dir)),
		ReadHeaderTimeout: 10 * time.Second,
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
