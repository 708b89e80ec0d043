package ui

// Benchmarks of the reader's interactive paths over generated text (see
// parallax/corpus/gen). They only run with -bench; their data is
// generated only when they run, once per `go test` process, in a
// temporary folder that TestMain removes.
//
//	go test ./ui -run '^$' -bench . -benchtime 1x -benchmem
//	PARALLAX_BENCH_DOC_MB=5 go test ./ui -run '^$' -bench 'View|Search' -benchmem
//
// PARALLAX_BENCH_DOC_MB sets the size of each of the two large documents
// (default 50).

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/corpus"
	"parallax/corpus/gen"

	tea "charm.land/bubbletea/v2"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchRoot != "" {
		os.RemoveAll(benchRoot)
	}
	os.Exit(code)
}

var (
	benchMu    sync.Mutex
	benchRoot  string                 // the temporary folder, made on first use
	benchLarge *corpus.Corpus         // two large documents
	benchItems = map[int][]pickItem{} // palette items by count
	benchModel *Model                 // the reader over benchLarge, sized
	benchOpen  time.Duration          // how long building benchModel took
)

// benchDocMB is the size of each large document, from
// PARALLAX_BENCH_DOC_MB (default 50).
func benchDocMB(b *testing.B) int {
	v := os.Getenv("PARALLAX_BENCH_DOC_MB")
	if v == "" {
		return 50
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		b.Fatalf("PARALLAX_BENCH_DOC_MB=%q: want a positive number of megabytes", v)
	}
	return n
}

