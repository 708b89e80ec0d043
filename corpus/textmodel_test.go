package corpus

import (
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"parallax/corpus/words"
)

// loadTexts builds a corpus from name → text, in name order.
func loadTexts(t *testing.T, files map[string]string) *Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := LoadFS(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCosineOnATinyCorpus(t *testing.T) {
	// Three documents: a = apple banana, b = apple cherry, c = durian.
	// Document IDF is ln((N+1)/(df+1)) + 1: apple (df 2) 1.28768, the
	// others (df 1) 1.69315; every tf is 1, so 1 + ln tf = 1. Then
	// cos(a, b) = 1.28768² / (1.28768² + 1.69315²) = 1.65812 / 4.52488
	// = 0.36644, and a and c share nothing.
	c := loadTexts(t, map[string]string{"a.txt": "apple banana", "b.txt": "apple cherry", "c.txt": "durian"})
	if got := c.Model.docCosine(0, 1); math.Abs(got-0.36644) > 1e-4 {
		t.Errorf("cos(a, b) = %.5f, want 0.36644", got)
	}
	if got := c.Model.docCosine(0, 2); got != 0 {
		t.Errorf("cos(a, c) = %v, want 0", got)
	}
	if got := c.Model.docCosine(0, 0); math.Abs(got-1) > 1e-6 {
		t.Errorf("cos(a, a) = %v, want 1", got)
	}
}

func TestLogOddsOnATinyCorpus(t *testing.T) {
	// A: apple×30 banana×10; B: banana×10 cherry×30. With α0 = 500 and
	// the prior from the corpus (80 tokens, apple 30): α_apple = 187.5,
	// δ = ln(217.5/322.5) − ln(187.5/352.5) = 0.2375,
	// σ² = 1/217.5 + 1/187.5 = 0.009931, z = 0.2375/0.09966 = 2.383.
	c := loadTexts(t, map[string]string{
		"a.txt": strings.Repeat("apple ", 30) + strings.Repeat("banana ", 10),
		"b.txt": strings.Repeat("banana ", 10) + strings.Repeat("cherry ", 30),
	})
	ct := c.Model.Contrast(0, 1, 10)
	if len(ct.A) != 1 || ct.A[0].Term != "apple" {
		t.Fatalf("distinctive of A = %+v, want apple only", ct.A)
	}
	if math.Abs(ct.A[0].Score-2.383) > 0.01 {
		t.Errorf("z(apple) = %.4f, want 2.383", ct.A[0].Score)
	}
	if ct.A[0].CountA != 30 || ct.A[0].CountB != 0 {
		t.Errorf("apple counts = %d/%d, want 30/0", ct.A[0].CountA, ct.A[0].CountB)
	}
	if len(ct.B) != 1 || ct.B[0].Term != "cherry" || math.Abs(ct.B[0].Score-2.383) > 0.01 {
		t.Errorf("distinctive of B = %+v, want cherry at 2.383", ct.B)
	}
	if len(ct.Shared) != 1 || ct.Shared[0].Term != "banana" {
		t.Errorf("shared = %+v, want banana", ct.Shared)
	}
}

var damCorpus = map[string]string{
	"a.txt": "The dam gate failed after heavy rain flooded the riverside town overnight.\n\n" +
		"The mayor cut the budget for flood defences two years ago.\n\n" +
		"Football scores from the weekend league were announced on Sunday.",
	"b.txt": "Shares in the operator fell sharply on Friday morning trading.\n\n" +
		"Heavy rain made the dam gate fail and flood the riverside town.\n\n" +
		"Budget cuts by the mayor left the flood defences weak.",
	"c.txt": "The league's top scorer signed a new contract with the club.\n\n" +
		"Fans celebrated the weekend win in the football stadium.",
}

func TestAlignFindsTheParagraphOnTheSameFact(t *testing.T) {
	c := loadTexts(t, damCorpus)
	m := c.Model
	for _, tc := range []struct{ para, want int }{{0, 1}, {1, 2}} {
		best, ok := m.Align(0, tc.para, 1)
		if !ok || best.Para != tc.want {
			t.Errorf("Align(a:%d → b) = %+v ok=%v, want paragraph %d", tc.para, best, ok, tc.want)
		}
	}
	if best, ok := m.Align(0, 2, 1); ok {
		t.Errorf("football paragraph aligned to %+v; want no match", best)
	}
}

func TestRelatedOrder(t *testing.T) {
	c := loadTexts(t, damCorpus)
	r := c.Model.Related(0, 0)
	if len(r) < 2 || r[0].Doc != 1 {
		t.Fatalf("Related(a) = %+v, want b first", r)
	}
	if r[0].Score <= r[1].Score {
		t.Errorf("scores not decreasing: %+v", r)
	}
	if got := c.Model.Related(2, 1); len(got) != 1 || got[0].Doc != 0 {
		t.Errorf("Related(c, 1) = %+v, want a (it shares the football paragraph)", got)
	}
}

func TestRelatedFindsTheSameEventAcrossOutlets(t *testing.T) {
	// testdata/events: 8 events, each reported by 4 outlets with their own
	// boilerplate. The most related document should report the same event.
	c, err := Load([]string{"../testdata/events"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	event := func(d *Document) string { return strings.SplitN(d.Path, "-", 2)[0] }
	hits := 0
	for _, d := range c.Docs {
		if r := c.Model.Related(d.Index, 1); len(r) == 1 && event(c.Docs[r[0].Doc]) == event(d) {
			hits++
		}
	}
	if hits*10 < len(c.Docs)*9 {
		t.Errorf("related put the same event first for %d of %d documents, want at least 90%%", hits, len(c.Docs))
	}
}

// RelatedAll runs Related for every document on all processors; the
// answers must be the same, in document order, and hold only what was
// asked for.
func TestRelatedAllMatchesRelated(t *testing.T) {
	c, err := Load([]string{"../testdata/events"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := c.Model.RelatedAll(3)
	if len(all) != len(c.Docs) {
		t.Fatalf("RelatedAll gave %d lists for %d documents", len(all), len(c.Docs))
	}
	for d := range c.Docs {
		if want := c.Model.Related(d, 3); !slices.Equal(all[d], want) {
			t.Errorf("document %d: RelatedAll %v, Related %v", d, all[d], want)
		}
		if cap(all[d]) > 3 {
			t.Errorf("document %d: the answer keeps %d candidates alive", d, cap(all[d]))
		}
	}
}

func TestBoilerplateIsNotCounted(t *testing.T) {
	ad := "Subscribe to our newsletter for weekly deals."
	c := loadTexts(t, map[string]string{
		"a.txt": "The gate failed.\n\n" + ad + "\n\nWater rose.\n\n" + ad + "\n\nPeople left.\n\n" + ad,
		"b.txt": "Nothing here about newsletters at all, only gates.",
	})
	id, ok := c.Model.TermID("newsletter")
	if ok && c.Model.Count(0, id) != 0 {
		t.Errorf("boilerplate term counted %d times", c.Model.Count(0, id))
	}
}

func TestLensPassagesAndMentions(t *testing.T) {
	c := loadTexts(t, map[string]string{
		"a.txt": "Elon Musk flew in. The weather was fine. Nobody noticed. Later Musk left. It rained.\n\nA paragraph about nothing.\n\nMusk's companies grew.",
		"b.txt": "No names here at all, just briefings and a briefing.",
	})
	d := c.Docs[0]
	l := NewNameLens("Elon Musk")
	ps := l.Passages(d)
	if len(ps) != 2 {
		t.Fatalf("passages = %+v, want 2 (one merged window in the first paragraph, one in the third)", ps)
	}
	first := d.Paragraphs[ps[0].Para].Text[ps[0].Start:ps[0].End]
	if !strings.HasPrefix(first, "Elon Musk flew in.") || !strings.HasSuffix(first, "It rained.") || len(ps[0].Hits) != 2 {
		t.Errorf("first passage = %q with %d hits", first, len(ps[0].Hits))
	}
	if got := c.Model.Mentions(l, c.Docs[0]); got != 3 {
		t.Errorf("Mentions(Elon Musk, a) = %d, want 3", got)
	}
	// A name ending in a number is not matched by the number alone.
	gate := loadTexts(t, map[string]string{"g.txt": "Gate 3 failed at dawn. Rain rose 3 percent, and Gate 3 held no more."})
	if got := gate.Model.Mentions(NewNameLens("Gate 3"), gate.Docs[0]); got != 2 {
		t.Errorf("Mentions(Gate 3) = %d, want 2 (not the bare 3)", got)
	}
	term := NewTermLens("briefings")
	if got := c.Model.Mentions(term, c.Docs[1]); got != 2 {
		t.Errorf("Mentions(briefings, b) = %d, want 2 (briefings, briefing)", got)
	}
	if got := c.Model.Mentions(term, c.Docs[0]); got != 0 {
		t.Errorf("Mentions(briefings, a) = %d, want 0", got)
	}
	if NewTermLens("the").Valid() {
		t.Error("a stop word should not make a valid lens")
	}
}

func TestSharedCorpusAlignmentAndTerms(t *testing.T) {
	c, err := Load([]string{"../../shared/corpus"}, Options{})
	if err != nil {
		t.Skip("shared corpus not available:", err)
	}
	a, errA := c.Lookup("../../shared/corpus/000_b8bdf8a6f4954416.txt")
	b, errB := c.Lookup("../../shared/corpus/002_98b065850bd7aa70.txt")
	if errA != nil || errB != nil {
		t.Skip("shared corpus files not found")
	}
	para := -1
	for i, p := range a.Paragraphs {
		if strings.HasPrefix(p.Text, "What remains unclear, however") {
			para = i
		}
	}
	if para < 0 {
		t.Fatal("paragraph 'What remains unclear, however' not found")
	}
	best, ok := c.Model.Align(a.Index, para, b.Index)
	if !ok {
		t.Fatalf("no alignment (best %+v)", best)
	}
	got := b.Paragraphs[best.Para].Text
	if !strings.Contains(got, "China") || !strings.Contains(got, "business") {
		t.Errorf("aligned to a paragraph not about Musk's business ties to China: %q", got)
	}
	ct := c.Model.Contrast(a.Index, b.Index, 20)
	seen := map[string]bool{}
	for _, ts := range ct.B {
		seen[ts.Term] = true
	}
	if !seen["bannon"] || !seen["pentagon"] {
		t.Errorf("002's distinctive terms lack bannon or pentagon: %+v", ct.B)
	}
}

// A surname alone belongs to the person of that surname a document names
// most: "Okafor" in an article about Odile Okafor is no mention of Luca.
func TestNameLensSurnameBelongsToTheDocumentsPerson(t *testing.T) {
	c := loadTexts(t, map[string]string{
		"a.txt": "Union leader Luca Okafor called the strike. Okafor said pay was the issue. Later Okafor spoke again, and Okafor left.",
		"b.txt": "Minister Odile Okafor met the press. Odile Okafor said the port would reopen. Okafor declined questions; Okafor left early.",
		"c.txt": "Odile Okafor spoke. Odile Okafor spoke again. Odile Okafor answered Luca Okafor, and Okafor nodded.",
	})
	lens := NewNameLens("Luca Okafor")
	for path, want := range map[string]int{"a.txt": 4, "b.txt": 0, "c.txt": 1} {
		d := docByName(t, c, path)
		if got := c.Model.Mentions(lens, d); got != want {
			t.Errorf("%s: Mentions(Luca Okafor) = %d, want %d", path, got, want)
		}
		hits := 0
		for _, p := range c.Model.ForDocument(lens, d).Passages(d) {
			hits += len(p.Hits)
		}
		if hits != want {
			t.Errorf("%s: the lens view finds %d mentions, Mentions says %d", path, hits, want)
		}
	}
}

func docByName(t *testing.T, c *Corpus, path string) *Document {
	t.Helper()
	for _, d := range c.Docs {
		if d.Path == path {
			return d
		}
	}
	t.Fatalf("no document %s", path)
	return nil
}

// The model collects names from the word kinds its word table caches per
// form; a collector fed each paragraph on its own looks every word up
// afresh. Both must find the same names with the same counts, titles,
// connectors, demonyms and stop words included.
func TestModelNamesMatchTheStandaloneCollector(t *testing.T) {
	c := loadTexts(t, map[string]string{
		"a.txt": "Strike at the port\n\nPresident Odile Okafor of the Harbour Board met Bank of Estrava officials on Monday. Later Okafor said the AMERICAN delegation left.\n\nThe American ambassador, Sir Luca Teasby, and Ludwig van Beethoven were not there. Gate 3 stayed shut.",
		"b.txt": "Vice President Okafor spoke. The Okafor plan failed; Okafor resigned.\n\nThe Port Authority OF Estrava said so on Tuesday.",
	})
	ev, err := Load([]string{"../testdata/events"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range []*Corpus{c, ev} {
		for _, d := range cc.Docs {
			n := words.NewNames()
			for _, p := range d.Paragraphs {
				if p.Repeat == nil {
					n.Add(p.Text)
				}
			}
			if got, want := cc.Model.Docs[d.Index].Names, n.Result(); !slices.Equal(got, want) {
				t.Errorf("%s: model names %v\nstandalone %v", d.Path, got, want)
			}
		}
	}
}

// Paragraph norms are computed on the first Align that needs them; the
// reader may align from several goroutines at once, and every answer
// must be the one a single caller gets.
func TestAlignFromManyGoroutines(t *testing.T) {
	load := func() *Corpus {
		c, err := Load([]string{"../testdata/events"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	want := map[[3]int]Match{}
	c := load()
	for a := range 4 {
		for b := range 4 {
			for p := range c.Docs[a].Paragraphs {
				want[[3]int{a, p, b}], _ = c.Model.Align(a, p, b)
			}
		}
	}
	c = load() // norms not computed yet
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for k, w := range want {
				if got, _ := c.Model.Align(k[0], k[1], k[2]); got != w {
					t.Errorf("Align%v = %+v, alone %+v", k, got, w)
				}
			}
		})
	}
	wg.Wait()
}
