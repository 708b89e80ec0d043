package ui

import (
	"fmt"
	"sort"

	"parallax/corpus"
)

// relatedInPalette is how many related documents lead the palette.
const relatedInPalette = 5

// paletteItems lists the documents for the fuzzy palette (matched on title
// and path). With no lens, the focused document's most related documents
// come first, marked with their similarity. With a lens on, every document
// says how often it mentions the lens term and they are ordered by it, so
// the documents that stay silent show at once.
func paletteItems(c *corpus.Corpus, focused *corpus.Document, lens *corpus.Lens) []pickItem {
	item := func(d *corpus.Document, note string) pickItem {
		meta := thousands(d.Words) + " words"
		if note != "" {
			meta = note + " · " + meta
		}
		return pickItem{Title: d.Title, Detail: d.Path, Meta: meta, MatchDetail: true, Value: d}
	}
	items := make([]pickItem, 0, len(c.Docs))
	if lens != nil && c.Model != nil {
		counts := make([]int, len(c.Docs))
		order := make([]int, len(c.Docs))
		for i := range c.Docs {
			counts[i], order[i] = c.Model.Mentions(*lens, i), i
		}
		sort.SliceStable(order, func(a, b int) bool { return counts[order[a]] > counts[order[b]] })
		for _, i := range order {
			note := fmt.Sprintf("%s of %q", plural(counts[i], "mention"), lens.Label)
			if counts[i] == 0 {
				note = fmt.Sprintf("silent on %q", lens.Label)
			}
			items = append(items, item(c.Docs[i], note))
		}
		return items
	}
	listed := map[int]bool{}
	if focused != nil && c.Model != nil {
		for _, r := range c.Model.Related(focused.Index, relatedInPalette) {
			items = append(items, item(c.Docs[r.Doc], fmt.Sprintf("related %.2f", r.Score)))
			listed[r.Doc] = true
		}
	}
	for _, d := range c.Docs {
		if !listed[d.Index] {
			items = append(items, item(d, ""))
		}
	}
	return items
}
