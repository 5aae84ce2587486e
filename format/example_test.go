package format_test

import (
	"fmt"
	"time"

	"github.com/triggersim/triggersim/format"
)

// A metric's kind, not its name, decides how it reads.
func ExamplePrinter_Value() {
	ru, en := format.Text("ru"), format.Text("en")
	fmt.Println(ru.Value(format.Count, 356), en.Value(format.Count, 12.3456))
	fmt.Println(ru.Value(format.Share, 0.108), en.Value(format.Share, 0.108))
	fmt.Println(ru.Value(format.Duration, 169200), en.Value(format.Duration, 169200))
	// Output:
	// 356 12.35
	// 10.8 % 10.8 %
	// 1д 23ч 1d 23h
}

// The app's style groups thousands and keeps a number with its unit.
func ExampleUI() {
	ru, en := format.UI("ru"), format.UI("en")
	fmt.Printf("%q %q\n", ru.Value(format.Count, 10146), en.Value(format.Count, 10146))
	fmt.Printf("%q %q\n", ru.Value(format.Share, 0.425), en.Value(format.Share, 0.425))
	fmt.Printf("%q %q\n", ru.Value(format.Duration, 93600), en.Value(format.Duration, 2100))
	// Output:
	// "10\u202f146" "10,146"
	// "42,5\u00a0%" "42.5%"
	// "1\u00a0д 2\u00a0ч" "35m"
}

// A difference carries its sign; shares differ in percentage points.
func ExamplePrinter_Delta() {
	ru, en := format.UI("ru"), format.Text("en")
	fmt.Printf("%q %q\n", ru.Delta(format.Share, -0.125), en.Delta(format.Share, 0.015))
	fmt.Printf("%q %q\n", ru.Delta(format.Count, -3), en.Delta(format.Duration, 7200))
	fmt.Printf("%q\n", en.Delta(format.Count, 0))
	// Output:
	// "−12,5\u00a0п.\u00a0п." "+1.5 pp"
	// "−3" "+2h"
	// "0"
}

// Dates read the way each language writes them, on the 24-hour clock.
func ExamplePrinter_DateTime() {
	t := time.Date(2026, 1, 12, 9, 30, 0, 0, time.UTC)
	fmt.Println(format.UI("ru").DateTime(t), format.UI("en").DateTime(t))
	fmt.Println(format.Text("ru").Date(t), format.Text("en").Date(t))
	// Output:
	// 12.01.2026 09:30 2026-01-12 09:30
	// 12.01.2026 2026-01-12
}
