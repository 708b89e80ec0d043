package corpus

import (
	"math"
	"sort"

	"parallax/corpus/words"
)

// Model is the corpus's text model: a vocabulary of stemmed terms, their
// document and paragraph frequencies, and for every document its term
// counts, its TF-IDF vector and one per paragraph, and the names it
// mentions. It is built once after loading and read-only afterwards.
type Model struct {
	// Vocab maps a term id to its stem; Surface to a word form for display.
	Vocab   []string
	Surface []string
	ids     map[string]int32

	// DocFreq and ParaFreq count the documents and the paragraphs that
	// contain each term; TermFreq counts its occurrences in the corpus.
	DocFreq, ParaFreq []int32
	TermFreq          []int64
	// Tokens is the number of counted terms in the corpus.
	Tokens int64
	// Paragraphs is the number of analysed paragraphs in the corpus.
	Paragraphs int

	Docs []DocModel

	postings [][]posting // term id → documents containing it, for Related
	vocabState
}

// DocModel is the text model of one document.
type DocModel struct {
	// Counts holds raw term counts, sorted by term id.
	Counts Vector
	// Tokens is the number of counted terms.
	Tokens int
	// Vec is the document's TF-IDF vector, unit length.
	Vec Vector
	// Paras holds a unit-length TF-IDF vector per paragraph (empty for
	// boilerplate and for paragraphs without a counted term).
	Paras []Vector
	// Names are the proper names mentioned, most frequent first.
	Names []words.NameCount
}

type posting struct {
	doc int32
	w   float32
}

// buildModel folds the per-document analyses into the corpus model.
func buildModel(docs []*Document, analyses []*analysis) *Model {
	m := &Model{ids: map[string]int32{}}
	m.Docs = make([]DocModel, len(docs))
	rawParas := make([][]Vector, len(docs))
	for d, a := range analyses {
		rawParas[d] = make([]Vector, len(a.paras))
		for p, counts := range a.paras {
			if len(counts) == 0 {
				continue
			}
			v := Vector{IDs: make([]int32, len(counts)), W: make([]float32, len(counts))}
			for i, sc := range counts {
				v.IDs[i] = m.intern(sc.stem, a.surface[sc.stem])
				v.W[i] = float32(sc.count)
			}
			sortVector(v)
			rawParas[d][p] = v
			m.Paragraphs++
		}
		m.Docs[d].Names = a.names
	}
	n := len(m.Vocab)
	m.DocFreq = make([]int32, n)
	m.ParaFreq = make([]int32, n)
	m.TermFreq = make([]int64, n)
	for d := range docs {
		counts := map[int32]float32{}
		for _, v := range rawParas[d] {
			for i, id := range v.IDs {
				m.ParaFreq[id]++
				m.TermFreq[id] += int64(v.W[i])
				m.Tokens += int64(v.W[i])
				counts[id] += v.W[i]
			}
		}
		dm := &m.Docs[d]
		dm.Counts = vectorFromMap(counts)
		for i, id := range dm.Counts.IDs {
			m.DocFreq[id]++
			dm.Tokens += int(dm.Counts.W[i])
		}
	}
	m.postings = make([][]posting, n)
	for d := range docs {
		dm := &m.Docs[d]
		dm.Vec = m.weigh(dm.Counts, m.docIDF)
		for i, id := range dm.Vec.IDs {
			m.postings[id] = append(m.postings[id], posting{doc: int32(d), w: dm.Vec.W[i]})
		}
		dm.Paras = make([]Vector, len(rawParas[d]))
		for p, v := range rawParas[d] {
			if v.Len() > 0 {
				dm.Paras[p] = m.weigh(v, m.paraIDF)
			}
		}
	}
	return m
}

func (m *Model) intern(stem, surface string) int32 {
	if id, ok := m.ids[stem]; ok {
		return id
	}
	id := int32(len(m.Vocab))
	m.ids[stem] = id
	m.Vocab = append(m.Vocab, stem)
	m.Surface = append(m.Surface, surface)
	return id
}

// weigh turns raw counts into a unit-length TF-IDF vector with sub-linear
// term frequency (1 + ln tf), so one word repeated does not dominate.
func (m *Model) weigh(counts Vector, idf func(int32) float64) Vector {
	v := Vector{IDs: counts.IDs, W: make([]float32, len(counts.W))}
	for i, id := range counts.IDs {
		v.W[i] = float32((1 + math.Log(float64(counts.W[i]))) * idf(id))
	}
	v.normalize()
	return v
}

// docIDF and paraIDF are smoothed inverse frequencies: ln((N+1)/(df+1))+1.
func (m *Model) docIDF(id int32) float64 {
	return math.Log(float64(len(m.Docs)+1)/float64(m.DocFreq[id]+1)) + 1
}

func (m *Model) paraIDF(id int32) float64 {
	return math.Log(float64(m.Paragraphs+1)/float64(m.ParaFreq[id]+1)) + 1
}

// TermID looks a word up in the vocabulary (it is stemmed first).
func (m *Model) TermID(word string) (int32, bool) {
	stem := words.Stem(word)
	if stem == "" {
		return 0, false
	}
	id, ok := m.ids[stem]
	return id, ok
}

// Count is how many times document d uses term id.
func (m *Model) Count(d int, id int32) int { return int(m.Docs[d].Counts.Get(id)) }

func sortVector(v Vector) {
	sort.Sort(byID(v))
}

type byID Vector

func (v byID) Len() int           { return len(v.IDs) }
func (v byID) Less(i, j int) bool { return v.IDs[i] < v.IDs[j] }
func (v byID) Swap(i, j int) {
	v.IDs[i], v.IDs[j] = v.IDs[j], v.IDs[i]
	v.W[i], v.W[j] = v.W[j], v.W[i]
}

func vectorFromMap(m map[int32]float32) Vector {
	v := Vector{IDs: make([]int32, 0, len(m)), W: make([]float32, 0, len(m))}
	for id, w := range m {
		v.IDs = append(v.IDs, id)
		v.W = append(v.W, w)
	}
	sortVector(v)
	return v
}