// benchLargeCorpus is a corpus of two large articles about one event,
// written and loaded once.
func benchLargeCorpus(b *testing.B) *corpus.Corpus {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if benchLarge != nil {
		return benchLarge
	}
	if benchRoot == "" {
		dir, err := os.MkdirTemp("", "parallax-ui-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchRoot = dir
	}
	dir := filepath.Join(benchRoot, "large")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	mb := benchDocMB(b)
	for v, name := range []string{"a-large.txt", "b-large.txt"} {
		if _, err := gen.WriteDoc(filepath.Join(dir, name), gen.DocOptions{Seed: 1, Variant: uint64(v + 1), Bytes: mb << 20}); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	c, err := corpus.Load([]string{dir}, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded 2 × %d MB in %v", mb, time.Since(start).Round(time.Millisecond))
	benchLarge = c
	return c
}

// benchPaletteItems are n palette entries like paletteItems makes, for
// the documents of a generated corpus (built from its plan, without
// writing or loading the text).
func benchPaletteItems(n int) []pickItem {
	benchMu.Lock()
	defer benchMu.Unlock()
	if items, ok := benchItems[n]; ok {
		return items
	}
	entries := gen.Plan(gen.Options{Docs: n, Seed: 1})
	items := make([]pickItem, len(entries))
	for i, e := range entries {
		items[i] = pickItem{Title: e.Headline, Detail: e.Path, Meta: thousands(e.Bytes/6) + " words", MatchDetail: true, Value: i}
	}
	benchItems[n] = items
	return items
}

// benchQuery is typed into the palette one rune at a time.
const benchQuery = "port strike"

func benchKeys(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range s {
		msg := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == ' ' {
			msg.Code = tea.KeySpace
		}
		out = append(out, msg)
	}
	return out
}

// benchPalette types benchQuery into a palette of n documents, filtering
// after every key (and drawing the palette too, in the +view variant).
// Opening the palette is not timed. For long lists the reader filters in
// a command, off the update loop; the time per key here is that command's
// work, which is how long a result takes to show.
func benchPalette(b *testing.B, n int) {
	items := benchPaletteItems(n)
	keys := testKeyMap()
	st := newStyles(true, true)
	msgs := benchKeys(benchQuery)
	for _, view := range []bool{false, true} {
		name := "filter"
		if view {
			name = "filter+view"
		}
		b.Run(name, func(b *testing.B) {
			p := newPicker("Open a document", "type part of a title or path")
			p.SetSize(119, 68) // the left pane of a 240×70 terminal
			b.ReportAllocs()
			iters := 0
			for b.Loop() {
				b.StopTimer()
				p.open(items)
				b.StartTimer()
				for _, msg := range msgs {
					// Update starts the filter in a command for long
					// lists; the event loop would run it: run it here.
					p.Update(msg, &keys)
					if p.input.Value() != p.lastQuery {
						p.filter()
					}
					if view {
						p.View(&st)
					}
				}
				iters++
			}
			if p.input.Value() != benchQuery {
				b.Fatalf("typed %q, want %q", p.input.Value(), benchQuery)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(iters*len(msgs)), "ns/key")
			b.ReportMetric(float64(len(p.results)), "results")
		})
	}
}

func BenchmarkPaletteKeystroke10k(b *testing.B)  { benchPalette(b, 10_000) }
func BenchmarkPaletteKeystroke100k(b *testing.B) { benchPalette(b, 100_000) }

// benchLargeModel is the reader at 240×70 over the two large documents.
// It is built once per process (the documents are wrapped on the first
// resize); each caller gets its own copy, with the shared wrap cache, and
// how long New and the first resize took.
func benchLargeModel(b *testing.B) (Model, time.Duration) {
	c := benchLargeCorpus(b)
	benchMu.Lock()
	defer benchMu.Unlock()
	if benchModel == nil {
		start := time.Now()
		m := newTestModel(b, c, 240, 70)
		benchModel, benchOpen = &m, time.Since(start)
		b.Logf("New and resize to 240×70 took %v", benchOpen.Round(time.Millisecond))
	}
	return *benchModel, benchOpen
}

// BenchmarkViewLargeDocs draws the whole screen with two 50 MB documents
// open side by side.
func BenchmarkViewLargeDocs(b *testing.B) {
	m, setup := benchLargeModel(b)
	start := time.Now()
	m.View()
	first := time.Since(start)
	b.ReportAllocs()
	for b.Loop() {
		m.View()
	}
	b.ReportMetric(float64(setup.Microseconds())/1000, "open-ms")
	b.ReportMetric(float64(first.Microseconds())/1000, "first-view-ms")
}

// BenchmarkViewAfterScroll pages down (space) and draws the screen.
func BenchmarkViewAfterScroll(b *testing.B) {
	m, _ := benchLargeModel(b)
	m.View()
	space := tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	b.ReportAllocs()
	for b.Loop() {
		m = update(b, m, space)
		m.View()
	}
	if m.focused().top == 0 {
		b.Fatal("space did not scroll")
	}
}

// BenchmarkSearchLargeDoc searches the 50 MB document for a word that
// occurs often, for its headline (once) and for a word that does not
// occur. A query with a capital is case-sensitive ("smart case"): the
// headline and "Zyzzyva" are; "said" and "zyzzyva" are not.
func BenchmarkSearchLargeDoc(b *testing.B) {
	m, _ := benchLargeModel(b)
	doc := m.panes[0].doc
	for _, q := range []struct{ name, query string }{
		{"frequent", "said"},
		{"once", doc.Title},
		{"none", "zyzzyva"},
		{"none-cased", "Zyzzyva"},
	} {
		// first: enter in the search prompt, until the first match is on
		// screen (what the user waits for); count: the background count.
		b.Run(q.name+"/first", func(b *testing.B) {
			p := m.panes[0]
			for b.Loop() {
				p.top = 0
				p.runSearch(q.query)
			}
		})
		b.Run(q.name+"/count", func(b *testing.B) {
			var n int
			b.ReportAllocs()
			for b.Loop() {
				n = len(findMatches(doc, newFinder(q.query)))
			}
			if q.name == "frequent" && n < 1000 || q.name == "once" && n != 1 || strings.HasPrefix(q.name, "none") && n != 0 {
				b.Fatalf("%d matches for %q", n, q.query)
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}
