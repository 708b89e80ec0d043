package corpus

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"parallax/corpus/words"
)

// Model is the corpus's text model: a vocabulary of stemmed terms, their
// document and paragraph frequencies, and for every document its term
// counts and the names it mentions. It is built once after loading and
// read-only afterwards, but for the counts of each paragraph, which Align
// sets the first time it needs a document's (see Model.paragraphs).
//
// TF-IDF weights are not stored: they are computed from the counts when
// needed ((1 + ln tf) × idf), which keeps the model small enough for a
// 100 MB corpus (4 bytes per distinct term of a document, and of a
// paragraph of the documents that keep theirs).
type Model struct {
	// Vocab maps a term id to its stem; Surface to a word form for display.
	Vocab   []string
	Surface []string
	ids     *wordTable // stem → term id (see vocab)

	// DocFreq and ParaFreq count the documents and the paragraphs that
	// contain each term; TermFreq counts its occurrences in the corpus.
	DocFreq, ParaFreq []int32
	TermFreq          []int64
	// Tokens is the number of counted terms in the corpus.
	Tokens int64
	// Paragraphs is the number of analysed paragraphs in the corpus.
	Paragraphs int

	docIDF, paraIDF []float32
	tieKeys         tieKeys // per term, a hash of its stem (see heaviest)
	Docs            []DocModel
	docs            []*Document // their text, to count paragraphs again
	// forms is the load's table of word forms (see vocab), no longer
	// written to: countParagraphs looks words up in it.
	forms wordTable

	// The inverted index: term id's postings (the documents for which it
	// is a heavy term) are posts[postStart[id]:postStart[id+1]].
	posts      []posting
	postStart  []int32
	scratch    sync.Pool // *[]float32 of vocabulary size, zeroed, for Align
	candidates sync.Pool // *candidateScores, for Related
	vocabState
}

// DocModel is the text model of one document.
type DocModel struct {
	// terms are the document's distinct terms with their counts.
	terms docVec
	// Tokens is the number of counted terms.
	Tokens int
	// Names are the proper names mentioned, most frequent first.
	Names []words.NameCount

	norm float32 // length of the document's TF-IDF vector

	// paras are the term counts of each paragraph and the lengths of
	// their TF-IDF vectors. Only Align needs them, one or two documents
	// at a time: they are set on the first Align that involves the
	// document (see Model.paragraphs). A long document starts with the
	// counts of loading and no norms. One pointer, as a corpus may have
	// 100,000 documents.
	paras atomic.Pointer[paragraphs]
}

// paragraphs are a document's paragraph vectors and, once computed, their
// norms.
type paragraphs struct {
	vecs  paraVecs
	norms []float32
}

// paraVecs are a document's paragraph vectors end to end in one array:
// paragraph p's runs from ends[p-1] (0 for the first) to ends[p]. Two
// arrays per document instead of a slice per paragraph: a corpus of many
// short documents has millions of paragraphs.
type paraVecs struct {
	slab []uint32
	ends []uint32
}

// len is the number of paragraphs (boilerplate and empty ones included).
func (v paraVecs) len() int { return len(v.ends) }

// at is paragraph p's vector; empty for boilerplate and empty paragraphs.
func (v paraVecs) at(p int) paraVec {
	start := uint32(0)
	if p > 0 {
		start = v.ends[p-1]
	}
	return paraVec(v.slab[start:v.ends[p]:v.ends[p]])
}

// paraVec holds a paragraph's term counts, in no particular order, each
// packed as id<<8 | count (counts above 255 are kept as 255: within a
// paragraph that changes nothing a reader could see).
type paraVec []uint32

func pack(id int32, count int) uint32 { return uint32(id)<<8 | uint32(min(count, 255)) }

func (v paraVec) at(i int) (int32, int) { return int32(v[i] >> 8), int(v[i] & 0xff) }

// sublinear is 1 + ln(tf), the damped term frequency, from a table for
// the counts paragraphs have.
var sublinear = func() (t [256]float32) {
	for i := 1; i < 256; i++ {
		t[i] = float32(1 + math.Log(float64(i)))
	}
	return t
}()

func tfWeight(count uint32) float32 {
	if count < 256 {
		return sublinear[count]
	}
	return float32(1 + math.Log(float64(count)))
}

