package corpus

import "parallax/corpus/words"

// keptParagraphsBytes is the size of text from which a document keeps its
// paragraph vectors from loading. A shorter one counts them again (see
// countParagraphs) on the first Align that involves it, which takes a few
// milliseconds at most: the vectors of a corpus of many short documents
// would otherwise take a third as much memory as its text.
const keptParagraphsBytes = 256 << 10

// countParagraphs counts the terms of each paragraph of a document as
// analyze did while loading: the same words, looked up in the same table
// of word forms, so the same vectors, terms in order of first use.
func (m *Model) countParagraphs(d *Document) paraVecs {
	forms := &m.forms
	counts := make([]uint32, len(m.Vocab))
	var touched []int32
	v := paraVecs{ends: make([]uint32, len(d.Paragraphs))}
	for i, p := range d.Paragraphs {
		if p.Repeat == nil {
			words.Scan(p.Text, func(start, end int) {
				e, ok := forms.getIn(p.Text, start, end)
				if !ok || e.id == stopID {
					return
				}
				if counts[e.id] == 0 {
					touched = append(touched, e.id)
				}
				counts[e.id]++
			})
			for _, id := range touched {
				v.slab = append(v.slab, pack(id, int(counts[id])))
				counts[id] = 0
			}
			touched = touched[:0]
		}
		v.ends[i] = uint32(len(v.slab))
	}
	return v
}
