package corpus

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parallax/corpus/words"
)

// sentence builds a line of about n cells made of words and ending with end.
func sentence(n int, end string) string {
	var b strings.Builder
	words := []string{"The", "council", "met", "on", "Tuesday", "to", "discuss", "repairs", "of", "the", "old", "bridge"}
	for i := 0; b.Len() < n-len(end); i++ {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()[:n-len(end)] + end
}

func TestNormalize(t *testing.T) {
	long1 := sentence(120, ".")
	long2 := sentence(130, "!")
	long3 := sentence(110, `."`)
	longOpen := sentence(120, " and") // long but not the end of a sentence
	exactly100 := sentence(100, ".")
	heading60 := strings.Repeat("H", 60)
	heading61 := strings.Repeat("H", 61)
	// 51 double-width characters and a full stop: 103 cells, 52 runes,
	// 154 bytes. Only a display-width measure calls it long.
	wideLong := strings.Repeat("日", 51) + "."
	wideShort := strings.Repeat("日", 40) + "." // 81 cells, 121 bytes

	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"only blank lines", "\n \n\t\n\r\n", nil},
		{"CRLF", "one\r\ntwo\r\n", []string{"one\ntwo"}},
		{"lone CR", "one\rtwo\rthree", []string{"one\ntwo\nthree"}},
		{"CR CR is a paragraph break", "one\r\rtwo", []string{"one", "two"}},
		{"CRLF paragraph break", "one\r\n\r\ntwo", []string{"one", "two"}},
		{"mixed line ends", "a\r\nb\rc\nd", []string{"a\nb\nc\nd"}},
		{"tab at start", "\tx", []string{"    x"}},
		{"tab after 2", "ab\tx", []string{"ab  x"}},
		{"tab after 3", "abc\tx", []string{"abc x"}},
		{"tab after 4 goes to next stop", "abcd\tx", []string{"abcd    x"}},
		{"two tabs", "a\tb\tc", []string{"a   b   c"}},
		// Display width, not bytes or runes: 日本 is four cells wide, so
		// the tab goes to column 8; 日 is two cells, so to column 4.
		{"tab after wide pair", "日本\tx", []string{"日本    x"}},
		{"tab after one wide", "日\tx", []string{"日  x"}},
		{"tab after two-byte rune", "é\tx", []string{"é   x"}},
		{"tab after combining mark", "e\u0301\tx", []string{"e\u0301   x"}},
		{"trailing spaces and tabs", "hello  \t \nworld \t", []string{"hello\nworld"}},
		{"trailing no-break space", "hello\u00a0\u00a0", []string{"hello"}},
		{"leading indent kept", "  indented", []string{"  indented"}},
		{"blank run is one break", "p1\n\n\n\np2", []string{"p1", "p2"}},
		{"white-space-only lines are blank", "p1\n   \n\t\t\n \u00a0 \np2", []string{"p1", "p2"}},
		{"leading and trailing blanks", "\n\n\np1\n\n\n", []string{"p1"}},
		{"byline kept as written", "By Jane Doe\nStaff Writer\nMarch 3, 2024", []string{"By Jane Doe\nStaff Writer\nMarch 3, 2024"}},
		{"hard-wrapped prose stays one paragraph",
			"It was a cold morning in the valley when the gates failed,\nand the water rose faster than anyone had expected it to.\nBy noon the lower town was under a metre of water.",
			[]string{"It was a cold morning in the valley when the gates failed,\nand the water rose faster than anyone had expected it to.\nBy noon the lower town was under a metre of water."}},
		{"one paragraph per line", long1 + "\n" + long2 + "\n" + long3, []string{long1, long2, long3}},
		{"long line not ending a sentence joins the next", longOpen + "\nthe rest.", []string{longOpen + "\nthe rest."}},
		{"line of exactly 100 cells is not long", exactly100 + "\n" + exactly100, []string{exactly100 + "\n" + exactly100}},
		{"short heading before long line", "Short Heading\n" + long1, []string{"Short Heading", long1}},
		{"heading of 60 cells splits", heading60 + "\n" + long1, []string{heading60, long1}},
		{"line of 61 cells is not a heading", heading61 + "\n" + long1, []string{heading61 + "\n" + long1}},
		{"byline then heading then prose",
			"By Jane Doe\nStaff Writer\n\nThe Flood\n" + long1 + "\n" + long2,
			[]string{"By Jane Doe\nStaff Writer", "The Flood", long1, long2}},
		{"short line before short line stays", "Heading\nshort text", []string{"Heading\nshort text"}},
		{"width in cells: wide long line", wideLong + "\n" + wideLong, []string{wideLong, wideLong}},
		{"width in cells: wide short lines", wideShort + "\n" + wideShort, []string{wideShort + "\n" + wideShort}},
		{"sanitized on the way", "a\x1b[2Jb\n\n\u202eevil", []string{"a␛[2Jb", "<U+202E>evil"}},
		{"form feed is shown, not a break", "a\fb", []string{"a␌b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			for _, p := range got {
				checkSafe(t, "paragraph", p, "\n")
			}
		})
	}
}

func TestNormalizeInvariants(t *testing.T) {
	in := "\ufeff\t# Title\r\n\r\n\x1b]52;c;aGk=\x07 text\u200b\r\r\rmore\t \n\x9b31m\u0085\n\u2028x"
	for _, p := range Normalize(in) {
		checkSafe(t, "paragraph", p, "\n")
		if strings.TrimSpace(p) == "" {
			t.Errorf("blank paragraph %q", p)
		}
		if strings.Contains(p, "\n\n") {
			t.Errorf("paragraph holds a blank line: %q", p)
		}
		for _, l := range strings.Split(p, "\n") {
			if l != strings.TrimRight(l, " \t\u00a0") {
				t.Errorf("line keeps trailing white space: %q", l)
			}
		}
	}
}

