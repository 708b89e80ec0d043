package corpus

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"parallax/corpus/formats"
)

// progressLog records the progress reports of a load, from any worker.
type progressLog struct {
	mu      sync.Mutex
	reports []Progress
}

func (l *progressLog) record(p Progress) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reports = append(l.reports, p)
}

// writeTree creates files (path → content) under a fresh temporary dir.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func docPaths(c *Corpus) []string {
	var out []string
	for _, d := range c.Docs {
		out = append(out, filepath.ToSlash(d.Path))
	}
	return out
}

func skipReasons(c *Corpus) map[string]string {
	out := map[string]string{}
	for _, s := range c.Skipped {
		out[filepath.ToSlash(s.Path)] = s.Reason
	}
	return out
}

func TestLoadTree(t *testing.T) {
	root := writeTree(t, map[string]string{
		"b/d/e.text":      "Deep Document Title\n\nText.",
		"b/c.md":          "# Markdown Title\n\nText.",
		"a.txt":           "Alpha Document Title\n\nText.",
		"b/z.markdown":    "Zed Document Title",
		"c.TXT":           "Upper Case Extension",
		"image.png":       "Not Really A Picture",
		"notes.doc":       "Word Document",
		"noext":           "No Extension",
		".git/config.txt": "Hidden Directory",
		".hidden/x/y.md":  "Hidden Nested",
		"b/.cache/z.txt":  "Hidden Nested Deeper",
		"bin.txt":         "PK\x03\x04\x00\x00binary\x00stuff",
		"empty.txt":       "",
		"blank.md":        " \n\n\t\r\n   \n",
		"latin1.txt":      "Caf\xe9 Society Opens\n\nText.",
	})
	var log progressLog
	c, err := Load([]string{root}, Options{Progress: log.record})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	progress := log.reports
	wantDocs := []string{"a.txt", "b/c.md", "b/d/e.text", "b/z.markdown", "c.TXT", "latin1.txt"}
	if got := docPaths(c); !reflect.DeepEqual(got, wantDocs) {
		t.Errorf("documents = %q, want %q", got, wantDocs)
	}
	wantTitles := []string{"Alpha Document Title", "Markdown Title", "Deep Document Title", "Zed Document Title", "Upper Case Extension", "Café Society Opens"}
	for i, d := range c.Docs {
		if d.Index != i {
			t.Errorf("doc %q has Index %d, want %d", d.Path, d.Index, i)
		}
		if i < len(wantTitles) && d.Title != wantTitles[i] {
			t.Errorf("doc %q title = %q, want %q", d.Path, d.Title, wantTitles[i])
		}
	}
	wantSkipped := map[string]string{
		"image.png": "unsupported extension",
		"notes.doc": "unsupported extension",
		"noext":     "unsupported extension",
		"bin.txt":   "binary",
		"empty.txt": "empty",
		"blank.md":  "empty",
	}
	if got := skipReasons(c); !reflect.DeepEqual(got, wantSkipped) {
		t.Errorf("skipped = %q, want %q", got, wantSkipped)
	}
	if !reflect.DeepEqual(c.Roots, []string{root}) {
		t.Errorf("Roots = %q", c.Roots)
	}
	// Progress: one call per file read, ending at the total.
	files := len(wantDocs) + 3 // plus bin.txt, empty.txt, blank.md
	if len(progress) != files {
		t.Errorf("progress called %d times, want %d", len(progress), files)
	}
	maxDone := 0
	for _, p := range progress {
		if p.Total != files {
			t.Errorf("progress total = %d, want %d", p.Total, files)
		}
		maxDone = max(maxDone, p.Done)
	}
	if maxDone != files {
		t.Errorf("progress reached %d, want %d", maxDone, files)
	}
}

