package corpus

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// The load keeps each document's heaviest terms with a heap and lists its
// terms from a bitmap; these check both against the obvious way.

func TestHeaviestMatchesAFullSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := rng.IntN(300)
		m := &Model{docIDF: make([]float32, n)}
		dm := &DocModel{}
		for id := range n {
			m.docIDF[id] = float32(1 + rng.IntN(4)) // few values: many ties
			dm.Terms = append(dm.Terms, int32(id))
			dm.Counts = append(dm.Counts, uint32(1+rng.IntN(3)))
		}
		k := rng.IntN(80)
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		weight := func(i int) float32 { return tfWeight(dm.Counts[i]) * m.docIDF[dm.Terms[i]] }
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(weight(b), weight(a)) })
		want := idx[:min(k, n)]
		if got, _ := m.heaviest(dm, k); len(got)+len(want) > 0 && !slices.Equal(got, want) {
			t.Fatalf("round %d (n=%d, k=%d): heaviest = %v, want %v", round, n, k, got, want)
		}
	}
}

func TestIDSetListsInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var s idSet
	for round := range 50 {
		seen := map[int32]bool{}
		var want []int32
		for range rng.IntN(2000) {
			id := int32(rng.IntN(1 << uint(4+round%16)))
			if !seen[id] {
				seen[id] = true
				want = append(want, id)
				s.add(id)
			}
		}
		slices.Sort(want)
		if got := s.drain(nil); !slices.Equal(got, want) {
			t.Fatalf("round %d: drain = %v…, want %v…", round, got[:min(len(got), 10)], want[:min(len(want), 10)])
		}
	}
}
