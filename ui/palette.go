package ui

import (
	"cmp"
	"fmt"
	"sort"
	"strings"

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
		meta := plural(d.Words, "word")
		if note != "" {
			meta = note + " · " + meta
		}
		detail := d.Path
		if sd := sourceAndDate(d); sd != "" {
			detail = sd + " · " + d.Path
		}
		return pickItem{Title: d.Title, Detail: detail, Meta: meta, MatchDetail: true, Value: d}
	}
	items := make([]pickItem, 0, len(c.Docs))
	if lens != nil && c.Model != nil {
		counts := make([]int, len(c.Docs))
		order := make([]int, len(c.Docs))
		for i := range c.Docs {
			counts[i], order[i] = c.Model.Mentions(*lens, c.Docs[i]), i
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

// paletteOrder is how the palette sorts: by relevance (the default), or
// grouped by source, or by date, newest first.
type paletteOrder int

const (
	byRelevance paletteOrder = iota
	bySource
	byDate
)

func (o paletteOrder) String() string {
	return [...]string{"relevance", "source", "date"}[o]
}

// compare orders two documents for the sort; 0 keeps the relevance order.
func (o paletteOrder) compare(a, b *corpus.Document) int {
	switch o {
	case bySource:
		if c := cmp.Compare(sourceKey(a.Source), sourceKey(b.Source)); c != 0 {
			return sourcesFirst(a.Source, b.Source, c)
		}
		return compareDates(b.Date, a.Date)
	case byDate:
		if c := compareDates(b.Date, a.Date); c != 0 {
			return c
		}
		return cmp.Compare(sourceKey(a.Source), sourceKey(b.Source))
	}
	return 0
}

// sourceKey is how a source sorts: without case, and without a leading
// "The" (The Civic Herald files under C, as in a library).
func sourceKey(s string) string {
	s = strings.ToLower(s)
	if rest, ok := strings.CutPrefix(s, "the "); ok {
		return rest
	}
	return s
}

// sourcesFirst puts documents with a source before those without.
func sourcesFirst(a, b string, c int) int {
	switch {
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return c
}

// compareDates compares dates written in the usual ways; a date that
// cannot be read sorts as the oldest.
func compareDates(a, b string) int {
	ta, okA := corpus.ParseDate(a)
	tb, okB := corpus.ParseDate(b)
	switch {
	case okA && okB:
		return ta.Compare(tb)
	case okA:
		return 1
	case okB:
		return -1
	}
	return cmp.Compare(a, b)
}
