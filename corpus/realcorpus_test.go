package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"parallax/corpus/sample"
)

// sharedCorpus is the corpus of real scraped articles kept next to the
// repository; it is not part of it.
const sharedCorpus = "../../shared/corpus"

// hashName matches the file names of the shared corpus ("002_98b0…").
var hashName = regexp.MustCompile(`_[0-9a-f]{6,}|\.txt$`)

func TestSharedCorpus(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	c, err := Load([]string{sharedCorpus}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 3 || len(c.Skipped) != 0 {
		t.Fatalf("loaded %d docs (%q), skipped %v; want 3 and none", len(c.Docs), docPaths(c), c.Skipped)
	}
	var folded *Document
	for _, d := range c.Docs {
		checkTitle(t, d.Title)
		if hashName.MatchString(d.Title) {
			t.Errorf("%s is titled by its file name: %q", d.Path, d.Title)
		}
		if d.Words == 0 || d.Encoding == "" {
			t.Errorf("%s: words %d, encoding %q", d.Path, d.Words, d.Encoding)
		}
		for _, p := range d.Paragraphs {
			checkSafe(t, d.Path, p.Text, "\n")
		}
		if filepath.Base(d.Path) == "002_98b065850bd7aa70.txt" {
			folded = d
		}
	}
	if folded == nil {
		t.Fatal("002_98b065850bd7aa70.txt not loaded")
	}
	visible, hidden := 0, 0
	for _, p := range folded.Paragraphs {
		if !strings.HasPrefix(p.Text, "Learn to use AI like a Pro") {
			continue
		}
		if p.Repeat == nil {
			t.Fatalf("repeated block not folded: %.40q", p.Text)
		}
		if p.Repeat.Total != 7 {
			t.Errorf("Repeat.Total = %d, want 7", p.Repeat.Total)
		}
		if p.Hidden() {
			hidden++
			if p.Repeat.Occurrence != hidden+1 {
				t.Errorf("hidden occurrence %d, want %d", p.Repeat.Occurrence, hidden+1)
			}
		} else {
			visible++
			if p.Repeat.Occurrence != 1 || hidden != 0 {
				t.Errorf("visible occurrence %d after %d hidden, want the first", p.Repeat.Occurrence, hidden)
			}
		}
	}
	if visible != 1 || hidden != 6 {
		t.Errorf("\"Learn to use AI like a Pro\": %d visible, %d hidden; want 1 and 6", visible, hidden)
	}
}

func TestLoadFSSample(t *testing.T) {
	c, err := LoadFS(sample.FS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 5 || len(c.Skipped) != 0 {
		t.Fatalf("sample: %d docs, skipped %v; want 5", len(c.Docs), c.Skipped)
	}
	for i, d := range c.Docs {
		if d.Index != i {
			t.Errorf("%s: Index %d, want %d", d.Path, d.Index, i)
		}
		checkTitle(t, d.Title)
		if strings.HasSuffix(d.Title, ".txt") {
			t.Errorf("%s titled by its file name", d.Path)
		}
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"b/one.md":  {Data: []byte("# One Title\n\nText.")},
		"a.txt":     {Data: []byte("Ay Title Here")},
		"pic.jpg":   {Data: []byte("x")},
		"empty.txt": {Data: nil},
		"bin.text":  {Data: []byte("\x00\x01\x02")},
	}
	c, err := LoadFS(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := docPaths(c), []string{"a.txt", "b/one.md"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("documents = %q, want %q", got, want)
	}
	reasons := skipReasons(c)
	if reasons["pic.jpg"] != "unsupported extension" || reasons["empty.txt"] != "empty" || reasons["bin.text"] != "binary" {
		t.Errorf("skipped = %v", reasons)
	}
	if _, err := LoadFS(fstest.MapFS{"x.png": {Data: []byte("x")}}, Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("LoadFS of nothing loadable: err = %v, want ErrEmpty", err)
	}
}

// The lens chooser says how often each name is mentioned; choosing it
// must show as many mentions. On the real articles the counts differed
// by the names in their title-case headings, which only the lens counted.
func TestSharedCorpusNameCountsAgree(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	c, err := Load([]string{sharedCorpus}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNameCountsAgree(t, c, 1000)
}

func TestSampleNameCountsAgree(t *testing.T) {
	c, err := LoadFS(sample.FS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNameCountsAgree(t, c, 1000)
}

// checkNameCountsAgree compares the vocabulary's counts of its n most
// mentioned names with what the lens finds in each document.
func checkNameCountsAgree(t *testing.T, c *Corpus, n int) {
	t.Helper()
	checked := 0
	for _, e := range c.Model.Vocabulary() {
		if !e.Name || checked == n {
			continue
		}
		checked++
		l, lensTotal := e.Lens(), 0
		for _, d := range c.Docs {
			lensTotal += c.Model.Mentions(l, d)
		}
		if lensTotal != e.Mentions {
			t.Errorf("%q: the chooser says %d mentions, the lens finds %d", e.Label, e.Mentions, lensTotal)
		}
	}
}
