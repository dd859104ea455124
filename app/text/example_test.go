package text_test

import (
	"fmt"

	"github.com/hit-salary/hit-salary/app/text"
)

func ExampleCatalog_F() {
	c := text.For(text.English)
	fmt.Println(c.F("summary.range", "low", c.Money(67884), "high", c.Money(94785)))
	fmt.Println(c.SignedMoney(-25952), c.SignedPercent(8.7, 1))
	// Output:
	// Likely range for people like you: $67,884 to $94,785.
	// −$25,952 +8.7%
}