func TestLoadOrderStable(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"m", "c", "x", "a", "q", "b", "k", "z", "d", "e", "f", "g"} {
		files[n+"/"+n+".txt"] = "Document About " + strings.ToUpper(n)
		files[n+".txt"] = "Top Level " + strings.ToUpper(n)
	}
	root := writeTree(t, files)
	first, err := Load([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	paths := docPaths(first)
	if len(paths) != len(files) {
		t.Fatalf("loaded %d docs, want %d", len(paths), len(files))
	}
	// Sorted by path as a string: "a.txt" comes before "a/a.txt".
	want := slices.Clone(paths)
	slices.Sort(want)
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("documents = %q, want %q", paths, want)
	}
	for range 5 {
		again, err := Load([]string{root}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := docPaths(again); !reflect.DeepEqual(got, paths) {
			t.Fatalf("order changed between loads: %q vs %q", got, paths)
		}
		for i := range again.Docs {
			if again.Docs[i].ID != first.Docs[i].ID {
				t.Fatalf("ID of %q changed", paths[i])
			}
		}
	}
}

// A document's ID follows its file's absolute path: the same whether the
// folder was given as a relative or an absolute path (the reading session
// finds its places by ID), for a plain file and a JSON Lines record.
func TestIDsDoNotDependOnHowThePathIsGiven(t *testing.T) {
	root := writeTree(t, map[string]string{"a/one.txt": "One Title Here", "b.jsonl": `{"text": "Two Title Here"}` + "\n"})
	abs, err := Load([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(root))
	rel, err := Load([]string{filepath.Base(root)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(abs.Docs) != 2 || len(rel.Docs) != 2 {
		t.Fatalf("%d and %d documents, want 2", len(abs.Docs), len(rel.Docs))
	}
	if want := stableID(filepath.Join(root, "a", "one.txt")); abs.Docs[0].ID != want {
		t.Errorf("ID %q, want the stable ID of the absolute path %q", abs.Docs[0].ID, want)
	}
	for i := range abs.Docs {
		if rel.Docs[i].ID != abs.Docs[i].ID {
			t.Errorf("%s: ID %q from a relative path, %q from an absolute one", abs.Docs[i].Path, rel.Docs[i].ID, abs.Docs[i].ID)
		}
	}
}

func TestLoadArgumentsInOrder(t *testing.T) {
	root := writeTree(t, map[string]string{"z.txt": "Zed Title Here", "a/b.txt": "Bee Title Here", "a/a.txt": "Ay Title Here"})
	c, err := Load([]string{filepath.Join(root, "z.txt"), filepath.Join(root, "a")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.ToSlash(filepath.Join(root, "z.txt")), "a.txt", "b.txt"}
	if got := docPaths(c); !reflect.DeepEqual(got, want) {
		t.Errorf("documents = %q, want %q (by argument, then path)", got, want)
	}
}

func TestLoadNonexistent(t *testing.T) {
	root := t.TempDir()
	missing := filepath.Join(root, "no-such-dir")
	c, err := Load([]string{root, missing}, Options{})
	if c != nil {
		t.Errorf("corpus = %+v, want nil", c)
	}
	var pe *PathError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %T %v, want *PathError", err, err)
	}
	if pe.Path != missing {
		t.Errorf("PathError.Path = %q, want %q", pe.Path, missing)
	}
	if !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "no such file or directory") {
		t.Errorf("error %q does not name the path and the reason", err)
	}
}

func TestLoadNothingLoadable(t *testing.T) {
	t.Run("only skipped files", func(t *testing.T) {
		root := writeTree(t, map[string]string{"a.png": "x", "b.txt": "", "c.md": "\x00\x01"})
		c, err := Load([]string{root}, Options{})
		var pe *PathError
		if !errors.As(err, &pe) {
			t.Fatalf("err = %T %v, want *PathError", err, err)
		}
		if pe.Path != root || !strings.Contains(pe.Reason, "3 files skipped") {
			t.Errorf("err = %q, want the root and \"3 files skipped\"", err)
		}
		if c == nil || len(c.Docs) != 0 || len(c.Skipped) != 3 {
			t.Errorf("corpus = %+v, want no docs and three skipped", c)
		}
	})
	t.Run("empty directory", func(t *testing.T) {
		root := t.TempDir()
		_, err := Load([]string{root}, Options{})
		if err == nil || !strings.Contains(err.Error(), "no loadable document") {
			t.Fatalf("err = %v, want \"no loadable document\"", err)
		}
		// ErrEmpty is documented as "returned when no document could be loaded".
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("Load of an empty directory returns %q, which is not errors.Is(err, ErrEmpty); only LoadFS returns ErrEmpty (PathError has no Unwrap)", err)
		}
	})
}

func TestLoadMaxFileSize(t *testing.T) {
	root := writeTree(t, map[string]string{
		"small.txt": "Small Title",                    // 11 bytes
		"exact.txt": "Exact Size Title Here",          // 21 bytes
		"big.txt":   strings.Repeat("Big Title ", 10), // 100 bytes
	})
	c, err := Load([]string{root}, Options{MaxFileSize: 21})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := docPaths(c), []string{"exact.txt", "small.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("documents = %q, want %q", got, want)
	}
	reason := skipReasons(c)["big.txt"]
	if !strings.Contains(reason, "too large") || !strings.Contains(reason, "100 B") {
		t.Errorf("big.txt reason = %q, want \"too large\" with its size", reason)
	}
	// Default limit: everything loads.
	c, err = Load([]string{root}, Options{})
	if err != nil || len(c.Docs) != 3 {
		t.Errorf("default limit: %d docs, err %v", len(c.Docs), err)
	}
}

// readFile enforces the limit on the bytes read, not on the size the file
// system reports (files under /proc report 0).
func TestReadFileLimit(t *testing.T) {
	root := writeTree(t, map[string]string{"f.txt": "0123456789"})
	p := filepath.Join(root, "f.txt")
	if data, err := readFile(p, 10, 10, nil); err != nil || string(data) != "0123456789" {
		t.Errorf("readFile(limit 10) = %q, %v", data, err)
	}
	if _, err := readFile(p, 9, 10, nil); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("readFile(limit 9) err = %v, want too large", err)
	}
	if _, err := readFile(root, 100, 4096, nil); err == nil || !strings.Contains(err.Error(), "not a regular file (directory)") {
		t.Errorf("readFile(directory) err = %v, want not a regular file", err)
	}
	// The size the walk saw is only a hint: the file may have grown or
	// shrunk since (or report 0, as under /proc).
	for _, walked := range []int64{0, 3, 10, 4096} {
		if data, err := readFile(p, 100, walked, nil); err != nil || string(data) != "0123456789" {
			t.Errorf("readFile(walked size %d) = %q, %v", walked, data, err)
		}
	}
}

// readAll stops at a short read only once it holds the size the file
// reported: reads that come in pieces, or a file that grew or shrank
// after it was measured, still give the whole text.
func TestReadAllShortReads(t *testing.T) {
	const text = "0123456789"
	cases := []struct {
		name string
		r    io.Reader
		cap  int
		size int64
	}{
		{"one byte at a time", iotest.OneByteReader(strings.NewReader(text)), 11, 10},
		{"half at a time", iotest.HalfReader(strings.NewReader(text)), 11, 10},
		{"grew since measured", strings.NewReader(text), 6, 5},
		{"shrank since measured", strings.NewReader(text), 21, 20},
		{"reported nothing (/proc)", strings.NewReader(text), 1, 0},
	}
	for _, c := range cases {
		got, err := readAll(c.r, make([]byte, 0, c.cap), c.size)
		if err != nil || string(got) != text {
			t.Errorf("%s: %q, %v; want the whole text", c.name, got, err)
		}
	}
}

// Workers read each file into the buffer of the plain-text file they
// read before; no document may keep pointing into a buffer that was
// reused. Files of many sizes, encodings and formats, in an order that
// makes buffers pass from file to file, must load exactly as each does
// alone.
func TestReusedReadBuffersLeaveDocumentsIntact(t *testing.T) {
	files := map[string]string{}
	for i := range 60 {
		text := fmt.Sprintf("Title number %d\n\n", i) + strings.Repeat(fmt.Sprintf("Paragraph of file %d with words. ", i), 1+(i*37)%50)
		name := fmt.Sprintf("f%02d.txt", i)
		switch i % 6 {
		case 1:
			name = fmt.Sprintf("f%02d.md", i)
			text = "# Heading " + text
		case 2:
			text = "\xef\xbb\xbf" + text // BOM
		case 3:
			text = strings.ReplaceAll(text, "words", "w\xe9rds") // Windows-1252
		case 4:
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		files[name] = text
	}
	root := writeTree(t, files)
	c, err := Load([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != len(files) {
		t.Fatalf("loaded %d documents, want %d", len(c.Docs), len(files))
	}
	for _, d := range c.Docs {
		alone := Parse(d.Path, []byte(files[d.Path]))
		if d.Title != alone.Title || len(d.Paragraphs) != len(alone.Paragraphs) {
			t.Fatalf("%s: title %q, %d paragraphs; alone %q, %d", d.Path, d.Title, len(d.Paragraphs), alone.Title, len(alone.Paragraphs))
		}
		for i := range d.Paragraphs {
			if d.Paragraphs[i].Text != alone.Paragraphs[i].Text {
				t.Fatalf("%s paragraph %d = %q, alone %q", d.Path, i, d.Paragraphs[i].Text, alone.Paragraphs[i].Text)
			}
		}
	}
}

func TestLoadDuplicates(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "Alpha Title Here", "sub/b.txt": "Beta Title Here"})
	a := filepath.Join(root, "a.txt")
	t.Run("same file twice", func(t *testing.T) {
		c, err := Load([]string{a, a}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Docs) != 1 {
			t.Errorf("loaded %d docs, want 1: %q", len(c.Docs), docPaths(c))
		}
		if len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0].Reason, "same file") {
			t.Errorf("skipped = %v, want one \"same file\"", c.Skipped)
		}
	})
	t.Run("same file by another spelling", func(t *testing.T) {
		c, err := Load([]string{a, filepath.Join(root, "sub", "..", "a.txt")}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Docs) != 1 {
			t.Errorf("loaded %d docs, want 1", len(c.Docs))
		}
	})
	t.Run("directory and a file inside it", func(t *testing.T) {
		c, err := Load([]string{root, a}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := docPaths(c), []string{"a.txt", "sub/b.txt"}; !reflect.DeepEqual(got, want) {
			t.Errorf("documents = %q, want %q", got, want)
		}
	})
	t.Run("same directory twice", func(t *testing.T) {
		c, err := Load([]string{root, root}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Docs) != 2 {
			t.Errorf("loaded %d docs, want 2", len(c.Docs))
		}
		if len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0].Reason, "already visited") {
			t.Errorf("skipped = %v", c.Skipped)
		}
	})
}

