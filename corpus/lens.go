package corpus

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax/corpus/words"
)

// Lens is a term or a name that the reader filters documents by (the
// "event lens"): only the passages that mention it are shown.
type Lens struct {
	// Label is what the reader typed or chose: "Pentagon", "briefings".
	Label string
	// Name is set for a proper name; its surname alone also matches.
	Name bool
	stem string
	alts []string // for names: the full name, then the surname
}

// NewTermLens matches every word with the same stem as word.
func NewTermLens(word string) Lens {
	lower := strings.ToLower(word)
	return Lens{Label: word, stem: words.Stem(lower)}
}

// NewNameLens matches a proper name, and its last word alone when that
// is capitalised (Musk for Elon Musk, but not 3 for Gate 3: that would
// count every "3 percent"), case-sensitively and as whole words.
func NewNameLens(name string) Lens {
	l := Lens{Label: name, Name: true, alts: []string{name}}
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		if last := name[i+1:]; words.CapitalOf(last) != 0 {
			l.alts = append(l.alts, last)
		}
	}
	return l
}

// Valid reports whether the lens can match anything (a stop word cannot).
func (l Lens) Valid() bool { return l.Name || l.stem != "" }

// Find returns the byte ranges of the lens's mentions in text, in order.
func (l Lens) Find(text string) [][2]int {
	if l.Name {
		return words.FindNames(text, l.alts)
	}
	if l.stem == "" {
		return nil
	}
	var out [][2]int
	words.ForEach(text, func(t words.Token) {
		if t.Stem == l.stem {
			out = append(out, [2]int{t.Start, t.End})
		}
	})
	return out
}

// Passage is a part of a paragraph shown by a lens: the sentences that
// mention the lens term with one sentence of context on either side.
type Passage struct {
	Para       int
	Start, End int      // byte range in the paragraph
	Hits       [][2]int // mentions, relative to Start
}

// Passages returns the passages of a document that mention the lens, in
// document order. Windows that overlap or touch are merged. Repeated
// boilerplate is not searched (as the text model does not count it).
func (l Lens) Passages(d *Document) []Passage {
	var out []Passage
	for pi, p := range d.Paragraphs {
		if p.Repeat != nil {
			continue
		}
		hits := l.Find(p.Text)
		if len(hits) == 0 {
			continue
		}
		sents := words.Sentences(p.Text)
		var cur *Passage
		for si, s := range sents {
			if !anyWithin(hits, s[0], s[1]) {
				continue
			}
			from, to := sents[max(0, si-1)][0], sents[min(len(sents)-1, si+1)][1]
			// Windows that overlap or touch read as one passage.
			if cur != nil && (from <= cur.End || strings.TrimSpace(p.Text[cur.End:from]) == "") {
				cur.End = max(cur.End, to)
				continue
			}
			out = append(out, Passage{Para: pi, Start: from, End: to})
			cur = &out[len(out)-1]
		}
		// Attach the hits to the passages that hold them.
		for i := range out {
			if out[i].Para != pi {
				continue
			}
			for _, h := range hits {
				if h[0] >= out[i].Start && h[1] <= out[i].End {
					out[i].Hits = append(out[i].Hits, [2]int{h[0] - out[i].Start, h[1] - out[i].Start})
				}
			}
		}
	}
	return out
}

func anyWithin(hits [][2]int, start, end int) bool {
	for _, h := range hits {
		if h[0] < end && h[1] > start {
			return true
		}
	}
	return false
}

// Mentions is how many times document d mentions the lens, counted as the
// lens view counts them (so the palette, the chooser and the panes agree):
// for a term, from the text model; for a name, by finding it in the text
// of the documents whose names include it or its surname (the others are
// known not to mention it and are not scanned).
func (m *Model) Mentions(l Lens, d *Document) int {
	if !l.Name {
		e, ok := m.ids.get(l.stem)
		if !ok {
			return 0
		}
		return m.Count(d.Index, e.id)
	}
	surname := l.alts[len(l.alts)-1]
	known := false
	for _, nc := range m.Docs[d.Index].Names {
		if nc.Name == l.Label || lastWord(nc.Name) == surname {
			known = true
			break
		}
	}
	if !known {
		return 0
	}
	l = m.ForDocument(l, d)
	n := 0
	for _, p := range d.Paragraphs {
		if p.Repeat == nil {
			n += len(l.Find(p.Text))
		}
	}
	return n
}