type posting struct {
	doc int32
	w   float32 // the term's weight in the document's unit vector
}

// heavyTerms is how many of each document's heaviest terms go into the
// inverted index used to find related documents.
const heavyTerms = 32

// frequencies are the corpus-wide counts of each term. The loading
// workers sum them as they finish each file, while its analyses are still
// in the processor's cache, and merge their sums at the end.
type frequencies struct {
	doc, para  []int32 // documents and paragraphs using each term
	term       []int64 // uses of each term
	tokens     int64
	paragraphs int
}

// add counts one analysed document.
func (f *frequencies) add(a *analysis) {
	if n := a.terms.len(); n > 0 {
		f.grow(int(a.terms.term(n-1)) + 1) // terms are in id order; paragraphs use no others
	}
	for i := range a.terms.len() {
		id := a.terms.term(i)
		f.doc[id]++
		f.term[id] += int64(a.terms.count(i))
	}
	f.tokens += int64(a.tokens)
	start := uint32(0)
	for _, end := range a.paras.ends {
		if end > start {
			f.paragraphs++
		}
		start = end
	}
	for _, e := range a.paras.slab {
		f.para[e>>8]++
	}
}

// addFile counts the analysed documents of a file, and lets go of the
// paragraph vectors that only the counts needed (those of documents under
// keptParagraphsBytes: they are the termizer's, reused for its next file).
func (f *frequencies) addFile(list []*analysis) {
	for _, a := range list {
		f.add(a)
		if !a.keepParas {
			a.paras = paraVecs{}
		}
	}
}

// merge adds another worker's counts.
func (f *frequencies) merge(g *frequencies) {
	f.grow(len(g.doc))
	for id := range g.doc {
		f.doc[id] += g.doc[id]
		f.para[id] += g.para[id]
		f.term[id] += g.term[id]
	}
	f.tokens += g.tokens
	f.paragraphs += g.paragraphs
}

// grow makes room for term ids below n.
func (f *frequencies) grow(n int) {
	if n > len(f.doc) {
		more := n - len(f.doc) + 4096
		f.doc = append(f.doc, make([]int32, more)...)
		f.para = append(f.para, make([]int32, more)...)
		f.term = append(f.term, make([]int64, more)...)
	}
}

// buildModel folds the per-document analyses, whose frequencies f holds,
// into the corpus model.
func buildModel(docs []*Document, analyses []*analysis, v *vocab, f *frequencies) *Model {
	n := len(v.stems)
	f.grow(n)
	m := &Model{
		Vocab: v.stems, Surface: v.surface, ids: v.ids,
		DocFreq: f.doc[:n:n], ParaFreq: f.para[:n:n], TermFreq: f.term[:n:n],
		Tokens: f.tokens, Paragraphs: f.paragraphs,
		Docs:    make([]DocModel, len(docs)),
		docs:    docs,
		forms:   *v.forms.Load(),
		tieKeys: make(tieKeys, n),
	}
	for d, a := range analyses {
		m.Docs[d] = DocModel{terms: a.terms, Tokens: a.tokens, Names: a.names}
		if a.keepParas { // the others are counted again when needed
			m.Docs[d].paras.Store(&paragraphs{vecs: a.paras})
		}
	}
	m.scratch.New = func() any { s := make([]float32, n); return &s }
	m.candidates.New = func() any { return &candidateScores{} }
	m.docIDF, m.paraIDF = make([]float32, n), make([]float32, n)
	parallel((n+idfChunk-1)/idfChunk, func(c int) {
		for id := c * idfChunk; id < min(n, (c+1)*idfChunk); id++ {
			m.docIDF[id] = smoothIDF(len(docs), int(m.DocFreq[id]))
			m.paraIDF[id] = smoothIDF(m.Paragraphs, int(m.ParaFreq[id]))
			m.tieKeys[id] = tieKey(m.Vocab[id])
		}
	})
	// Norms and heaviest terms are per document: compute them in parallel,
	// then fill the inverted index. Document d's heavy terms (indexes into
	// its terms) are heavy[d*heavyTerms:][:heavyCount[d]]: one array for
	// the corpus rather than a slice per document.
	heavy := make([]int32, len(m.Docs)*heavyTerms)
	heavyCount := make([]uint8, len(m.Docs))
	parallel(len(m.Docs), func(d int) {
		dm := &m.Docs[d]
		h, sumSquares := m.heaviest(dm, heavyTerms, heavy[d*heavyTerms:d*heavyTerms:(d+1)*heavyTerms])
		heavyCount[d] = uint8(len(h))
		dm.norm = float32(math.Sqrt(sumSquares))
	})
	m.fillPostings(heavy, heavyCount, postingRuns(len(m.Docs)))
	return m
}

