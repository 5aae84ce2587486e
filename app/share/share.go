// Package share turns a scenario into the fragment of a share link and
// back, so that a consultant can send a whole simulation as one URL that
// opens offline: https://…/#s1.<data>. The fragment never reaches a server.
//
// <data> is the scenario JSON compressed with DEFLATE (Go's best
// compression on the host; in the browser its CompressionStream, or stored
// blocks where it has none: deflate.go, deflate_js.go) and encoded as
// unpadded base64url; the "s1." prefix names this encoding so
// that a later one can be told apart. Links are limited to MaxURLFragment
// characters, which every browser and messenger carries; a bigger scenario
// is shared as a file.
//
// A link carries at most what Limits allows, on both sides: Encode refuses
// to make a link past them, and Decode refuses a link that inflates past
// MaxDecoded bytes (it stops inflating there) or holds more items, events,
// triggers or robots than a link may carry — before the scenario is read,
// compiled or run. A crafted 78 KB link used to inflate to a 20 MB
// scenario with 444 000 events and freeze the page that opened it. Every
// such refusal is a *LimitError (errors.Is(err, ErrTooLarge)) that points
// to sharing the scenario as a file instead.
package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Prefix starts every fragment this version writes.
const Prefix = "s1."

// MaxURLFragment is the longest fragment Encode produces, in characters.
const MaxURLFragment = 32000

// MaxDecoded is the largest scenario a link carries, in bytes. A link of
// MaxURLFragment characters holds 24 000 compressed bytes; real scenarios
// compress five- to tenfold, so 1 MB leaves room for any scenario that
// fits, while a crafted link (DEFLATE inflates up to a thousandfold) stops
// at 1 MB instead of 20.
const MaxDecoded = 1_000_000

// The most items, script events, triggers and robots a link may carry. The
// largest built-in example has 3 items, 5 events, 3 triggers and 5 robots;
// a training scenario with more is shared as a file, which has its own,
// higher limits (home.MaxItems, docs/limits.md).
const (
	MaxItems    = 1000
	MaxEvents   = 1000
	MaxTriggers = 500
	MaxRobots   = 500
)

// LimitError is a link, or a scenario to put into one, past a limit.
type LimitError struct {
	// What is "link" (the fragment's characters), "size" (bytes of the
	// scenario), "items", "events", "triggers" or "robots".
	What string
	// Count is how many there are (for "size", at least this many bytes),
	// Max the limit.
	Count, Max int
	// Making is true when Encode refused to make the link, false when
	// Decode refused to open it.
	Making bool
}

func (e *LimitError) Error() string {
	var what string
	switch e.What {
	case "link":
		what = fmt.Sprintf("its link would be %d characters, over the limit of %d", e.Count, e.Max)
		if !e.Making {
			what = fmt.Sprintf("the link is %d characters long, far more than a share link can be", e.Count)
		}
	case "size":
		what = fmt.Sprintf("it is %s, more than the %s a link may carry", sizeText(e.Count), sizeText(e.Max))
		if !e.Making {
			what = fmt.Sprintf("the link unpacks to more than %s, the most a link may carry", sizeText(e.Max))
		}
	default:
		what = fmt.Sprintf("it has %d %s, more than the %d a link may carry", e.Count, e.What, e.Max)
	}
	return fmt.Sprintf("share: %s: too large for a share link; export the scenario as a file (Download .json) and send the file instead", what)
}

// Is makes errors.Is(err, ErrTooLarge) hold.
func (e *LimitError) Is(target error) bool { return target == ErrTooLarge }

// maxFragment bounds the input Decode looks at: a link longer than this
// did not come from Encode, even allowing for another writer's choices.
const maxFragment = 1 << 20

var (
	// ErrTooLarge means the scenario does not fit into a link (Encode) or
	// the link inflates to more than MaxDecoded bytes (Decode).
	ErrTooLarge = errors.New("too large for a share link")
	// ErrInvalid means the text is not a share link this version can read.
	ErrInvalid = errors.New("not a valid share link")
)