func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

// ForDocument narrows a name lens to what it means in document d. A
// surname alone stands for the person of that surname the document names
// most (as Names credits it): "Okafor" in an article about Odile Okafor is
// not a mention of Luca Okafor. So the surname alone matches only where
// the lens's full name is that person; elsewhere only the full name does.
// Term lenses are returned as they are.
func (m *Model) ForDocument(l Lens, d *Document) Lens {
	if !l.Name || len(l.alts) < 2 {
		return l
	}
	surname := l.alts[len(l.alts)-1]
	best, bestCount := "", 0
	for _, nc := range m.Docs[d.Index].Names {
		if nc.Name != surname && lastWord(nc.Name) == surname && (nc.Count > bestCount || nc.Count == bestCount && nc.Name < best) {
			best, bestCount = nc.Name, nc.Count
		}
	}
	if best == l.Label {
		return l
	}
	l.alts = l.alts[:1:1]
	return l
}

// VocabEntry is a suggestion for the lens: a name or a frequent term.
type VocabEntry struct {
	Label    string
	Name     bool
	Mentions int // in the whole corpus
	Docs     int // how many documents mention it
}

// Lens returns the lens for a vocabulary entry.
func (e VocabEntry) Lens() Lens {
	if e.Name {
		return NewNameLens(e.Label)
	}
	return NewTermLens(e.Label)
}

// vocabTerms bounds how many plain terms the lens suggests.
const vocabTerms = 5000

// Vocabulary lists what the lens can filter by: names first (most
// mentioned first), then the most frequent terms. Computed once (if that
// fails, the next call tries again rather than returning nothing).
func (m *Model) Vocabulary() []VocabEntry {
	m.vocabMu.Lock()
	defer m.vocabMu.Unlock()
	if m.vocab == nil {
		m.vocab = m.buildVocabulary()
	}
	return m.vocab
}

func (m *Model) buildVocabulary() []VocabEntry {
	type agg struct{ mentions, docs int }
	names := map[string]*agg{}
	for d := range m.Docs {
		for _, nc := range m.Docs[d].Names {
			a := names[nc.Name]
			if a == nil {
				a = &agg{}
				names[nc.Name] = a
			}
			a.mentions += nc.Count
			a.docs++
		}
	}
	var out []VocabEntry
	covered := map[string]int{} // words a name lens matches, with its mentions
	for n, a := range names {
		out = append(out, VocabEntry{Label: n, Name: true, Mentions: a.mentions, Docs: a.docs})
		covered[n] += a.mentions
		if w := lastWord(n); w != n {
			covered[w] += a.mentions
		}
	}
	sortVocab(out)
	terms := make([]VocabEntry, 0, len(m.Vocab))
	for id := range m.Vocab {
		// The name "China" covers the term "china", and the name
		// "Tomas Breck" (which matches "Breck" alone) the term "breck",
		// when the word is nearly always written as that name; a word
		// mostly written in lower case ("union") stays a term.
		if c := covered[capitalise(m.Surface[id])]; c > 0 && float64(c) >= 0.8*float64(m.TermFreq[id]) {
			continue
		}
		terms = append(terms, VocabEntry{Label: m.Surface[id], Mentions: int(m.TermFreq[id]), Docs: int(m.DocFreq[id])})
	}
	sortVocab(terms)
	if len(terms) > vocabTerms {
		terms = terms[:vocabTerms]
	}
	out = append(out, terms...)
	if out == nil {
		out = []VocabEntry{} // built: not to be built again
	}
	return out
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func sortVocab(v []VocabEntry) {
	slices.SortFunc(v, func(a, b VocabEntry) int {
		if a.Mentions != b.Mentions {
			return b.Mentions - a.Mentions
		}
		return strings.Compare(a.Label, b.Label)
	})
}

// vocabState is embedded in Model for the lazily built vocabulary.
type vocabState struct {
	vocabMu sync.Mutex
	vocab   []VocabEntry
}
