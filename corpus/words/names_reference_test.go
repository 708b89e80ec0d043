package words

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// referenceResult is the first, plainly written Names.Result (quadratic
// in the number of names), kept to check the faster one.
func referenceResult(n *Names) []NameCount {
	counts := make(map[string]int, len(n.counts))
	for k, v := range n.counts {
		counts[k] = v
	}
	known := map[string]bool{}
	for name := range counts {
		for _, w := range strings.Fields(name) {
			known[w] = true
		}
	}
	for name, c := range n.initial {
		if known[name] {
			counts[name] += c
		}
	}
	literal := map[string]int{} // names of several words, as written
	for name, c := range counts {
		if strings.ContainsAny(name, " -") {
			literal[name] = c
		}
	}
	bestFull := func(surname string) string {
		best, bestCount := "", 0
		for full, fc := range literal {
			if strings.HasSuffix(full, " "+surname) && (fc > bestCount || (fc == bestCount && full < best)) {
				best, bestCount = full, fc
			}
		}
		return best
	}
	for name, c := range counts {
		if strings.ContainsRune(name, ' ') {
			continue
		}
		best, bestCount := "", 0
		for full, fc := range counts {
			if strings.HasSuffix(full, " "+name) && (fc > bestCount || (fc == bestCount && full < best)) {
				best, bestCount = full, fc
			}
		}
		if best != "" {
			counts[best] += c
			delete(counts, name)
		}
	}
	// Mentions inside longer names, found as the lens finds them.
	for b, bc := range literal {
		for a := range counts {
			if a == b {
				continue
			}
			alts := []string{a}
			if i := strings.LastIndexByte(a, ' '); i > 0 && bestFull(a[i+1:]) == a {
				alts = append(alts, a[i+1:])
			}
			counts[a] += bc * len(FindNames(b, alts))
		}
	}
	out := make([]NameCount, 0, len(counts))
	for k, v := range counts {
		out = append(out, NameCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func TestResultMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	first := []string{"Elon", "Ana", "Bank", "Lower", "Donald"}
	last := []string{"Musk", "Silva", "Ostrel", "Trump", "Plouford", "Estrava"}
	n := NewNames()
	for round := range 300 {
		n.Reset()
		for range rng.IntN(40) {
			name := last[rng.IntN(len(last))]
			switch rng.IntN(4) {
			case 0:
				name = first[rng.IntN(len(first))] + " " + name
			case 1:
				name = first[rng.IntN(len(first))] + " of " + name
			case 2:
				n.initial[name] += 1 + rng.IntN(3)
				continue
			}
			n.counts[name] += 1 + rng.IntN(3)
		}
		want := referenceResult(n) // before Result, which merges in place
		if got := n.Result(); !slices.Equal(got, want) {
			t.Fatalf("round %d: Result = %v, want %v", round, got, want)
		}
	}
}
