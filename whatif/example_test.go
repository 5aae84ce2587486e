package whatif_test

import (
	"context"
	"fmt"
	"os"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

// ExampleRun runs the example's traffic model for two weeks.
func ExampleRun() {
	data, _ := os.ReadFile("../examples/11-whatif-schet-7dney.json")
	sc, _ := engine.ReadScenario(data)
	k, err := whatif.Run(context.Background(), sc, whatif.Options{Days: 14}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(k.Arrived, "deals arrived;", k.Triggers[1].ID, "fired", k.Triggers[1].Fired, "times")
	fmt.Println("never fired:", k.NeverFired)
	// Output:
	// 534 deals arrived; t-oplata fired 94 times
	// never fired: [t-vebhuk]
}