func TestParseStripsBOM(t *testing.T) {
	doc := Parse("bom.txt", []byte("\xef\xbb\xbfHello World\n\nBody text."))
	if len(doc.Paragraphs) != 2 || doc.Paragraphs[0].Text != "Hello World" {
		t.Fatalf("paragraphs = %+v, want BOM stripped and two paragraphs", doc.Paragraphs)
	}
	if doc.Title != "Hello World" {
		t.Errorf("title = %q, want %q", doc.Title, "Hello World")
	}
	if doc.Encoding != "utf-8" {
		t.Errorf("encoding = %q, want utf-8", doc.Encoding)
	}
	if doc.Words != 4 {
		t.Errorf("words = %d, want 4", doc.Words)
	}
}

func TestParseDocument(t *testing.T) {
	raw := []byte("A Headline Here\r\n\r\nFirst para.\r\n\r\n\x1b[31mred\r\n")
	doc := Parse("dir/evil\x1b[2J.txt", raw)
	if want := []string{"A Headline Here", "First para.", "␛[31mred"}; !reflect.DeepEqual(texts(doc), want) {
		t.Errorf("paragraphs = %q, want %q", texts(doc), want)
	}
	if doc.Path != "dir/evil␛[2J.txt" {
		t.Errorf("path = %q", doc.Path)
	}
	if doc.ID != stableID("dir/evil\x1b[2J.txt") || len(doc.ID) != 16 {
		t.Errorf("id = %q, not the stable id of the path", doc.ID)
	}
	if again := Parse("dir/evil\x1b[2J.txt", []byte("other")); again.ID != doc.ID {
		t.Errorf("id depends on content: %q vs %q", again.ID, doc.ID)
	}
	if other := Parse("dir/other.txt", raw); other.ID == doc.ID {
		t.Errorf("different paths share id %q", doc.ID)
	}
}

func texts(d *Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		paras []string
		want  int
	}{
		{[]string{"one two  three", "four\nfive\u00a0six", "  "}, 6},
		{[]string{"# Title — done!", "- a-b (c) ... 4,200"}, 5},
		{[]string{"“Quoted,” she said.", "é ü", "日本 語"}, 7},
		{[]string{"x", "y"}, 2}, // a word at the end of one paragraph ends there
	} {
		if n := countWords(c.paras); n != c.want {
			t.Errorf("countWords(%q) = %d, want %d", c.paras, n, c.want)
		}
	}
}

// Widths stop being counted at the limit; combining accents take no cell,
// so a line of decomposed letters with wide characters after the limit
// is still measured right: 55 letters and two CJK characters, 59 cells.
func TestDisplayWidthWithAccentsAndWideCharacters(t *testing.T) {
	line := strings.Repeat("e\u0301", 55) + "中文"
	if got := displayWidth(line, longLine+1); got != 59 {
		t.Errorf("displayWidth = %d, want 59", got)
	}
	if got := displayWidth(strings.Repeat("x", 500), longLine+1); got < longLine+1 {
		t.Errorf("a 500-cell line measured %d, under the limit", got)
	}
}

// countWordsByRune is countWords one rune at a time, the reference for
// its 8-byte path.
func countWordsByRune(paras []string) int {
	n := 0
	for _, p := range paras {
		counted := false
		for _, r := range p {
			switch {
			case r == ' ' || r == '\n' || r >= utf8.RuneSelf && unicode.IsSpace(r):
				counted = false
			case !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				n++
				counted = true
			}
		}
	}
	return n
}

// Random texts of the bytes that matter to counting (letters, digits,
// spaces, punctuation inside and around words, tabs, accented letters,
// curly quotes) are counted the same 8 bytes at a time as rune by rune.
func TestCountWordsMatchesRuneByRune(t *testing.T) {
	pieces := []string{"a", "Z", "5", " ", "\n", ",", ".", "\"", "-", "\t", "é", "’", "“", "\u00a0", "(", "#"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		paras := []string{b.String()}
		if got, want := countWords(paras), countWordsByRune(paras); got != want {
			t.Fatalf("countWords(%q) = %d, rune by rune %d", paras[0], got, want)
		}
	}
}

// countWordsByTokens counts a paragraph's words the way the indexer does:
// from words.Scan's tokens and the text between them.
func countWordsByTokens(p string) int {
	var w wordCounter
	prev := 0
	words.Scan(p, func(start, end int) {
		w.between(p[prev:start])
		w.token(p[start:end])
		prev = end
	})
	w.between(p[prev:])
	w.end()
	return w.n
}

// Counting from the tokens gives countWords' count on texts of the
// pieces that matter: words, spaces, punctuation inside and around
// words, web addresses (which Scan skips), initials, possessives,
// combining accents alone, curly quotes and other spaces.
func TestCountWordsByTokensMatchesCountWords(t *testing.T) {
	pieces := []string{"a", "Z", "5", " ", "\n", ",", ".", "'s", "’s", "\"", "-", "\t", "é", "\u0301", "“", "\u00a0", "(", "#", "U.S.", "https://x.org/a", "www.b.com", "4,200", "日本"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		p := b.String()
		if got, want := countWordsByTokens(p), countWords([]string{p}); got != want {
			t.Fatalf("%q: %d words by tokens, countWords %d", p, got, want)
		}
	}
}
