package corpus

import (
	"math/bits"
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
	// forms maps the lower-cased words seen so far to their term ids (or
	// stopID), so that a word one worker has stemmed is not stemmed again
	// by the others. Only loading needs it.
	forms map[string]int32
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}, forms: map[string]int32{}} }

// termOf returns the term id of a lower-cased word, or stopID, stemming
// it the first time any worker sees it.
func (v *vocab) termOf(lower string) int32 {
	v.mu.Lock()
	id, ok := v.forms[lower]
	v.mu.Unlock()
	if ok {
		return id
	}
	id = stopID
	if stem := words.StemUncached(lower); stem != "" {
		id = v.id(stem, lower)
	}
	v.mu.Lock()
	v.forms[lower] = id
	v.mu.Unlock()
	return id
}

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
	counts, paraCounts []uint32
	touched            idSet // the document's terms
	paraTouched        []int32
	ids                []int32
	spans              [][2]int
	stops              []bool // per span: a stop word
	names              *words.Names
	// spare is a file buffer the worker's last document no longer uses,
	// for reading the next file into: the load then allocates (and the
	// collector frees) far less than the corpus's size.
	spare []byte
}

// maxSpare is the largest file buffer a worker keeps for reuse.
const maxSpare = 4 << 20

// reuse offers a file buffer that nothing refers to any more for the next
// read. A nil termizer (reading the first document) keeps nothing.
func (t *termizer) reuse(buf []byte) {
	if t != nil && cap(buf) <= maxSpare {
		t.spare = buf[:0]
	}
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
	id := t.vocab.termOf(words.Lower(word))
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
	if t.names == nil {
		t.names = words.NewNames()
	}
	names := t.names
	names.Reset()
	for i, p := range d.Paragraphs {
		if p.Repeat != nil {
			continue
		}
		t.ids, t.spans, t.stops = t.ids[:0], t.spans[:0], t.stops[:0]
		words.Scan(p.Text, func(start, end int) {
			id := t.id(p.Text[start:end])
			t.spans = append(t.spans, [2]int{start, end})
			t.stops = append(t.stops, id == stopID)
			if id != stopID {
				t.ids = append(t.ids, id)
			}
		})
		a.paras[i] = t.countParagraph()
		names.AddTokens(p.Text, t.spans, t.stops)
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
		t.touched.add(id)
	}
	t.counts[id] += n
}

// documentCounts returns the counted terms of the document, sorted, and
// resets the scratch counts for the next one.
func (t *termizer) documentCounts() ([]int32, []uint32) {
	terms := t.touched.drain(make([]int32, 0, t.touched.n))
	counts := make([]uint32, len(terms))
	for i, id := range terms {
		counts[i] = t.counts[id]
		t.counts[id] = 0
	}
	return terms, counts
}

// idSet is a set of term ids that lists them in order without sorting:
// a bitmap over the vocabulary, plus a summary bit per bitmap word so that
// listing skips the empty stretches of a large vocabulary. Sorting each
// document's terms cost a tenth of the whole load.
type idSet struct {
	bits    []uint64 // bit id%64 of word id/64
	summary []uint64 // bit w%64 of word w/64: bits[w] is not zero
	n       int
}

func (s *idSet) add(id int32) {
	w := int(id) >> 6
	if w >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, w+1-len(s.bits)+256)...)
		s.summary = append(s.summary, make([]uint64, len(s.bits)/64+1-len(s.summary))...)
	}
	if s.bits[w] == 0 {
		s.summary[w>>6] |= 1 << (w & 63)
	}
	s.bits[w] |= 1 << (id & 63)
	s.n++
}

// drain appends the ids of the set to out in increasing order, and
// empties the set.
func (s *idSet) drain(out []int32) []int32 {
	for sw, sum := range s.summary {
		for sum != 0 {
			w := sw<<6 | bits.TrailingZeros64(sum)
			sum &= sum - 1
			for b := s.bits[w]; b != 0; b &= b - 1 {
				out = append(out, int32(w<<6|bits.TrailingZeros64(b)))
			}
			s.bits[w] = 0
		}
		s.summary[sw] = 0
	}
	s.n = 0
	return out
}