// Encode returns the fragment (without "#") of the share link of a
// scenario file. A scenario whose fragment would exceed MaxURLFragment gives
// an error satisfying errors.Is(err, ErrTooLarge) that suggests sharing the
// file instead.
//
// In the browser it compresses through the browser's CompressionStream
// (deflate_js.go) and waits for it: call it from a goroutine of its own
// (go-app's ctx.Async), never from a JavaScript callback.
func Encode(scenarioJSON []byte) (string, error) {
	if len(scenarioJSON) > MaxDecoded {
		return "", &LimitError{What: "size", Count: len(scenarioJSON), Max: MaxDecoded, Making: true}
	}
	if err := checkCounts(scenarioJSON, true); err != nil {
		return "", err
	}
	compressed, err := deflate(scenarioJSON)
	if err != nil {
		return "", fmt.Errorf("share: compress: %w", err)
	}
	n := len(Prefix) + base64.RawURLEncoding.EncodedLen(len(compressed))
	if n > MaxURLFragment {
		return "", &LimitError{What: "link", Count: n, Max: MaxURLFragment, Making: true}
	}
	return Prefix + base64.RawURLEncoding.EncodeToString(compressed), nil
}

// Decode returns the scenario file of a share link's fragment. It accepts
// the fragment with or without its leading "#", and a whole URL (the part
// after the first "#" is used). It does not check the scenario itself: pass
// the result to engine.ReadScenario.
func Decode(fragment string) ([]byte, error) {
	if i := strings.IndexByte(fragment, '#'); i >= 0 {
		fragment = fragment[i+1:]
	}
	fragment = strings.TrimSpace(fragment)
	if len(fragment) > maxFragment {
		return nil, &LimitError{What: "link", Count: len(fragment), Max: MaxURLFragment}
	}
	if !strings.HasPrefix(fragment, Prefix) {
		if v, _, ok := strings.Cut(fragment, "."); ok && len(v) >= 2 && v[0] == 's' && isDigits(v[1:]) {
			return nil, fmt.Errorf("share: the link was made by a newer version of triggersim (format %s, this one reads %s): %w", v, strings.TrimSuffix(Prefix, "."), ErrInvalid)
		}
		return nil, fmt.Errorf("share: the link does not hold a scenario (it should end in #%s…): %w", Prefix, ErrInvalid)
	}
	compressed, err := base64.RawURLEncoding.DecodeString(fragment[len(Prefix):])
	if err != nil {
		return nil, fmt.Errorf("share: the link is damaged, perhaps cut off when it was copied (%v): %w", err, ErrInvalid)
	}
	zr := flate.NewReader(bytes.NewReader(compressed))
	defer zr.Close()
	data, err := io.ReadAll(io.LimitReader(zr, MaxDecoded+1))
	if err != nil {
		return nil, fmt.Errorf("share: the link is damaged, perhaps cut off when it was copied (%v): %w", err, ErrInvalid)
	}
	if len(data) > MaxDecoded {
		return nil, &LimitError{What: "size", Count: len(data), Max: MaxDecoded}
	}
	if err := checkCounts(data, false); err != nil {
		return nil, err
	}
	return data, nil
}

// checkCounts counts the items, events, triggers and robots of a scenario
// file without reading it as a scenario (one pass of encoding/json over at
// most MaxDecoded bytes, keeping only the array elements' raw bytes).
// Anything that is not a JSON object with arrays there is left to the
// scenario reader, which reports it with its path.
func checkCounts(data []byte, making bool) error {
	var top struct {
		Items    []json.RawMessage `json:"items"`
		Events   []json.RawMessage `json:"events"`
		Triggers []json.RawMessage `json:"triggers"`
		Robots   []json.RawMessage `json:"robots"`
	}
	// A value of the wrong type elsewhere (an UnmarshalTypeError) does not
	// stop encoding/json filling the arrays; a syntax error does.
	var typeErr *json.UnmarshalTypeError
	if err := json.Unmarshal(data, &top); err != nil && !errors.As(err, &typeErr) {
		return nil
	}
	for _, c := range []struct {
		what     string
		n, limit int
	}{
		{"items", len(top.Items), MaxItems},
		{"events", len(top.Events), MaxEvents},
		{"triggers", len(top.Triggers), MaxTriggers},
		{"robots", len(top.Robots), MaxRobots},
	} {
		if c.n > c.limit {
			return &LimitError{What: c.what, Count: c.n, Max: c.limit, Making: making}
		}
	}
	return nil
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sizeText writes a byte count for people: "850 bytes", "12.4 KB", "3.1 MB".
func sizeText(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
	}
}
