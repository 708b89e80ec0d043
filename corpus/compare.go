package corpus

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// AlignThreshold is the lowest cosine similarity at which two paragraphs
// are said to match. Below it the reader says "no matching passage".
// Chosen on the sample and the shared corpus: paragraphs on the same fact
// score 0.15 and up (mostly above 0.2), unrelated ones of the same story
// 0.03–0.13.
const AlignThreshold = 0.14

// Match is a paragraph of another document and how well it matches.
type Match struct {
	Para  int
	Score float64
}

// Align finds the paragraph of document b that best matches paragraph
// para of document a (TF-IDF cosine over stemmed terms, paragraph IDF). ok
// is false when no paragraph reaches AlignThreshold; the best candidate is
// still returned so callers can show its score.
func (m *Model) Align(a, para, b int) (best Match, ok bool) {
	best.Para = -1
	aParas, aNorms := m.paragraphs(a)
	bParas, bNorms := m.paragraphs(b)
	if para < 0 || para >= aParas.len() || len(aParas.at(para)) == 0 || aNorms[para] == 0 {
		return best, false
	}
	query := aParas.at(para)
	// The query's weights are scattered into a dense array by term; each
	// candidate paragraph is then one pass over its packed counts.
	qp := m.scratch.Get().(*[]float32)
	q := *qp
	defer func() {
		for i := range query {
			id, _ := query.at(i)
			q[id] = 0
		}
		m.scratch.Put(qp)
	}()
	for i := range query {
		id, c := query.at(i)
		q[id] = sublinear[c] * m.paraIDF[id] / aNorms[para]
	}
	for i := range bParas.len() {
		v := bParas.at(i)
		if len(v) == 0 || bNorms[i] == 0 {
			continue
		}
		var dot float32
		for _, e := range v {
			if w := q[e>>8]; w != 0 {
				dot += w * sublinear[e&0xff] * m.paraIDF[e>>8]
			}
		}
		if s := float64(dot / bNorms[i]); s > best.Score {
			best = Match{Para: i, Score: s}
		}
	}
	return best, best.Score >= AlignThreshold
}

// Related is a document and its similarity to another.
type Related struct {
	Doc   int
	Score float64
}

// relatedCandidates is how many candidates get the full cosine.
const relatedCandidates = 200

// Related ranks the other documents by the cosine of their TF-IDF vectors
// (document IDF) with document d's, most similar first, at most k of them
// (all candidates when k <= 0). Candidates are the documents whose
// heaviest terms overlap d's heaviest terms (an inverted index over each
// document's heavyTerms heaviest terms); the best of them are then scored
// with the full cosine. Documents with nothing in common are left out.
func (m *Model) Related(d, k int) []Related {
	dm := &m.Docs[d]
	// Partial dot products over the heavy terms, in a per-document array
	// (reused between calls) rather than a map: a common term reaches
	// thousands of documents.
	cs := m.candidates.Get().(*candidateScores)
	if len(cs.score) != len(m.Docs) {
		cs.score = make([]float32, len(m.Docs))
	}
	var room [heavyTerms]int32
	heavy, _ := m.heaviest(dm, heavyTerms, room[:0])
	for _, i := range heavy {
		w := m.docWeight(dm, int(i))
		for _, p := range m.postings(dm.terms.term(int(i))) {
			if x := w * p.w; int(p.doc) != d && x > 0 {
				if cs.score[p.doc] == 0 {
					cs.touched = append(cs.touched, p.doc)
				}
				cs.score[p.doc] += x
			}
		}
	}
	cands := make([]Related, len(cs.touched))
	for j, doc := range cs.touched {
		cands[j] = Related{Doc: int(doc), Score: float64(cs.score[doc])}
		cs.score[doc] = 0
	}
	cs.touched = cs.touched[:0]
	m.candidates.Put(cs)
	sortRelated(cands)
	if len(cands) > relatedCandidates {
		cands = cands[:relatedCandidates]
	}
	for i := range cands {
		cands[i].Score = m.docCosine(d, cands[i].Doc)
	}
	sortRelated(cands)
	if k > 0 && len(cands) > k {
		cands = cands[:k]
	}
	return slices.Clone(cands) // not the whole candidate array behind it
}

// RelatedAll is Related(d, k) for every document d, computed on every
// processor: for scripts that want the whole corpus's links.
func (m *Model) RelatedAll(k int) [][]Related {
	out := make([][]Related, len(m.Docs))
	parallel(len(m.Docs), func(d int) { out[d] = m.Related(d, k) })
	return out
}

