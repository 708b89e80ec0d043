package corpus

// Benchmarks over generated corpora (see parallax/corpus/gen). They only
// run with -bench, and write their corpora only when they run: once per
// `go test` process, into one temporary folder that TestMain removes.
//
//	go test ./corpus -run '^$' -bench . -benchtime 1x -benchmem
//	go test ./corpus -run '^$' -bench 'Load10MB|Align|Contrast' -benchmem

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parallax/corpus/gen"
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
	benchRoot  string                  // the temporary folder, made on first use
	benchDirs  = map[string]benchSet{} // name → what was written there
	benchLoads = map[string]*Corpus{}  // name → the corpus loaded from it
)

// benchSet is a generated folder and how many bytes it holds.
type benchSet struct {
	dir   string
	bytes int64
}

// benchData writes a data set into its own folder under the shared
// temporary folder the first time it is asked for, with write; later calls
// return the same folder.
func benchData(b *testing.B, name string, write func(dir string) (int64, error)) benchSet {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if s, ok := benchDirs[name]; ok {
		return s
	}
	if benchRoot == "" {
		dir, err := os.MkdirTemp("", "parallax-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchRoot = dir
	}
	dir := filepath.Join(benchRoot, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	n, err := write(dir)
	if err != nil {
		b.Fatalf("generating %s: %v", name, err)
	}
	s := benchSet{dir: dir, bytes: n}
	benchDirs[name] = s
	return s
}

// genCorpus is a Write corpus of docs documents and mb megabytes.
func genCorpus(b *testing.B, docs, mb int) benchSet {
	name := "corpus-" + itoa(docs) + "-" + itoa(mb) + "mb"
	return benchData(b, name, func(dir string) (int64, error) {
		st, err := gen.Write(dir, gen.Options{Docs: docs, TotalBytes: int64(mb) << 20, Seed: 1})
		return st.Bytes, err
	})
}

// loadBench loads a data set once and keeps it for the benchmarks that
// need a loaded corpus (the corpus is read-only after loading).
func loadBench(b *testing.B, s benchSet) *Corpus {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if c, ok := benchLoads[s.dir]; ok {
		return c
	}
	c, err := Load([]string{s.dir}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchLoads[s.dir] = c
	return c
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// genFormat is genCorpus's corpus rewritten in another format (see
// gen.Convert).
func genFormat(b *testing.B, docs, mb int, format string) benchSet {
	text := genCorpus(b, docs, mb)
	return benchData(b, "corpus-"+itoa(docs)+"-"+itoa(mb)+"mb-"+format, func(dir string) (int64, error) {
		return gen.Convert(text.dir, dir, format)
	})
}

func benchLoad(b *testing.B, docs, mb int) { benchLoadSet(b, genCorpus(b, docs, mb), docs) }

func benchLoadSet(b *testing.B, s benchSet, docs int) {
	b.SetBytes(s.bytes) // reported as MB/s
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		c, err := Load([]string{s.dir}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n = c.Len()
	}
	if n != docs {
		b.Fatalf("loaded %d documents, want %d", n, docs)
	}
}

// BenchmarkLoad100MB loads 10,000 documents, about 100 MB (from the page
// cache: the files were just written).
func BenchmarkLoad100MB(b *testing.B) { benchLoad(b, 10000, 100) }

// BenchmarkLoad10MB is the same at a tenth of the size.
func BenchmarkLoad10MB(b *testing.B) { benchLoad(b, 1000, 10) }

// BenchmarkLoadFormat10MB loads those 1,000 documents written as saved
// web pages, Markdown, JSON Lines and JSON (see gen.Convert).
func BenchmarkLoadFormat10MB(b *testing.B) {
	for _, format := range gen.Formats {
		b.Run(format, func(b *testing.B) { benchLoadSet(b, genFormat(b, 1000, 10, format), 1000) })
	}
}

// findDoc is the document whose path contains s.
func findDoc(b *testing.B, c *Corpus, s string) *Document {
	b.Helper()
	for _, d := range c.Docs {
		if strings.Contains(d.Path, s) {
			return d
		}
	}
	b.Fatalf("no document path contains %q", s)
	return nil
}

// BenchmarkAlignParagraph aligns one paragraph (of a short article)
// against an article of 5,000 paragraphs about the same event, the work
// behind one press of the link key.
func BenchmarkAlignParagraph(b *testing.B) {
	s := benchData(b, "align", func(dir string) (int64, error) {
		st, err := gen.Write(dir, gen.Options{Docs: 6, Events: 1, TotalBytes: 60 << 10, Seed: 3})
		if err != nil {
			return 0, err
		}
		n, err := gen.WriteDoc(filepath.Join(dir, "long.txt"), gen.DocOptions{Seed: 3, Variant: 99, Paragraphs: 5000})
		return st.Bytes + n, err
	})
	c := loadBench(b, s)
	long := findDoc(b, c, "long.txt")
	src := c.Docs[0]
	if src == long {
		src = c.Docs[1]
	}
	var queries []int
	paras, _ := c.Model.paragraphs(src.Index)
	for p := range paras.len() {
		if len(paras.at(p)) > 0 {
			queries = append(queries, p)
		}
	}
	if len(queries) == 0 {
		b.Fatal("no paragraph to align")
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if m, _ := c.Model.Align(src.Index, queries[i%len(queries)], long.Index); m.Para < 0 {
			b.Fatal("no candidate paragraph")
		}
		i++
	}
	b.ReportMetric(float64(len(long.Paragraphs)), "paras")
}

// BenchmarkCountParagraphsAgain counts the paragraph vectors of the
// longest document that does not keep them from loading (just under
// keptParagraphsBytes): the most the first Align involving a document
// can add.
func BenchmarkCountParagraphsAgain(b *testing.B) {
	s := benchData(b, "recount", func(dir string) (int64, error) {
		st, err := gen.Write(dir, gen.Options{Docs: 6, Events: 1, TotalBytes: 60 << 10, Seed: 4})
		if err != nil {
			return 0, err
		}
		n, err := gen.WriteDoc(filepath.Join(dir, "short.txt"), gen.DocOptions{Seed: 4, Variant: 99, Bytes: keptParagraphsBytes - 8<<10})
		return st.Bytes + n, err
	})
	c := loadBench(b, s)
	doc := findDoc(b, c, "short.txt")
	if c.Model.Docs[doc.Index].paras.Load() != nil {
		b.Fatal("the document kept its paragraph vectors from loading")
	}
	size := 0
	for _, p := range doc.Paragraphs {
		size += len(p.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if c.Model.countParagraphs(doc).len() == 0 {
			b.Fatal("no paragraph counted")
		}
	}
}

// BenchmarkContrast1MB compares the vocabularies of two ~1 MB articles
// about the same event (the terms panel), in a corpus of a few others.
func BenchmarkContrast1MB(b *testing.B) {
	s := benchData(b, "contrast", func(dir string) (int64, error) {
		st, err := gen.Write(dir, gen.Options{Docs: 20, Events: 5, TotalBytes: 200 << 10, Seed: 4})
		if err != nil {
			return 0, err
		}
		total := st.Bytes
		for v, name := range []string{"a-long.txt", "b-long.txt"} {
			n, err := gen.WriteDoc(filepath.Join(dir, name), gen.DocOptions{Seed: 4, Variant: uint64(v + 1), Bytes: 1 << 20})
			if err != nil {
				return 0, err
			}
			total += n
		}
		return total, nil
	})
	c := loadBench(b, s)
	a, o := findDoc(b, c, "a-long.txt"), findDoc(b, c, "b-long.txt")
	b.ReportAllocs()
	var ct Contrast
	for b.Loop() {
		ct = c.Model.Contrast(a.Index, o.Index, 40)
	}
	if len(ct.Shared) == 0 {
		b.Fatal("two articles of one event share no term")
	}
	b.ReportMetric(float64(c.Model.Docs[a.Index].terms.len()+c.Model.Docs[o.Index].terms.len()), "terms")
}

// BenchmarkRelated10k ranks the documents related to one document in the
// 10,000-document corpus (the palette's top five, the r key's ten). The
// corpus is loaded once, outside the timing; successive iterations ask
// about different documents.
func BenchmarkRelated10k(b *testing.B) {
	c := loadBench(b, genCorpus(b, 10000, 100))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := (i * 7919) % c.Len()
		if r := c.Model.Related(d, 10); len(r) == 0 {
			b.Fatalf("%s: nothing related", c.Docs[d].Path)
		}
		i++
	}
}

// benchRaw reads every file of a data set into memory once, for the
// benchmarks of the load's stages that should not time the file system.
func benchRaw(b *testing.B, s benchSet) (names []string, raws [][]byte) {
	b.Helper()
	err := filepath.WalkDir(s.dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(p)
		names, raws = append(names, p), append(raws, raw)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return names, raws
}

// BenchmarkParse10MB parses 1,000 documents (10 MB) already in memory on
// one goroutine: decoding, normalizing, titles, boilerplate, word counts.
func BenchmarkParse10MB(b *testing.B) {
	s := genCorpus(b, 1000, 10)
	names, raws := benchRaw(b, s)
	b.SetBytes(s.bytes)
	b.ReportAllocs()
	for b.Loop() {
		for i := range raws {
			Parse(names[i], raws[i])
		}
	}
}

// BenchmarkAnalyze10MB builds the text model of 1,000 parsed documents
// (10 MB) on one goroutine, from an empty vocabulary as a load does.
func BenchmarkAnalyze10MB(b *testing.B) {
	s := genCorpus(b, 1000, 10)
	names, raws := benchRaw(b, s)
	docs := make([]*Document, len(raws))
	for i := range raws {
		docs[i] = Parse(names[i], raws[i])
	}
	b.SetBytes(s.bytes)
	b.ReportAllocs()
	for b.Loop() {
		v := newVocab()
		t := newTermizer(v, 0)
		analyses := make([]*analysis, len(docs))
		var f frequencies
		for i, d := range docs {
			analyses[i] = t.analyze(d)
			f.add(analyses[i])
		}
		buildModel(docs, analyses, v, &f)
	}
}
