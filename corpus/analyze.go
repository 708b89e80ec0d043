package corpus

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"parallax/corpus/words"
)

// The text model is built while loading: each worker tokenizes the
// documents it parsed, maps every word straight to a term id through a
// private cache, and hands back packed counts. buildModel then only sums.

// vocab is the corpus-wide term dictionary, shared by the loading workers.
type vocab struct {
	mu sync.Mutex
	// ids maps stems to term ids (in the entries' id). A word table
	// rather than a map: a new stem costs one probe, not a failed lookup
	// and an insertion, and the collector has no strings to scan.
	ids     *wordTable
	stems   []string
	surface []string // per term, the shortest word form seen (then the first in order)
	// forms maps every word form the workers have met to its entry, so
	// that a form is lower-cased and stemmed once per load. The workers
	// read it without the lock (see wordTable); add writes it under the
	// lock. Its slots hold no pointers (only words over 24 bytes go in a
	// map): the collector hardly scans it. Each load starts a full-sized
	// one (see startLoad) and hands it to the model at the end, which
	// looks words up in it again for Align.
	forms atomic.Pointer[wordTable]
}

func newVocab() *vocab {
	v := &vocab{ids: newWordTable()}
	v.forms.Store(newWordTable())
	return v
}

// presize makes room in an empty vocabulary for a corpus of the given
// size, so that its maps do not grow (and rehash) step by step while the
// workers wait on its lock. Vocabularies grow roughly with the square
// root of the text (Heaps' law); this guesses high for news prose.
func (v *vocab) presize(corpusBytes int64) {
	if len(v.stems) > 0 {
		return
	}
	n := v.expectedStems(corpusBytes)
	v.ids = newWordTableFor(n / 2)
	v.stems, v.surface = make([]string, 0, n), make([]string, 0, n)
}

// startLoad readies the vocabulary for the workers of a load.
func (v *vocab) startLoad(corpusBytes int64) {
	v.presize(corpusBytes)
	v.forms.Store(newWordTableFor(v.expectedForms(corpusBytes)))
}

// endLoad lets go of the load's word forms, which the model now owns: a
// later load must not write into them.
func (v *vocab) endLoad() { v.forms.Store(newWordTable()) }

func (v *vocab) expectedStems(corpusBytes int64) int {
	return min(int(40*math.Sqrt(float64(corpusBytes)/6)), 1<<20)
}

// expectedForms is how many word forms of each length class (short,
// medium) the word table starts with room for. It is half the stems
// guessed: on generated news of 10 to 140 MB the table then grows at most
// once or twice.
func (v *vocab) expectedForms(corpusBytes int64) int {
	return v.expectedStems(corpusBytes) / 2
}

// longForm looks up a word longer than maxSlotWord: it is in the table's
// map, which needs the lock.
func (v *vocab) longForm(word string) (entry, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.forms.Load().get(word)
}

// add records a new word form: its stem (empty for a stop word) gets a
// term id, and the form its entry, which it returns.
func (v *vocab) add(word, lower, stem string, kind words.Kind) entry {
	v.mu.Lock()
	defer v.mu.Unlock()
	forms := v.forms.Load()
	if e, ok := forms.get(word); ok {
		return e // another worker was quicker
	}
	e := entry{id: stopID, kind: kind}
	if stem != "" {
		e.id = v.id(stem, lower)
	}
	if e.id == stopID {
		e.kind |= words.Stop
	}
	if bigger := forms.put(word, e); bigger != forms {
		v.forms.Store(bigger)
	}
	return e
}

