package gen_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"parallax/corpus"
	"parallax/corpus/gen"
)

// readTree returns every file under dir, by slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestWriteIsDeterministic(t *testing.T) {
	opt := gen.Options{Docs: 60, TotalBytes: 300 << 10, Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	if _, err := gen.Write(a, opt); err != nil {
		t.Fatal(err)
	}
	if _, err := gen.Write(b, opt); err != nil {
		t.Fatal(err)
	}
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != 60 || len(fb) != 60 {
		t.Fatalf("wrote %d and %d files, want 60", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Fatalf("%s differs between two runs with the same seed", name)
		}
	}

	c := t.TempDir()
	opt.Seed = 8
	if _, err := gen.Write(c, opt); err != nil {
		t.Fatal(err)
	}
	same := 0
	for name, data := range readTree(t, c) {
		if bytes.Equal(data, fa[name]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d documents are the same with another seed", same)
	}

	one, two := filepath.Join(a, "one.txt"), filepath.Join(b, "one.txt")
	for _, p := range []string{one, two} {
		if err := gen.WriteOne(p, 200<<10, 3); err != nil {
			t.Fatal(err)
		}
	}
	x, _ := os.ReadFile(one)
	y, _ := os.ReadFile(two)
	if !bytes.Equal(x, y) {
		t.Error("WriteOne differs between two runs with the same seed")
	}
}

func TestPlanMatchesWrite(t *testing.T) {
	opt := gen.Options{Docs: 40, TotalBytes: 200 << 10, Seed: 11, Events: 9}
	dir := t.TempDir()
	if _, err := gen.Write(dir, opt); err != nil {
		t.Fatal(err)
	}
	for _, e := range gen.Plan(opt) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if first != e.Headline {
			t.Errorf("%s: headline %q, planned %q", e.Path, first, e.Headline)
		}
		if ev, ok := gen.EventOf(e.Path); !ok || ev != e.Event {
			t.Errorf("EventOf(%q) = %d, %v; want %d", e.Path, ev, ok, e.Event)
		}
	}
}

