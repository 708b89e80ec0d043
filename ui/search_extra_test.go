package ui

import (
	"strings"
	"testing"
	"time"

	"parallax/corpus"
)

// A failed search on one long paragraph full of the query's first letter
// in one case must not rescan the paragraph for the other case at every
// occurrence (that made it quadratic: seconds on 2 MB).
func TestFailedSearchOnALongParagraphIsLinear(t *testing.T) {
	text := strings.Repeat("lorem ipsum dolor sit amet strike ", 60_000) // 2 MB, one paragraph
	doc := corpus.Parse("long.txt", []byte(text))
	start := time.Now()
	for _, q := range []string{"sit ametx", "amet strikx", "lorem59999"} {
		if m := findMatches(doc, newFinder(q)); len(m) != 0 {
			t.Fatalf("%q found %d times", q, len(m))
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("three failed searches over 2 MB took %v", d)
	}
}