// heavyCount holds up to heavyTerms in a byte.
const _ = uint8(heavyTerms)

// postingRuns is how many runs of documents fill the inverted index at
// once: one per processor, up to 8 (each run counts into an array the
// size of the vocabulary), and none shorter than 1,024 documents, which
// take well under a millisecond on one.
func postingRuns(docs int) int {
	return min(runtime.GOMAXPROCS(0), 8, max(1, docs/1024))
}

// idfChunk is how many terms a processor takes at a time when computing
// the IDF tables.
const idfChunk = 8192

// fillPostings builds the inverted index from each document's heavy terms.
// Each of runs goroutines takes a run of documents: it counts its postings
// per term, and, once every run's place in each term's list is known,
// writes them. The lists stay in document order, as with one run.
func (m *Model) fillPostings(heavy []int32, heavyCount []uint8, runs int) {
	n, docs := len(m.Vocab), len(m.Docs)
	runOf := func(r int) (int, int) { return r * docs / runs, (r + 1) * docs / runs }
	termsOf := func(d int) []int32 { return heavy[d*heavyTerms:][:heavyCount[d]] }
	// counts[r][id] is how many postings run r has for term id; it then
	// becomes where run r writes its first one.
	counts := make([][]int32, runs)
	parallel(runs, func(r int) {
		c := make([]int32, n)
		from, to := runOf(r)
		for d := from; d < to; d++ {
			for _, i := range termsOf(d) {
				c[m.Docs[d].terms.term(int(i))]++
			}
		}
		counts[r] = c
	})
	m.postStart = make([]int32, n+1)
	at := int32(0)
	for id := range n {
		m.postStart[id] = at
		for r := range runs {
			at, counts[r][id] = at+counts[r][id], at
		}
	}
	m.postStart[n] = at
	m.posts = make([]posting, at)
	parallel(runs, func(r int) {
		next := counts[r]
		from, to := runOf(r)
		for d := from; d < to; d++ {
			dm := &m.Docs[d]
			for _, i := range termsOf(d) {
				id := dm.terms.term(int(i))
				m.posts[next[id]] = posting{doc: int32(d), w: m.docWeight(dm, int(i))}
				next[id]++
			}
		}
	})
}

// postings are the documents for which term id is a heavy term, in
// document order.
func (m *Model) postings(id int32) []posting {
	return m.posts[m.postStart[id]:m.postStart[id+1]]
}

// smoothIDF is ln((N+1)/(df+1)) + 1.
func smoothIDF(n, df int) float32 {
	return float32(math.Log(float64(n+1)/float64(df+1)) + 1)
}

// docWeight is the weight of a document's i-th term in its unit TF-IDF
// vector (document IDF, sub-linear term frequency).
func (m *Model) docWeight(dm *DocModel, i int) float32 {
	if dm.norm == 0 {
		return 0
	}
	return tfWeight(dm.terms.count(i)) * m.docIDF[dm.terms.term(i)] / dm.norm
}

// paragraphs returns the paragraph vectors of document d and their norms.
// Two goroutines that ask at once may both compute them; both get the
// first that was stored.
func (m *Model) paragraphs(d int) (paraVecs, []float32) {
	dm := &m.Docs[d]
	p := dm.paras.Load()
	if p != nil && p.norms != nil {
		return p.vecs, p.norms
	}
	next := &paragraphs{}
	if p != nil {
		next.vecs = p.vecs
	} else {
		next.vecs = m.countParagraphs(m.docs[d])
	}
	next.norms = make([]float32, next.vecs.len())
	for i := range next.norms {
		next.norms[i] = m.paraNorm(next.vecs.at(i))
	}
	if !dm.paras.CompareAndSwap(p, next) {
		next = dm.paras.Load()
	}
	return next.vecs, next.norms
}