func TestSizesAndShape(t *testing.T) {
	dir := t.TempDir()
	const total = 2 << 20
	start := time.Now()
	st, err := gen.Write(dir, gen.Options{Docs: 1200, TotalBytes: total, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v in %v", st, time.Since(start))
	if st.Docs != 1200 || st.Dirs != 3 {
		t.Errorf("stats %+v: want 1200 documents in 3 folders", st)
	}
	files := readTree(t, dir)
	var sum int64
	for name, data := range files {
		sum += int64(len(data))
		if !strings.HasPrefix(name, "000") || strings.Count(name, "/") != 1 {
			t.Errorf("unexpected path %q", name)
		}
	}
	if sum != st.Bytes {
		t.Errorf("Stats.Bytes = %d, files hold %d", st.Bytes, sum)
	}
	if d := float64(sum)/total - 1; d < -0.1 || d > 0.1 {
		t.Errorf("wrote %d bytes, want %d ± 10%%", sum, total)
	}
	if st.Boilerplate < 1200/10 || st.Boilerplate > 1200*3/10 {
		t.Errorf("%d documents with boilerplate, want about 20%%", st.Boilerplate)
	}

	// The shape of one document: headline, blank, byline, paragraphs.
	for name, data := range files {
		s := string(data)
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not UTF-8", name)
		}
		paras := strings.Split(strings.TrimSuffix(s, "\n\n"), "\n\n")
		if len(paras) < 3 {
			t.Fatalf("%s has %d paragraphs: %q", name, len(paras), s)
		}
		if len(paras[0]) >= 80 || strings.Contains(paras[0], "\n") {
			t.Errorf("%s: headline %q is not one line under 80 bytes", name, paras[0])
		}
		if !strings.HasPrefix(paras[1], "By ") || strings.Contains(paras[1], "\n") {
			t.Errorf("%s: byline %q", name, paras[1])
		}
	}

	one := filepath.Join(t.TempDir(), "one.txt")
	const oneSize = 3 << 20
	if err := gen.WriteOne(one, oneSize, 5); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(one)
	if err != nil {
		t.Fatal(err)
	}
	if d := float64(info.Size())/oneSize - 1; d < -0.1 || d > 0.1 {
		t.Errorf("WriteOne wrote %d bytes, want %d ± 10%%", info.Size(), oneSize)
	}
	data, _ := os.ReadFile(one)
	for _, r := range []string{"’", "“", "”"} {
		if !strings.Contains(string(data), r) {
			t.Errorf("no %s in the large document", r)
		}
	}

	p := filepath.Join(t.TempDir(), "paras.txt")
	if _, err := gen.WriteDoc(p, gen.DocOptions{Seed: 5, Paragraphs: 500}); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(p)
	if n := strings.Count(string(data), "\n\n"); n != 502 {
		t.Errorf("WriteDoc with 500 paragraphs wrote %d blocks, want 502 (headline and byline too)", n)
	}
}

func TestLoadedCorpus(t *testing.T) {
	dir := t.TempDir()
	const docs = 240
	if _, err := gen.Write(dir, gen.Options{Docs: docs, TotalBytes: docs * 6000, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != docs || len(c.Skipped) != 0 {
		t.Fatalf("loaded %d documents (%d skipped), want %d", c.Len(), len(c.Skipped), docs)
	}

	// Related documents are mostly about the same event.
	eventOf := func(d int) int {
		e, ok := gen.EventOf(c.Docs[d].Path)
		if !ok {
			t.Fatalf("no event in %q", c.Docs[d].Path)
		}
		return e
	}
	same, all := 0, 0
	for d := range c.Docs {
		for _, r := range c.Model.Related(d, 3) {
			all++
			if eventOf(r.Doc) == eventOf(d) {
				same++
			}
		}
	}
	if all == 0 || float64(same)/float64(all) < 0.8 {
		t.Errorf("%d of %d related documents are of the same event, want 80%% or more", same, all)
	}

	// Boilerplate is folded, titles are the headlines, names are found.
	folded, names := 0, 0
	for _, d := range c.Docs {
		for _, p := range d.Paragraphs {
			if p.Repeat != nil {
				folded++
				break
			}
		}
		if strings.HasSuffix(d.Title, "…") {
			t.Errorf("%s: title %q is not the headline", d.Path, d.Title)
		}
		for _, n := range c.Model.Docs[d.Index].Names {
			if strings.Contains(n.Name, " ") && n.Count >= 2 {
				names++
				break
			}
		}
	}
	if folded < docs/10 {
		t.Errorf("%d documents with folded boilerplate, want about %d", folded, docs/5)
	}
	if names < docs/2 {
		t.Errorf("only %d documents mention a multi-word name twice", names)
	}
}

// TestWriteCorpus writes a corpus for timing parallax by hand. It is
// skipped unless PARALLAX_GEN_DIR is set:
//
//	PARALLAX_GEN_DIR=/tmp/news go test ./corpus/gen -run TestWriteCorpus -v
//
// writes PARALLAX_GEN_DOCS documents (default 10000) of PARALLAX_GEN_MB
// megabytes in all (default 100) into PARALLAX_GEN_DIR, and, when
// PARALLAX_GEN_ONE_MB is set, one document of that many megabytes (50 if
// it is empty) as big.txt beside that folder (in the parent folder, so that loading the corpus
// folder does not include it). PARALLAX_GEN_SEED picks the text
// (default 1). PARALLAX_GEN_FORMAT (html, md, jsonl or json) writes the
// same documents in that format instead of plain text (see Convert). Then
// time, for example:
//
//	time go run . /tmp/news
func TestWriteCorpus(t *testing.T) {
	dir := os.Getenv("PARALLAX_GEN_DIR")
	if dir == "" {
		t.Skip("set PARALLAX_GEN_DIR to write a corpus there")
	}
	env := func(name string, def int) int {
		v := os.Getenv(name)
		if v == "" {
			return def
		}
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			t.Fatalf("%s=%q: want a positive number", name, v)
		}
		return n
	}
	docs, mb, seed := env("PARALLAX_GEN_DOCS", 10000), env("PARALLAX_GEN_MB", 100), env("PARALLAX_GEN_SEED", 1)
	start := time.Now()
	format := os.Getenv("PARALLAX_GEN_FORMAT")
	textDir := dir
	if format != "" {
		textDir = t.TempDir()
	}
	st, err := gen.Write(textDir, gen.Options{Docs: docs, TotalBytes: int64(mb) << 20, Seed: uint64(seed)})
	if err != nil {
		t.Fatal(err)
	}
	if format != "" {
		if st.Bytes, err = gen.Convert(textDir, dir, format); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("wrote %d documents, %.1f MB, %d events, in %s in %v", st.Docs, float64(st.Bytes)/(1<<20), st.Events, dir, time.Since(start).Round(time.Millisecond))
	if _, ok := os.LookupEnv("PARALLAX_GEN_ONE_MB"); ok {
		one := env("PARALLAX_GEN_ONE_MB", 50)
		big := filepath.Join(filepath.Dir(filepath.Clean(dir)), "big.txt")
		start = time.Now()
		if err := gen.WriteOne(big, one<<20, uint64(seed)); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d MB) in %v", big, one, time.Since(start).Round(time.Millisecond))
	}
}

// Every format Convert writes loads as the same documents: as many, with
// the same titles, and (but for Markdown's added headings) the same words
// beside the headline.
func TestConvertKeepsTheDocuments(t *testing.T) {
	src := t.TempDir()
	if _, err := gen.Write(src, gen.Options{Docs: 40, TotalBytes: 200 << 10, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	want, err := corpus.Load([]string{src}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	summary := func(c *corpus.Corpus, headlineWords bool) []string {
		var out []string
		for _, d := range c.Docs {
			words := d.Words
			if headlineWords {
				words -= len(strings.Fields(d.Title))
			}
			out = append(out, fmt.Sprintf("%s (%d words)", d.Title, words))
		}
		slices.Sort(out)
		return out
	}
	wantDocs := summary(want, true)
	for _, format := range gen.Formats {
		dst := t.TempDir()
		if _, err := gen.Convert(src, dst, format); err != nil {
			t.Fatal(err)
		}
		got, err := corpus.Load([]string{dst}, corpus.Options{})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(got.Skipped) > 0 || got.Len() != 40 {
			t.Fatalf("%s: %d documents, skipped %v", format, got.Len(), got.Skipped)
		}
		// A record's text leaves out its title; a page or a Markdown file
		// shows it as a heading.
		gotDocs := summary(got, format == "html" || format == "md")
		for i := range gotDocs {
			g, w := gotDocs[i], wantDocs[i]
			if format == "md" { // more words: the headings
				g, w = g[:strings.LastIndex(g, " (")], w[:strings.LastIndex(w, " (")]
			}
			if g != w {
				t.Errorf("%s: document %d is %q, want %q", format, i, g, w)
				break
			}
		}
	}
}
