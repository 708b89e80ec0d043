package words

import (
	"io/fs"
	"testing"

	"github.com/kljensen/snowball/english"

	"parallax/corpus/sample"
)

// The stemmer was swapped for a faster one (blevesearch/snowballstem):
// every word of the sample corpus must keep the stem that kljensen's
// Porter2 gave it, or saved marks and the terms people have seen would
// shift.
func TestStemMatchesKljensenPorter2(t *testing.T) {
	files, err := fs.Glob(sample.FS, "*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("sample corpus: %v, %d files", err, len(files))
	}
	checked := 0
	for _, name := range files {
		text, err := fs.ReadFile(sample.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range Tokenize(string(text)) {
			if tok.Stem == "" || tok.Stem == tok.Lower && !isASCII(tok.Lower) {
				continue
			}
			if want := stemOrKeep(tok.Lower); tok.Stem != want {
				t.Errorf("%s: %q stems to %q, kljensen/snowball says %q", name, tok.Lower, tok.Stem, want)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d words checked", checked)
	}
}

// stemOrKeep is stem with kljensen's stemmer in place of the new one.
func stemOrKeep(lower string) string {
	for i := 0; i < len(lower); i++ {
		if c := lower[i]; c == '.' || c == ',' || c-'0' < 10 {
			return lower
		}
	}
	return english.Stem(lower, false)
}