// id returns the id of a stem, adding it when new, and offers a word form
// for display. Past maxTerms distinct stems (a corpus of random strings),
// new ones are treated as stop words. The caller holds v.mu.
func (v *vocab) id(stem, form string) int32 {
	e, ok := v.ids.get(stem)
	id := e.id
	if !ok {
		if len(v.stems) >= maxTerms {
			return stopID // the vectors cannot hold more: not counted
		}
		id = int32(len(v.stems))
		v.ids = v.ids.put(stem, entry{id: id})
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

// stopID marks a stop word in the table of word forms.
const stopID = -1

// termizer maps the words of a text to term ids for one worker.
type termizer struct {
	vocab     *vocab
	longForms map[string]entry // long words met before (see lookupLong)
	// Scratch for counting one document's and one paragraph's terms.
	counts, paraCounts []uint32
	touched            idSet // the document's terms
	paraTouched        []int32
	ids                []int32 // the document's terms, listed from touched
	countScratch       []uint32
	slab               paraVec // the document's paragraph vectors, end to end
	paraEnds           []int   // where each paragraph's vector ends on slab
	// The paragraph vectors of the current file's short documents, from
	// analyze until the worker has counted them (see lend).
	fileSlab, fileEnds []uint32
	spans              [][2]int
	kinds              []words.Kind // per span
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

func newTermizer(v *vocab, corpusBytes int64) *termizer {
	stems := v.expectedStems(corpusBytes) // so that the counts need not grow
	return &termizer{vocab: v,
		counts: touched(make([]uint32, stems)), paraCounts: touched(make([]uint32, stems))}
}

// lookup returns the term id of the word text[start:end] (or stopID)
// and its kind for names. A word met before costs one hash-table probe,
// no lock and no allocation.
func (t *termizer) lookup(text string, start, end int) entry {
	if end-start > maxSlotWord {
		return t.lookupLong(text[start:end])
	}
	if e, ok := t.vocab.forms.Load().getIn(text, start, end); ok {
		return e
	}
	return t.addForm(text[start:end])
}

// lookupLong looks up a word too long for the shared table's slots. Those
// are in its map, which needs the vocabulary's lock: the worker keeps the
// long words it met in a map of its own, or a corpus of long tokens
// (hashes, encoded data in JSON records) would have the workers wait on
// each other. That map is emptied when full, so hostile input cannot make
// it grow without end.
func (t *termizer) lookupLong(word string) entry {
	if e, ok := t.longForms[word]; ok {
		return e
	}
	e, ok := t.vocab.longForm(word)
	if !ok {
		e = t.addForm(word)
	}
	if len(t.longForms) >= maxLongForms || t.longForms == nil {
		t.longForms = make(map[string]entry)
	}
	t.longForms[strings.Clone(word)] = e // not a slice of the document's text
	return e
}

// addForm gives a word form no worker has met (as far as this one saw) its
// entry. Stemming, the slow part, runs outside the vocabulary's lock.
func (t *termizer) addForm(word string) entry {
	lower := words.Lower(word)
	return t.vocab.add(word, lower, words.StemUncached(lower), words.KindOf(lower))
}

// maxLongForms bounds a worker's map of long words.
const maxLongForms = 4096

// analysis is what tokenizing one document yields.
type analysis struct {
	paras paraVecs // per paragraph; empty for boilerplate and empty ones
	// keepParas says that the model keeps paras: the document is long
	// (see keptParagraphsBytes). Otherwise they are only counted in the
	// paragraph frequencies, and dropped: they are the termizer's, valid
	// until its next startFile.
	keepParas bool
	terms     docVec // the document's distinct terms and their counts
	tokens    int
	words     int // as countWords counts them
	names     []words.NameCount
}

// analyze tokenizes the visible, non-boilerplate paragraphs of a document
// once, counting terms and collecting names from the same word ranges.
// Repeated blocks (advertising, share bars) are left out of every count so
// that they neither link passages nor look distinctive.
func (t *termizer) analyze(d *Document) *analysis {
	t.startDocument()
	a := &analysis{}
	if t.names == nil {
		t.names = words.NewNames()
	}
	names := t.names
	names.Reset()
	var wc wordCounter
	textBytes := 0
	for _, p := range d.Paragraphs {
		textBytes += len(p.Text)
		if p.Repeat != nil {
			t.paraEnds = append(t.paraEnds, len(t.slab))
			n, _ := countWordsIn(p.Text, 0)
			wc.n += n
			continue
		}
		t.spans, t.kinds = t.spans[:0], t.kinds[:0]
		prev := 0
		words.Scan(p.Text, func(start, end int) {
			// Words, as countWords counts them: wordCounter's between and
			// token, with their usual cases (one space, a word starting
			// with an ASCII letter or digit) inline, as calls would cost
			// more than the counting.
			if start == prev+1 && p.Text[prev] == ' ' {
				wc.counted = 0
			} else {
				wc.between(p.Text[prev:start])
			}
			if c := p.Text[start] | 0x20; c-'a' < 26 || c-'0' < 10 {
				wc.n += int(1 - wc.counted)
				wc.counted = 1
			} else {
				wc.token(p.Text[start:end])
			}
			prev = end
			e := t.lookup(p.Text, start, end)
			t.spans = append(t.spans, [2]int{start, end})
			kind := e.kind
			if c := p.Text[start]; c-'A' < 26 { // CapitalOf, inline for ASCII
				kind |= words.Capital
			} else if c >= utf8.RuneSelf {
				kind |= words.CapitalOf(p.Text[start:end])
			}
			t.kinds = append(t.kinds, kind)
			if e.id != stopID {
				t.countInParagraph(e.id)
			}
		})
		wc.between(p.Text[prev:])
		wc.end()
		t.paraEnds = append(t.paraEnds, t.endParagraph())
		names.AddTokens(p.Text, t.spans, t.kinds)
	}
	a.words = wc.n
	a.keepParas = textBytes >= keptParagraphsBytes
	if a.keepParas {
		// All the paragraphs' vectors share one allocation of the exact size.
		a.paras = paraVecs{slab: slices.Clone(t.slab), ends: make([]uint32, len(t.paraEnds))}
		for i, end := range t.paraEnds {
			a.paras.ends[i] = uint32(end)
		}
	} else {
		a.paras = t.lend()
	}
	t.slab, t.paraEnds = t.slab[:0], t.paraEnds[:0]
	a.terms, a.tokens = t.documentCounts()
	a.names = names.Result()
	return a
}

// lend copies the document's paragraph vectors into the file's scratch
// (see startFile) and returns them: a short document's vectors only live
// until the file's paragraph frequencies are summed, and copying them
// into memory the worker reuses allocates nothing.
func (t *termizer) lend() paraVecs {
	slab, ends := len(t.fileSlab), len(t.fileEnds)
	t.fileSlab = append(t.fileSlab, t.slab...)
	for _, end := range t.paraEnds {
		t.fileEnds = append(t.fileEnds, uint32(end))
	}
	// Capacities end where the vectors do: nothing appends over them.
	return paraVecs{slab: t.fileSlab[slab:len(t.fileSlab):len(t.fileSlab)], ends: t.fileEnds[ends:len(t.fileEnds):len(t.fileEnds)]}
}

// startFile lets the worker reuse the scratch of the last file's short
// documents: their analyses no longer refer to it.
func (t *termizer) startFile() {
	t.fileSlab, t.fileEnds = t.fileSlab[:0], t.fileEnds[:0]
}

// startDocument empties the counting scratch. A finished document leaves
// it empty already; one interrupted by a panic (its file is then skipped,
// see safeParse) may not, and the worker goes on with the next file.
func (t *termizer) startDocument() {
	for _, id := range t.touched.drain(t.ids[:0]) {
		t.counts[id] = 0
	}
	for _, id := range t.paraTouched {
		t.paraCounts[id] = 0
	}
	t.slab, t.paraEnds, t.paraTouched = t.slab[:0], t.paraEnds[:0], t.paraTouched[:0]
}

// countInParagraph counts one use of a term in the current paragraph.
func (t *termizer) countInParagraph(id int32) {
	if int(id) >= len(t.paraCounts) {
		t.paraCounts = append(t.paraCounts, make([]uint32, int(id)+1-len(t.paraCounts)+1024)...)
	}
	if t.paraCounts[id] == 0 {
		t.paraTouched = append(t.paraTouched, id)
	}
	t.paraCounts[id]++
}

// endParagraph packs the paragraph's counted terms onto t.slab, in order
// of first use, adds them to the document's counts, and returns where the
// paragraph's vector ends on the slab.
func (t *termizer) endParagraph() int {
	for _, id := range t.paraTouched {
		t.slab = append(t.slab, pack(id, int(t.paraCounts[id])))
		t.addCount(id, t.paraCounts[id])
		t.paraCounts[id] = 0
	}
	t.paraTouched = t.paraTouched[:0]
	return len(t.slab)
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

// documentCounts returns the counted terms of the document and the number
// of counted words, and resets the scratch counts for the next one.
func (t *termizer) documentCounts() (docVec, int) {
	t.ids = t.touched.drain(t.ids[:0])
	t.countScratch = t.countScratch[:0]
	tokens := 0
	for _, id := range t.ids {
		c := t.counts[id]
		t.countScratch = append(t.countScratch, c)
		tokens += int(c)
		t.counts[id] = 0
	}
	return newDocVec(t.ids, t.countScratch), tokens
}
