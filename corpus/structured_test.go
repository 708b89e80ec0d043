package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/corpus/formats"
)

func TestLoadStructuredFormats(t *testing.T) {
	c, err := Load([]string{"formats/testdata", "../testdata/formats"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*Document{}
	for _, d := range c.Docs {
		byPath[d.Path] = d
	}
	// JSON Lines: one document per line, named by line; the malformed line
	// and the record without text are skipped with their line numbers.
	if d := byPath["testdata/wire.jsonl:1"]; d == nil || d.Source == "" || d.Date == "" {
		t.Errorf("wire.jsonl:1 = %+v", d)
	}
	reasons := map[string]string{}
	for _, s := range c.Skipped {
		reasons[s.Path] = s.Reason
	}
	if !strings.Contains(reasons["testdata/wire.jsonl:6"], "malformed JSON") || !strings.Contains(reasons["testdata/wire.jsonl:9"], "no text field") {
		t.Errorf("skipped = %v", reasons)
	}
	// A timestamp becomes a date.
	if d := byPath["testdata/wire.jsonl:3"]; d == nil || !strings.HasPrefix(d.Date, "2033-") {
		t.Errorf("numeric date not read as a timestamp: %+v", d)
	}
	// JSON: elements by position; paragraphs from a list.
	if d := byPath["testdata/archive.json#3"]; d == nil || len(d.Paragraphs) < 2 {
		t.Errorf("archive.json#3 = %+v", d)
	}
	// HTML: the article, not the page furniture.
	page := byPath["testdata/page.html"]
	if page == nil || page.Source == "" || page.URL == "" {
		t.Fatalf("page.html = %+v", page)
	}
	for _, p := range page.Paragraphs {
		if strings.Contains(strings.ToLower(p.Text), "cookie") || strings.Contains(p.Text, "function(") {
			t.Errorf("page furniture left in the text: %q", p.Text)
		}
	}
	// Markdown: front matter is metadata, markup becomes kinds and marks.
	md := byPath["formats/briefing.md"]
	if md == nil || md.Title != "Council briefing: what the tram vote means" || md.Source != "Halden Ledger" || md.Date != "2026-03-14" {
		t.Fatalf("briefing.md = %+v", md)
	}
	var kinds []ParaKind
	links, strong := 0, false
	for _, p := range md.Paragraphs {
		kinds = append(kinds, p.Kind)
		if strings.ContainsAny(p.Text, "*#`") && p.Kind != ParaCode {
			t.Errorf("markup left in %q", p.Text)
		}
		for _, mk := range p.Marks {
			if mk.Kind == MarkLink {
				links++
			}
			if mk.Kind == MarkStrong && p.Text[mk.Start:mk.End] == "27–22" {
				strong = true
			}
		}
	}
	for _, want := range []ParaKind{ParaHeading, ParaListItem, ParaQuote, ParaCode} {
		found := false
		for _, k := range kinds {
			found = found || k == want
		}
		if !found {
			t.Errorf("no paragraph of kind %d in %v", want, kinds)
		}
	}
	if links < 3 || !strong {
		t.Errorf("links %d, strong 27–22 %v", links, strong)
	}
	if last := md.Paragraphs[len(md.Paragraphs)-1].Text; !strings.HasPrefix(last, "[") || !strings.Contains(last, "https://") {
		t.Errorf("link targets are not listed at the end: %q", last)
	}
}

func TestFieldFlagsOverrideDetection(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.jsonl"), []byte(`{"headline":"Wrong","hed":"Right title","txt":"Body here.","pub":"Outlet"}`+"\n"), 0o644)
	c, err := Load([]string{dir}, Options{Fields: formats.Fields{Title: "hed", Text: "txt", Source: "pub"}})
	if err != nil {
		t.Fatal(err)
	}
	if d := c.Docs[0]; d.Title != "Right title" || d.Source != "Outlet" || d.Paragraphs[0].Text != "Body here." {
		t.Errorf("doc = %+v", d)
	}
}

// A JSON Lines file with many lines loads every line as a document,
// streaming (each line is read and dropped).
func TestManyLinesJSONL(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&b, `{"title":"Story %d","text":"Paragraph one of story %d.\n\nParagraph two.","source":"Outlet %d"}`+"\n", i, i, i%7)
	}
	os.WriteFile(filepath.Join(dir, "many.jsonl"), []byte(b.String()), 0o644)
	c, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 20000 || c.Docs[19999].Path != "many.jsonl:20000" || len(c.Docs[5].Paragraphs) != 2 {
		t.Errorf("%d docs, last %q", len(c.Docs), c.Docs[len(c.Docs)-1].Path)
	}
}

// Numeric dates of 9 or 10 digits are seconds, of 13 milliseconds, and
// so are the same values written with a fraction or an exponent.
func TestReadableDate(t *testing.T) {
	for in, want := range map[string]string{
		"1700000000":    "2023-11-14T22:13:20Z",
		"1700000000000": "2023-11-14T22:13:20Z",
		"1700000000.5":  "2023-11-14T22:13:20Z",
		"1.7e9":         "2023-11-14T22:13:20Z",
		"1.7E12":        "2023-11-14T22:13:20Z",
		"2026":          "2026",
		"2026.5":        "2026.5",
		"12345678901":   "12345678901", // 11 digits: neither
		"NaN":           "NaN",
		"Inf":           "Inf",
		"0x1p30":        "0x1p30",
		"2026-01-02":    "2026-01-02",
	} {
		if got := readableDate(in); got != want {
			t.Errorf("readableDate(%q) = %q, want %q", in, got, want)
		}
	}
}
