package corpus

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The load keeps each document's heaviest terms with a heap and lists its
// terms from a bitmap; these check both against the obvious way.

func TestHeaviestMatchesAFullSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := rng.IntN(300)
		m := &Model{docIDF: make([]float32, n), tieKeys: make(tieKeys, n)}
		var ids []int32
		var counts []uint32
		for id := range n {
			m.docIDF[id] = float32(1 + rng.IntN(4)) // few values: many ties
			m.tieKeys[id] = uint64(rng.IntN(8))     // ties broken by key, then index
			ids = append(ids, int32(id))
			counts = append(counts, uint32(1+rng.IntN(3)))
		}
		dm := &DocModel{terms: newDocVec(ids, counts)}
		k := rng.IntN(80) - 1 // -1 and 0: no terms wanted, only the norm
		idx := make([]int32, n)
		for i := range idx {
			idx[i] = int32(i)
		}
		weight := func(i int32) float32 { return tfWeight(counts[i]) * m.docIDF[ids[i]] }
		slices.SortStableFunc(idx, func(a, b int32) int {
			return cmp.Or(cmp.Compare(weight(b), weight(a)), cmp.Compare(m.tieKeys[ids[a]], m.tieKeys[ids[b]]))
		})
		want := idx[:max(0, min(k, n))]
		var wantSquares float64
		for i := range n {
			wantSquares += float64(weight(int32(i))) * float64(weight(int32(i)))
		}
		// It appends after what the slice holds, growing it if need be
		// (buildModel gives it exactly the room of heavyTerms).
		into := make([]int32, 1, 1+rng.IntN(100))
		into[0] = -7
		got, squares := m.heaviest(dm, k, into)
		if got[0] != -7 || !slices.Equal(got[1:], want) {
			t.Fatalf("round %d (n=%d, k=%d): heaviest = %v, want [-7] then %v", round, n, k, got, want)
		}
		if math.Abs(squares-wantSquares) > 1e-9*wantSquares {
			t.Fatalf("round %d: sum of squares %v, want %v", round, squares, wantSquares)
		}
	}
}

func TestIDSetListsInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var s idSet
	for round := range 50 {
		seen := map[int32]bool{}
		var want []int32
		for range rng.IntN(2000) {
			id := int32(rng.IntN(1 << uint(4+round%16)))
			if !seen[id] {
				seen[id] = true
				want = append(want, id)
				s.add(id)
			}
		}
		slices.Sort(want)
		if got := s.drain(nil); !slices.Equal(got, want) {
			t.Fatalf("round %d: drain = %v…, want %v…", round, got[:min(len(got), 10)], want[:min(len(want), 10)])
		}
	}
}

func TestDocVecKeepsLargeCounts(t *testing.T) {
	ids := []int32{3, 70000, 1<<24 - 1}
	counts := []uint32{254, 255, 1 << 20}
	v := newDocVec(ids, counts)
	for i := range ids {
		if v.term(i) != ids[i] || v.count(i) != counts[i] {
			t.Errorf("entry %d = (%d, %d), want (%d, %d)", i, v.term(i), v.count(i), ids[i], counts[i])
		}
		if got := v.find(ids[i]); got != i {
			t.Errorf("find(%d) = %d, want %d", ids[i], got, i)
		}
	}
	for _, id := range []int32{0, 4, 69999, 70001} {
		if got := v.find(id); got != -1 {
			t.Errorf("find(%d) = %d, want -1", id, got)
		}
	}
}

// A document interrupted by a panic leaves the worker's scratch half
// filled; the next document must be counted as if by a fresh worker.
func TestAnalyzeAfterAnInterruptedDocument(t *testing.T) {
	doc := Parse("a.txt", []byte("Port workers in Plouford walk out.\n\nThe strike closes the port of Plouford."))
	fresh := newTermizer(newVocab(), 0).analyze(doc)

	v := newVocab()
	tz := newTermizer(v, 0)
	tz.analyze(doc) // the vocabulary now has the ids
	// What a panic half-way through a paragraph leaves behind:
	tz.paraEnds = append(tz.paraEnds, 3, 7)
	tz.slab = append(tz.slab, 1, 2, 3)
	tz.paraTouched = append(tz.paraTouched, 0, 1)
	tz.paraCounts = append(tz.paraCounts, 5, 5)
	tz.addCount(0, 9)
	tz.addCount(2, 4)
	got := tz.analyze(doc)

	if got.tokens != fresh.tokens || got.terms.len() != fresh.terms.len() {
		t.Fatalf("after an interrupted document: %d tokens, %d terms; fresh worker %d, %d", got.tokens, got.terms.len(), fresh.tokens, fresh.terms.len())
	}
	for i := range got.terms.len() {
		if got.terms.count(i) != fresh.terms.count(i) {
			t.Errorf("term %d counted %d times, fresh worker %d", i, got.terms.count(i), fresh.terms.count(i))
		}
	}
	if got.paras.len() != fresh.paras.len() {
		t.Fatalf("%d paragraph vectors, fresh worker %d", got.paras.len(), fresh.paras.len())
	}
	for p := range got.paras.len() {
		if !slices.Equal(got.paras.at(p), fresh.paras.at(p)) {
			t.Errorf("paragraph %d vector %v, fresh worker %v", p, got.paras.at(p), fresh.paras.at(p))
		}
	}
}

