package ui

import (
	"fmt"
	"slices"
	"testing"

	"github.com/sahilm/fuzzy"
)

// rank must list exactly the items sahilm/fuzzy matches, whether it scores
// them all (short lists) or only the most promising (long lists).
func TestRankMatchesWhatFuzzyMatches(t *testing.T) {
	var targets pickTargets
	for i := range 5000 {
		targets = append(targets, fmt.Sprintf("Story %d about the port strike in town %d  path/%04d.txt", i, i%37, i))
	}
	targets = append(targets, "Ünïcödé Straße  x.txt", "PORT STRIKE SHOUTED  y.txt")
	for _, q := range []string{"p", "port", "prt stk", "PORT", "straße", "zzz", "37"} {
		results, matched := rank(q, targets, nil, false)
		var want []int
		for _, m := range fuzzy.FindFrom(q, targets) {
			want = append(want, m.Index)
		}
		slices.Sort(want)
		got := make([]int, len(results))
		for i, r := range results {
			got[i] = r.item
		}
		slices.Sort(got)
		if !slices.Equal(got, want) || !slices.Equal(matched, want) {
			t.Errorf("%q: rank lists %d items (matched %d), fuzzy matches %d", q, len(got), len(matched), len(want))
		}
	}
	// With more than scoreLimit matches, those holding the query in one
	// piece come first.
	results, _ := rank("port strike", targets, nil, false)
	if r := results[0]; !containsFold(targets[r.item], "port strike") || r.matched == nil {
		t.Errorf("first result %q is not a scored contiguous match", targets[r.item])
	}
}

func TestRankWithinEarlierResults(t *testing.T) {
	p := newPicker("t", "")
	var items []pickItem
	for i := range 3000 {
		items = append(items, pickItem{Title: fmt.Sprintf("Item %d port", i)})
	}
	items = append(items, pickItem{Title: "Harbour strike"})
	p.open(items)
	p.input.SetValue("h")
	p.filter()
	p.input.SetValue("har")
	if c := p.candidates("har"); len(c) >= len(items) || len(c) == 0 {
		t.Errorf("extending a query should search %d earlier matches, not %d items", len(p.lastMatched), len(c))
	}
	p.filter()
	if len(p.results) != 1 || p.items[p.results[0].item].Title != "Harbour strike" {
		t.Errorf("results = %+v", p.results)
	}
}

// A match holding the query in one piece beats scattered letters, even
// where the fuzzy matcher's greedy score says otherwise, and is
// highlighted where the piece is.
func TestWholeMatchesFirst(t *testing.T) {
	targets := pickTargets{
		"Clear screen attack on the terminal  clear.txt",
		"Café résumé in Windows-1252  cp1252.txt",
		"A file whose name has an escape.  esc[2Jname.txt",
	}
	results, _ := rank("esc", targets, nil, false)
	if len(results) == 0 || results[0].item != 2 {
		t.Fatalf("first result %v, want the file with 'esc' in one piece", results)
	}
	at := indexFoldString(targets[2], "esc")
	if got := results[0].matched; len(got) != 3 || got[0] != at {
		t.Errorf("highlight %v, want bytes %d-%d", got, at, at+2)
	}
	// The lens chooser keeps its list order (most mentioned first) among
	// equally whole matches.
	names := pickTargets{"Steve Bannon", "Musk-Bannon"}
	if r, _ := rank("bannon", names, nil, true); r[0].item != 0 {
		t.Errorf("list order: %v", r)
	}
}

// Typing an item's whole title puts it first, before longer titles that
// hold the query ("strike" the term before "Strike Teasby" the name).
func TestExactTitleFirst(t *testing.T) {
	targets := pickTargets{"Strike Teasby", "Strike Sandoval", "strike", "strikes"}
	results, _ := rank("strike", targets, nil, true)
	if len(results) < 4 || results[0].item != 2 {
		t.Fatalf("results %v, want the item titled exactly \"strike\" first", results)
	}
	if results[1].item != 0 || results[2].item != 1 {
		t.Errorf("after the exact title, list order: %v", results)
	}
}
