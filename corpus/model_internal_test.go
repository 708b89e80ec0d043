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
		var ids []int32
		var counts []uint32
		for id := range n {
			m.docIDF[id] = float32(1 + rng.IntN(4)) // few values: many ties
			ids = append(ids, int32(id))
			counts = append(counts, uint32(1+rng.IntN(3)))
		}
		dm := &DocModel{terms: newDocVec(ids, counts)}
		k := rng.IntN(80)
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		weight := func(i int) float32 { return tfWeight(counts[i]) * m.docIDF[ids[i]] }
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

func TestDocVecKeepsLargeCounts(t *testing.T) {
	ids := []int32{3, 70000, 1<<24 - 1}
	counts := []uint32{254, 255, 1 << 20}
	v := newDocVec(ids, counts)
	for i := range ids {
		if v.term(i) != ids[i] || v.count(i) != counts[i] {
			t.Errorf("entry %d = (%d, %d), want (%d, %d)", i, v.term(i), v.count(i), ids[i], counts[i])
		}
		if got := v.find(ids[i]); got != i {
			t.Errorf("find(%d) = %d, want %d", ids[i], got, i)
		}
	}
	for _, id := range []int32{0, 4, 69999, 70001} {
		if got := v.find(id); got != -1 {
			t.Errorf("find(%d) = %d, want -1", id, got)
		}
	}
}

// A document interrupted by a panic leaves the worker's scratch half
// filled; the next document must be counted as if by a fresh worker.
func TestAnalyzeAfterAnInterruptedDocument(t *testing.T) {
	doc := Parse("a.txt", []byte("Port workers in Plouford walk out.\n\nThe strike closes the port of Plouford."))
	fresh := newTermizer(newVocab(), 0).analyze(doc)

	v := newVocab()
	tz := newTermizer(v, 0)
	tz.analyze(doc) // the vocabulary now has the ids
	// What a panic half-way through a paragraph leaves behind:
	tz.paraEnds = append(tz.paraEnds, 3, 7)
	tz.slab = append(tz.slab, 1, 2, 3)
	tz.paraTouched = append(tz.paraTouched, 0, 1)
	tz.paraCounts = append(tz.paraCounts, 5, 5)
	tz.addCount(0, 9)
	tz.addCount(2, 4)
	got := tz.analyze(doc)

	if got.tokens != fresh.tokens || got.terms.len() != fresh.terms.len() {
		t.Fatalf("after an interrupted document: %d tokens, %d terms; fresh worker %d, %d", got.tokens, got.terms.len(), fresh.tokens, fresh.terms.len())
	}
	for i := range got.terms.len() {
		if got.terms.count(i) != fresh.terms.count(i) {
			t.Errorf("term %d counted %d times, fresh worker %d", i, got.terms.count(i), fresh.terms.count(i))
		}
	}
	for p := range got.paras {
		if !slices.Equal(got.paras[p], fresh.paras[p]) {
			t.Errorf("paragraph %d vector %v, fresh worker %v", p, got.paras[p], fresh.paras[p])
		}
	}
}