// The loading workers sum term frequencies as they go and merge them;
// the sums must be what counting the finished model's documents and
// paragraphs gives: with documents from a JSON Lines file (one record per
// document, a malformed line skipped), and when the first file was read
// before the load (as the reader does) and analysed by it.
func TestFrequenciesMatchTheDocuments(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		text := fmt.Sprintf("Report %d\n\nThe council met on day %d about the bridge.\n\nRepairs of the bridge cost %d pounds, the council said.", i, i%7, i*100)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Records shorter than the one before: each document's vectors are
	// written over the worker's scratch for the file, which must not be
	// reused before the whole file is counted.
	lines := `{"text": "The harbour strike ended on Tuesday."}` + "\n" + `{"text": "half` + "\n" + `{"text": "Dock workers voted on the bridge repairs."}` + "\n" +
		`{"text": "Ferry crews joined them."}` + "\n" + `{"text": "Pilots stayed."}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, readFirst := range []bool{false, true} {
		p, err := Walk([]string{dir}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if readFirst {
			if _, err := p.First(); err != nil {
				t.Fatal(err)
			}
		}
		c, err := p.Load(Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFrequencies(t, c.Model)
		if len(c.Docs) != 44 || len(c.Skipped) != 1 {
			t.Errorf("%d documents, %d skipped; want 44 and the malformed line", len(c.Docs), len(c.Skipped))
		}
	}
}

// checkFrequencies counts the model's documents and paragraphs the
// obvious way and compares with its frequencies.
func checkFrequencies(t *testing.T, m *Model) {
	t.Helper()
	n := len(m.Vocab)
	doc, para, term := make([]int32, n), make([]int32, n), make([]int64, n)
	var tokens int64
	paragraphs := 0
	for d := range m.Docs {
		dm := &m.Docs[d]
		for i := range dm.terms.len() {
			doc[dm.terms.term(i)]++
			term[dm.terms.term(i)] += int64(dm.terms.count(i))
		}
		tokens += int64(dm.Tokens)
		paras, _ := m.paragraphs(d)
		for p := range paras.len() {
			pv := paras.at(p)
			if len(pv) > 0 {
				paragraphs++
			}
			for _, e := range pv {
				para[e>>8]++
			}
		}
	}
	if !slices.Equal(m.DocFreq, doc) || !slices.Equal(m.ParaFreq, para) || !slices.Equal(m.TermFreq, term) {
		t.Error("the model's term frequencies differ from its documents'")
	}
	if m.Tokens != tokens || m.Paragraphs != paragraphs {
		t.Errorf("model counts %d tokens in %d paragraphs, documents %d in %d", m.Tokens, m.Paragraphs, tokens, paragraphs)
	}
}

// Term ids depend on which loading worker meets a word first. Related
// must not: two models of the same documents, analysed in opposite
// orders (so every term has another id), rank the same documents.
func TestRelatedDoesNotDependOnTermIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	// More distinct words per document than heavyTerms, many of them
	// with the same count and document frequency: ties to break.
	var vocabulary []string
	for i := range 300 {
		vocabulary = append(vocabulary, fmt.Sprintf("w%03dx", i))
	}
	var docs []*Document
	for i := range 500 { // more than relatedCandidates: heavy terms choose who is scored
		var b strings.Builder
		for range 3 {
			for range 25 {
				b.WriteString(vocabulary[rng.IntN(len(vocabulary))] + " ")
			}
			b.WriteString("end.\n\n")
		}
		docs = append(docs, Parse(fmt.Sprintf("d%03d.txt", i), []byte(b.String())))
	}
	build := func(order []int) *Model {
		v, f := newVocab(), &frequencies{}
		tz := newTermizer(v, 0)
		analyses := make([]*analysis, len(docs))
		for _, i := range order {
			analyses[i] = tz.analyze(docs[i])
			f.add(analyses[i])
		}
		return buildModel(docs, analyses, v, f)
	}
	forward, backward := make([]int, len(docs)), make([]int, len(docs))
	for i := range docs {
		forward[i], backward[i] = i, len(docs)-1-i
	}
	a, b := build(forward), build(backward)
	for d := range docs {
		ra, rb := a.Related(d, 5), b.Related(d, 5)
		for i := range ra {
			ra[i].Score, rb[i].Score = math.Round(ra[i].Score*1e6), math.Round(rb[i].Score*1e6)
		}
		if !slices.Equal(ra, rb) {
			t.Fatalf("document %d: related %v with one numbering of terms, %v with another", d, ra, rb)
		}
	}
}

// Short documents drop their paragraph vectors after loading and count
// them again on the first Align. The vectors counted again must be those
// of loading, term for term: otherwise Align's answers would depend on
// the document's length.
func TestParagraphsCountedAgainMatchLoading(t *testing.T) {
	c, err := Load([]string{"../testdata"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := c.Docs
	// Words the fast paths treat apart: over 8 and over 24 bytes, at the
	// very end of the text, capitals, non-ASCII, a repeated paragraph
	// (left out) whose words occur elsewhere (counted there), a word used
	// more than 255 times in a paragraph.
	docs = append(docs, Parse("odd.txt", []byte("Port workers strike in Plouford.\n\n"+
		"Internationalisation of ABCDEFGHIJKLMNOPQRSTUVWXYZ-ABCDEFGHIJKLMNOPQRSTUVWXYZ reports.\n\n"+
		"Port workers strike in Plouford.\n\n"+
		"École Zürich naïve café straße Straße STRASSE.\n\n"+
		"Port workers strike in Plouford.\n\n"+
		"The workers of the port end the strike strike strike\n\n"+
		strings.Repeat("strike ", 300)+"ends.")))
	v, f := newVocab(), &frequencies{}
	tz := newTermizer(v, 0)
	analyses := make([]*analysis, len(docs))
	loaded := make([]paraVecs, len(docs))
	for i, d := range docs {
		analyses[i] = tz.analyze(d)
		f.add(analyses[i])
		loaded[i] = analyses[i].paras
		analyses[i].keepParas = false
	}
	m := buildModel(docs, analyses, v, f)
	counted := 0
	for d := range docs {
		again, _ := m.paragraphs(d)
		if again.len() != loaded[d].len() {
			t.Fatalf("%s: %d paragraph vectors counted again, %d loaded", docs[d].Path, again.len(), loaded[d].len())
		}
		for p := range again.len() {
			if !slices.Equal(again.at(p), loaded[d].at(p)) {
				t.Errorf("%s paragraph %d: counted again %v, loaded %v", docs[d].Path, p, again.at(p), loaded[d].at(p))
			}
			counted += len(again.at(p))
		}
	}
	if counted < 1000 {
		t.Errorf("only %d terms counted in all paragraphs: the test proves little", counted)
	}
	// Counted once: a second Align gets the same vectors.
	_, first := m.paragraphs(0)
	if _, again := m.paragraphs(0); &first[0] != &again[0] {
		t.Error("paragraph norms computed again on a second call")
	}
}

// The inverted index is filled by runs of documents in parallel; each
// term's postings must come out in document order whatever the runs.
func TestPostingsDoNotDependOnRuns(t *testing.T) {
	c, err := Load([]string{"../testdata"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := c.Model
	heavy := make([]int32, len(m.Docs)*heavyTerms)
	heavyCount := make([]uint8, len(m.Docs))
	for d := range m.Docs {
		h, _ := m.heaviest(&m.Docs[d], heavyTerms, heavy[d*heavyTerms:d*heavyTerms:(d+1)*heavyTerms])
		heavyCount[d] = uint8(len(h))
	}
	m.fillPostings(heavy, heavyCount, 1)
	want, wantStart := slices.Clone(m.posts), slices.Clone(m.postStart)
	for id := range int32(len(m.Vocab)) {
		p := m.postings(id)
		if !slices.IsSortedFunc(p, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) }) {
			t.Fatalf("term %q: postings out of document order: %v", m.Vocab[id], p)
		}
	}
	if len(want) < 100 {
		t.Fatalf("only %d postings: the test proves little", len(want))
	}
	for _, runs := range []int{2, 3, len(m.Docs) + 2} { // more runs than documents: some empty
		m.fillPostings(heavy, heavyCount, runs)
		if !slices.Equal(m.posts, want) || !slices.Equal(m.postStart, wantStart) {
			t.Errorf("%d runs fill the index differently from one", runs)
		}
	}
}
