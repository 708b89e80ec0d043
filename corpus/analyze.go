package corpus

import (
	"sort"

	"parallax/corpus/words"
)

// analysis is what tokenizing one document yields, before the corpus-wide
// vocabulary exists. It is computed by the loading workers in parallel and
// folded into the Model afterwards.
type analysis struct {
	paras   [][]stemCount // per paragraph; nil for boilerplate
	names   []words.NameCount
	surface map[string]string // stem → the first word form seen
}

type stemCount struct {
	stem  string
	count int32
}

// analyze tokenizes the visible, non-boilerplate paragraphs of a document.
// Repeated blocks (advertising, share bars) are left out of every count so
// that they neither link passages nor look distinctive.
func analyze(d *Document) *analysis {
	a := &analysis{paras: make([][]stemCount, len(d.Paragraphs)), surface: map[string]string{}}
	names := words.NewNames()
	var stems []string
	for i, p := range d.Paragraphs {
		if p.Repeat != nil {
			continue
		}
		stems = stems[:0]
		words.ForEach(p.Text, func(t words.Token) {
			if t.IsStop() {
				return
			}
			stems = append(stems, t.Stem)
			if _, ok := a.surface[t.Stem]; !ok {
				a.surface[t.Stem] = t.Lower
			}
		})
		a.paras[i] = countStems(stems)
		names.Add(p.Text)
	}
	a.names = names.Result()
	return a
}

// countStems sorts stems and counts each distinct one.
func countStems(stems []string) []stemCount {
	if len(stems) == 0 {
		return nil
	}
	sort.Strings(stems)
	out := make([]stemCount, 0, len(stems))
	for _, s := range stems {
		if n := len(out); n > 0 && out[n-1].stem == s {
			out[n-1].count++
			continue
		}
		out = append(out, stemCount{stem: s, count: 1})
	}
	return out
}