// Two arguments may hold files with the same relative path; they are
// different documents and must not share an ID.
func TestLoadUniqueIDs(t *testing.T) {
	root := writeTree(t, map[string]string{"x/a.txt": "From X Folder", "y/a.txt": "From Y Folder"})
	c, err := Load([]string{filepath.Join(root, "x"), filepath.Join(root, "y")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 2 {
		t.Fatalf("loaded %d docs, want 2", len(c.Docs))
	}
	if c.Docs[0].ID == c.Docs[1].ID {
		t.Errorf("documents %q (from %q) and %q (from %q) share ID %s: stableID hashes only the path relative to its argument",
			c.Docs[0].Path, c.Docs[0].Title, c.Docs[1].Path, c.Docs[1].Title, c.Docs[0].ID)
	}
}

func TestLoadFileArgumentWithBadExtension(t *testing.T) {
	root := writeTree(t, map[string]string{"a.pdf": "x", "b.txt": "Bee Title Here"})
	c, err := Load([]string{filepath.Join(root, "a.pdf"), filepath.Join(root, "b.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || len(c.Skipped) != 1 || c.Skipped[0].Reason != "unsupported extension" {
		t.Errorf("docs %q skipped %v", docPaths(c), c.Skipped)
	}
}

func TestHumanBytes(t *testing.T) {
	tests := map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB", 256 << 20: "256.0 MiB", 3 << 30: "3.0 GiB"}
	for n, want := range tests {
		if got := humanBytes(n); got != want {
			t.Errorf("humanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// A plan can be loaded again (a reload): the second load finds the same
// documents with the same terms, although the first dropped the table
// of word forms its workers shared.
func TestLoadTwice(t *testing.T) {
	p, err := Walk([]string{"../testdata/events"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, err := p.Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.Load(Options{})
	if err != nil {
		t.Fatalf("second load: %v", err)
	}
	if len(second.Docs) != len(first.Docs) || len(second.Skipped) != len(first.Skipped) {
		t.Fatalf("second load: %d documents, %d skipped; first %d, %d", len(second.Docs), len(second.Skipped), len(first.Docs), len(first.Skipped))
	}
	for i := range first.Docs {
		if a, b := first.Model.Docs[i].Tokens, second.Model.Docs[i].Tokens; a != b {
			t.Errorf("%s: %d terms counted, then %d", first.Docs[i].Path, a, b)
		}
	}
}

// Loading takes word counts from the indexer's tokens; they must be what
// counting the text gives, for every format, with boilerplate (which the
// indexer does not tokenize), web addresses, possessives and accents.
func TestLoadedWordCountsMatchTheText(t *testing.T) {
	ad := "Subscribe to our newsletter at https://example.org/news today!"
	root := writeTree(t, map[string]string{
		"a.txt":   "Harbour’s strike — day 3\n\n" + ad + "\n\n“Quoted,” she said (twice): 4,200 U.S. workers.\n\n" + ad + "\n\nCafe\u0301 owners agreed.\n\n" + ad,
		"b.md":    "# A heading\n\n- a list item with *emphasis*\n- see [the site](https://example.org)\n\n> A quote, with www.example.com in it.",
		"c.jsonl": `{"title": "T", "text": "First record: 12 ships."}` + "\n" + `{"text": "Second record, with https://x.org/y and more."}` + "\n",
		"d.html":  "<html><head><title>Page</title></head><body><p>One para with a <a href='https://z.org'>link</a>.</p><p>Another one.</p></body></html>",
	})
	c, err := Load([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 5 {
		t.Fatalf("%d documents, want 5 (skipped: %v)", len(c.Docs), c.Skipped)
	}
	for _, d := range c.Docs {
		if want := d.countWords(); d.Words != want || want == 0 {
			t.Errorf("%s: Words = %d, the text has %d", d.Path, d.Words, want)
		}
	}
}

func TestJoinCleanIsJoin(t *testing.T) {
	for _, dir := range []string{"", ".", "..", "/", "a", "a/b", "/a/b", "../a", "./a/"} {
		dir = filepath.Clean(dir) // joinClean is for clean folders (on Windows, a/b is not)
		for _, name := range []string{"x.txt", ".hidden", "a b", "é.md"} {
			if got, want := joinClean(dir, name), filepath.Join(dir, name); got != want {
				t.Errorf("joinClean(%q, %q) = %q, filepath.Join gives %q", dir, name, got, want)
			}
		}
	}
}

// The records of a JSON Lines file are indexed in batches shared by the
// workers (see Load): every record must be indexed once, in order, with
// its words counted and its terms in the corpus statistics, and the file
// reported done once, when its last batch is.
func TestRecordsAreIndexedInBatches(t *testing.T) {
	const records = 120 // of about 6 KB: several batches
	var jsonl strings.Builder
	filler := strings.Repeat("The harbour authority said the ferries would run again next week. ", 90)
	for i := 1; i <= records; i++ {
		fmt.Fprintf(&jsonl, `{"title": "Record %d", "text": "Record %d mentions uniq%dword. %s"}`+"\n", i, i, i, filler)
	}
	root := writeTree(t, map[string]string{
		"a.txt":      "A plain file\n\nThe harbour was quiet.",
		"wire.jsonl": jsonl.String(),
		"z.json":     `[{"title": "Last", "text": "The harbour closed."}, {"title": "After", "text": "It opened."}]`,
	})
	var log progressLog
	c, err := Load([]string{root}, Options{Progress: log.record})
	if err != nil {
		t.Fatal(err)
	}
	progress := log.reports
	if c.Len() != records+3 {
		t.Fatalf("%d documents, want %d", c.Len(), records+3)
	}
	for i, d := range c.Docs[1 : records+1] {
		if want := fmt.Sprintf("Record %d", i+1); d.Title != want || d.Path != fmt.Sprintf("wire.jsonl:%d", i+1) {
			t.Fatalf("document %d is %q (%s), want %q", i+1, d.Title, d.Path, want)
		}
		if want := d.countWords(); d.Words != want {
			t.Errorf("%s: %d words, want %d", d.Path, d.Words, want)
		}
	}
	freq := func(word string) int32 { id, _ := c.Model.TermID(word); return c.Model.DocFreq[id] }
	if got := freq("harbour"); got != records+2 {
		t.Errorf("harbour is in %d documents, want %d", got, records+2)
	}
	if got := freq("uniq77word"); got != 1 {
		t.Errorf("uniq77word is in %d documents, want 1", got)
	}
	if got := c.Model.Related(c.Docs[5].Index, 1); len(got) != 1 {
		t.Errorf("no related document for a record: %v", got)
	}
	// Progress moves with every batch and counts each file once, when
	// its last batch is done.
	slices.SortFunc(progress, func(a, b Progress) int { return cmp.Compare(a.Bytes, b.Bytes) })
	var dones []int
	for k, p := range progress {
		if p.Total != 3 || k > 0 && p.Done < progress[k-1].Done {
			t.Fatalf("progress %v: not one count of 3 files, growing with the bytes", progress)
		}
		if k == 0 || p.Done > progress[k-1].Done {
			dones = append(dones, p.Done)
		}
	}
	if len(progress) < 5 || !slices.Equal(dones, []int{1, 2, 3}) {
		t.Errorf("progress %v: want a call per batch (at least 5), and files done 1, 2, 3", progress)
	}

	// The reader reads the first file before loading the rest: that file
	// counts when it is indexed, like the others. Here it is the JSON
	// Lines file, and another holds no record.
	root = writeTree(t, map[string]string{"a.jsonl": jsonl.String(), "b.jsonl": "\n{broken\n"})
	plan, err := Walk([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.First(); err != nil {
		t.Fatal(err)
	}
	var afterFirst progressLog
	if c, err = plan.Load(Options{Progress: afterFirst.record}); err != nil || c.Len() != records {
		t.Fatalf("after First: %v, %d documents", err, c.Len())
	}
	progress = afterFirst.reports
	last := slices.MaxFunc(progress, func(a, b Progress) int { return cmp.Compare(a.Bytes, b.Bytes) })
	if len(progress) < 3 || last.Done != 2 || last.Total != 2 {
		t.Errorf("after First: progress %v, want a call per batch ending at 2 of 2 files", progress)
	}
}

// A JSON Lines file read whole on one goroutine (safeParse) gives the
// documents and skipped lines that Load's batches give, and First stops at
// its first document (after the lines it skipped) and hands it to Load.
func TestJSONLinesReadWholeOrFirst(t *testing.T) {
	var jsonl strings.Builder
	jsonl.WriteString("{broken\n\n")
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&jsonl, `{"title": "Record %d", "text": "%s"}`+"\n", i, strings.Repeat("The harbour reopened. ", 150))
	}
	root := writeTree(t, map[string]string{"wire.jsonl": jsonl.String()})
	loaded, err := Load([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Walk([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	whole := safeParse(plan.sources[0], formats.Fields{}, nil)
	if len(whole.docs) != loaded.Len() || whole.docs[199].Path != loaded.Docs[199].Path || whole.docs[199].Words != loaded.Docs[199].Words {
		t.Errorf("read whole: %d documents, want %d like Load", len(whole.docs), loaded.Len())
	}
	if !reflect.DeepEqual(whole.skips, loaded.Skipped) || len(whole.skips) != 1 || whole.skips[0].Path != "wire.jsonl:1" {
		t.Errorf("read whole: skipped %v, Load skipped %v", whole.skips, loaded.Skipped)
	}
	first, err := plan.First()
	if err != nil || first.Title != "Record 1" {
		t.Fatalf("First: %v, %v", first, err)
	}
	c, err := plan.Load(Options{})
	if err != nil || c.Len() != 200 || c.Docs[0] != first || len(c.Skipped) != 1 {
		t.Errorf("Load after First: %v, %d documents, first the same: %v, skipped %v", err, c.Len(), c.Docs[0] == first, c.Skipped)
	}

	// A JSON Lines file without a document, before the first that has
	// one: First reads it whole, and Load does not read it again.
	root = writeTree(t, map[string]string{"a.jsonl": "{bad\n{\"title\": \"no text\"}\n", "b.txt": "Plain Title\n\nSome text."})
	if plan, err = Walk([]string{root}, Options{}); err != nil {
		t.Fatal(err)
	}
	if first, err = plan.First(); err != nil || first.Title != "Plain Title" {
		t.Fatalf("First: %v, %v", first, err)
	}
	c, err = plan.Load(Options{})
	if err != nil || c.Len() != 1 || c.Docs[0] != first || len(c.Skipped) != 2 || c.Skipped[0].Path != "a.jsonl:1" || c.Skipped[1].Path != "a.jsonl:2" {
		t.Errorf("Load after First: %v, %d documents, skipped %v", err, c.Len(), c.Skipped)
	}
}