// docCosine is the cosine of two documents' TF-IDF vectors.
func (m *Model) docCosine(a, b int) float64 {
	da, db := &m.Docs[a], &m.Docs[b]
	if da.norm == 0 || db.norm == 0 {
		return 0
	}
	var s float64
	ta, tb := &da.terms, &db.terms
	i, j := 0, 0
	for i < ta.len() && j < tb.len() {
		switch a, b := ta.term(i), tb.term(j); {
		case a < b:
			i++
		case a > b:
			j++
		default:
			idf := float64(m.docIDF[a])
			s += float64(tfWeight(ta.count(i))) * float64(tfWeight(tb.count(j))) * idf * idf
			i++
			j++
		}
	}
	return s / float64(da.norm*db.norm)
}

// candidateScores is Related's scratch: a score per document and the
// documents that have one.
type candidateScores struct {
	score   []float32
	touched []int32
}

func sortRelated(r []Related) {
	slices.SortFunc(r, func(a, b Related) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return a.Doc - b.Doc
	})
}

// TermScore is a term with a score: a z-score for distinctive terms, a
// weight for shared ones; CountA and CountB are its uses in each document.
type TermScore struct {
	ID             int32
	Term           string // a word form for display
	Score          float64
	CountA, CountB int
}

// Contrast is the vocabulary comparison of two documents.
type Contrast struct {
	A, B   []TermScore // most distinctive of each, strongest first
	Shared []TermScore // used by both, most characteristic first
}

// priorStrength (α0) is the total weight of the informative Dirichlet
// prior, spread over terms in proportion to their corpus frequency.
const priorStrength = 500.0

// zDistinctive is the z-score beyond which a term is reported as
// distinctive of one side rather than shared. It is lower than the 1.96 of
// a formal test on purpose: two news articles are short samples, and a
// name used 15 times on one side and never on the other scores about 1.5.
// The lists are ranked by z, so the strongest come first either way.
const zDistinctive = 1.0

// Contrast compares the vocabularies of documents a and b with the weighted
// log-odds ratio and an informative Dirichlet prior taken from the whole
// corpus (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). For each term w
// with counts y_a, y_b, totals n_a, n_b and prior α_w = α0·f_w (f_w the
// corpus frequency of w):
//
//	δ_w = ln((y_a+α_w)/(n_a+α0−y_a−α_w)) − ln((y_b+α_w)/(n_b+α0−y_b−α_w))
//	σ²_w ≈ 1/(y_a+α_w) + 1/(y_b+α_w),   z_w = δ_w / σ_w
//
// Terms with z above 1 are distinctive of a, below −1 of b. Terms
// used by both and not distinctive are shared, ranked by the smaller of
// their two rates times their document IDF. At most k of each are kept.
func (m *Model) Contrast(a, b, k int) Contrast {
	da, db := &m.Docs[a], &m.Docs[b]
	na, nb := float64(da.Tokens), float64(db.Tokens)
	var out Contrast
	ta, tb := &da.terms, &db.terms
	i, j := 0, 0
	for i < ta.len() || j < tb.len() {
		var id int32
		var ya, yb float64
		switch {
		case j >= tb.len() || (i < ta.len() && ta.term(i) < tb.term(j)):
			id, ya = ta.term(i), float64(ta.count(i))
			i++
		case i >= ta.len() || tb.term(j) < ta.term(i):
			id, yb = tb.term(j), float64(tb.count(j))
			j++
		default:
			id, ya, yb = ta.term(i), float64(ta.count(i)), float64(tb.count(j))
			i++
			j++
		}
		z := m.logOdds(id, ya, yb, na, nb)
		ts := TermScore{ID: id, Term: m.Surface[id], Score: z, CountA: int(ya), CountB: int(yb)}
		switch {
		case z >= zDistinctive:
			out.A = append(out.A, ts)
		case z <= -zDistinctive:
			ts.Score = -z
			out.B = append(out.B, ts)
		case ya > 0 && yb > 0:
			ts.Score = math.Min(ya/na, yb/nb) * float64(m.docIDF[id]) * 1000
			out.Shared = append(out.Shared, ts)
		}
	}
	out.A, out.B, out.Shared = topTerms(out.A, k), topTerms(out.B, k), topTerms(out.Shared, k)
	return out
}

func (m *Model) logOdds(id int32, ya, yb, na, nb float64) float64 {
	alpha := priorStrength * float64(m.TermFreq[id]) / float64(max(1, m.Tokens))
	a0 := priorStrength
	da := math.Log((ya + alpha) / (na + a0 - ya - alpha))
	db := math.Log((yb + alpha) / (nb + a0 - yb - alpha))
	variance := 1/(ya+alpha) + 1/(yb+alpha)
	return (da - db) / math.Sqrt(variance)
}

func topTerms(t []TermScore, k int) []TermScore {
	sort.Slice(t, func(i, j int) bool {
		if t[i].Score != t[j].Score {
			return t[i].Score > t[j].Score
		}
		return t[i].Term < t[j].Term
	})
	if k > 0 && len(t) > k {
		t = t[:k]
	}
	return t
}
