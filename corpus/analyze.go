package corpus

import (
	"slices"
	"sync"

	"parallax/corpus/words"
)

// The text model is built while loading: each worker tokenizes the
// documents it parsed, maps every word straight to a term id through a
// private cache, and hands back packed counts. buildModel then only sums.

// vocab is the corpus-wide term dictionary, shared by the loading workers.
type vocab struct {
	mu      sync.Mutex
	ids     map[string]int32
	stems   []string
	surface []string // per term, the shortest word form seen (then the first in order)
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

// id returns the id of a stem, adding it when new, and offers a word form
// for display.
func (v *vocab) id(stem, form string) int32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	id, ok := v.ids[stem]
	if !ok {
		id = int32(len(v.stems))
		v.ids[stem] = id
		v.stems = append(v.stems, stem)
		v.surface = append(v.surface, form)
		return id
	}
	// Whatever order the workers run in, the same form wins.
	if cur := v.surface[id]; len(form) < len(cur) || (len(form) == len(cur) && form < cur) {
		v.surface[id] = form
	}
	return id
}

// stopID marks a stop word in a termizer's cache.
const stopID = -1

// termizer maps the words of a text to term ids for one worker.
type termizer struct {
	vocab *vocab
	cache wordTable // word (any case) → term id, or stopID
	buf   []byte
	// Scratch for counting one document's and one paragraph's terms.
	counts, paraCounts   []uint32
	touched, paraTouched []int32
	ids                  []int32
	spans                [][2]int
}

func newTermizer(v *vocab) *termizer {
	return &termizer{vocab: v, cache: newWordTable()}
}

// id returns the term id of a word as it appears in the text, or stopID.
// Once a word is cached it costs one hash-table probe and no allocation.
func (t *termizer) id(word string) int32 {
	if id, ok := t.cache.get(word); ok {
		return id
	}
	lower := words.Lower(word)
	id := int32(stopID)
	if stem := words.StemUncached(lower); stem != "" {
		id = t.vocab.id(stem, lower)
	}
	t.cache.put(word, id)
	return id
}

// analysis is what tokenizing one document yields.
type analysis struct {
	paras  []paraVec // per paragraph; nil for boilerplate and empty ones
	terms  []int32   // the document's distinct terms, sorted
	counts []uint32  // and how often each occurs
	tokens int
	names  []words.NameCount
}

// analyze tokenizes the visible, non-boilerplate paragraphs of a document
// once, counting terms and collecting names from the same word ranges.
// Repeated blocks (advertising, share bars) are left out of every count so
// that they neither link passages nor look distinctive.
func (t *termizer) analyze(d *Document) *analysis {
	a := &analysis{paras: make([]paraVec, len(d.Paragraphs))}
	names := words.NewNames()
	for i, p := range d.Paragraphs {
		if p.Repeat != nil {
			continue
		}
		t.ids, t.spans = t.ids[:0], t.spans[:0]
		words.Scan(p.Text, func(start, end int) {
			t.spans = append(t.spans, [2]int{start, end})
			if id := t.id(p.Text[start:end]); id != stopID {
				t.ids = append(t.ids, id)
			}
		})
		a.paras[i] = t.countParagraph()
		names.AddTokens(p.Text, t.spans)
	}
	a.terms, a.counts = t.documentCounts()
	for _, c := range a.counts {
		a.tokens += int(c)
	}
	a.names = names.Result()
	return a
}

// countParagraph packs the paragraph's term ids (in t.ids) into a paraVec,
// in order of first use, and adds them to the document's counts.
func (t *termizer) countParagraph() paraVec {
	if len(t.ids) == 0 {
		return nil
	}
	t.paraTouched = t.paraTouched[:0]
	for _, id := range t.ids {
		if int(id) >= len(t.paraCounts) {
			t.paraCounts = append(t.paraCounts, make([]uint32, int(id)+1-len(t.paraCounts)+1024)...)
		}
		if t.paraCounts[id] == 0 {
			t.paraTouched = append(t.paraTouched, id)
		}
		t.paraCounts[id]++
	}
	v := make(paraVec, len(t.paraTouched))
	for i, id := range t.paraTouched {
		v[i] = pack(id, int(t.paraCounts[id]))
		t.addCount(id, t.paraCounts[id])
		t.paraCounts[id] = 0
	}
	return v
}

func (t *termizer) addCount(id int32, n uint32) {
	if int(id) >= len(t.counts) {
		t.counts = append(t.counts, make([]uint32, int(id)+1-len(t.counts)+1024)...)
	}
	if t.counts[id] == 0 {
		t.touched = append(t.touched, id)
	}
	t.counts[id] += n
}

// documentCounts returns the counted terms of the document, sorted, and
// resets the scratch counts for the next one.
func (t *termizer) documentCounts() ([]int32, []uint32) {
	slices.Sort(t.touched)
	terms := slices.Clone(t.touched)
	counts := make([]uint32, len(terms))
	for i, id := range terms {
		counts[i] = t.counts[id]
		t.counts[id] = 0
	}
	t.touched = t.touched[:0]
	return terms, counts
}