func (m *Model) paraNorm(pv paraVec) float32 {
	var sum float64
	for i := range pv {
		id, c := pv.at(i)
		w := float64(sublinear[c] * m.paraIDF[id])
		sum += w * w
	}
	return float32(math.Sqrt(sum))
}

// heaviest appends to heavy the indexes of a document's k heaviest terms,
// heaviest first, and returns it with the sum of the squares of all its
// term weights (the square of its norm), which comes from the same pass.
// Ties go to the term whose stem has the smaller tieKey: term ids depend
// on which loading worker met a word first, so breaking ties by id would
// pick different terms (and related documents) from one run to the next.
// It keeps the k best seen so far in a heap whose root is the lightest of
// them, so most terms cost one comparison (and the keys are only read for
// ties).
// Terms are visited from the last: ids are given in order of first use in
// the corpus, so rare, heavy terms tend to come last, and visiting them
// first leaves the heap little to replace.
func (m *Model) heaviest(dm *DocModel, k int, heavy []int32) ([]int32, float64) {
	var (
		sumSquares float64
		room       [heavyTerms]weightedTerm // for the usual k, no allocation
		top        = room[:0]
	)
	if k > heavyTerms {
		top = make([]weightedTerm, 0, min(k, dm.terms.len()))
	}
	keys := m.tieKeys
	for i := dm.terms.len() - 1; i >= 0; i-- {
		id := dm.terms.term(i)
		t := weightedTerm{w: tfWeight(dm.terms.count(i)) * m.docIDF[id], id: id, i: int32(i)}
		sumSquares += float64(t.w) * float64(t.w)
		switch {
		case k <= 0:
		case len(top) < k:
			top = append(top, t)
			keys.siftUp(top, len(top)-1)
		case keys.lighter(top[0], t):
			top[0] = t
			keys.siftDown(top, 0)
		}
	}
	// Sorting the few kept, heaviest first, is quicker than emptying the
	// heap root by root (a third of this function's time before).
	slices.SortFunc(top, func(a, b weightedTerm) int {
		switch {
		case keys.lighter(b, a):
			return -1
		case keys.lighter(a, b):
			return 1
		}
		return 0
	})
	for _, t := range top {
		heavy = append(heavy, t.i)
	}
	return heavy, sumSquares
}

// weightedTerm is a document's i-th term, its id and its weight.
type weightedTerm struct {
	w     float32
	id, i int32
}

// tieKeys are the tieKey of each term's stem, by id.
type tieKeys []uint64

// lighter orders the heap in heaviest: the root is the term that would be
// ranked last.
func (keys tieKeys) lighter(a, b weightedTerm) bool {
	if a.w != b.w {
		return a.w < b.w
	}
	if ka, kb := keys[a.id], keys[b.id]; ka != kb {
		return ka > kb
	}
	return a.i > b.i // the same stem hash (all but impossible)
}

// tieKey hashes a stem, for breaking ties between equal weights the same
// way whatever ids the terms got.
func tieKey(stem string) uint64 {
	h := uint64(14695981039346656037) // FNV-1a
	for i := 0; i < len(stem); i++ {
		h = (h ^ uint64(stem[i])) * 1099511628211
	}
	return h
}

func (keys tieKeys) siftUp(h []weightedTerm, j int) {
	for j > 0 {
		parent := (j - 1) / 2
		if !keys.lighter(h[j], h[parent]) {
			return
		}
		h[j], h[parent] = h[parent], h[j]
		j = parent
	}
}

func (keys tieKeys) siftDown(h []weightedTerm, j int) {
	for {
		least := j
		for _, c := range [2]int{2*j + 1, 2*j + 2} {
			if c < len(h) && keys.lighter(h[c], h[least]) {
				least = c
			}
		}
		if least == j {
			return
		}
		h[j], h[least] = h[least], h[j]
		j = least
	}
}

// TermID looks a word up in the vocabulary (it is stemmed first).
func (m *Model) TermID(word string) (int32, bool) {
	stem := words.Stem(words.Lower(word))
	if stem == "" {
		return 0, false
	}
	e, ok := m.ids.get(stem)
	return e.id, ok
}

// Count is how many times document d uses term id.
func (m *Model) Count(d int, id int32) int {
	dm := &m.Docs[d]
	if i := dm.terms.find(id); i >= 0 {
		return int(dm.terms.count(i))
	}
	return 0
}
