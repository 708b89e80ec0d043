package corpus

import (
	"encoding/binary"
	"github.com/charmbracelet/x/ansi"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var hostileSeeds = []string{
	"",
	"Plain Headline Here\n\nBody text.",
	"\x1b[31mred\x1b[0m\x1b[2J\x1b[H",
	"\x1b]52;c;ZWNobyBoaQ==\x07",
	"\x1b]8;;http://example.com\x1b\\link\x1b]8;;\x1b\\",
	"\x1bP+q544e\x1b\\ \x1b_apc\x1b\\ \x9b31m \u009b31m \u0085",
	"abc\u202edcba \u2066x\u2069 \u061c \u200b\u200d\u200e\ufeff",
	"👩\u200d💻 a\u200db \u200d",
	"line\r\nline\rline\n\r\n\r\r\n",
	"caf\xe9 \x93q\x94 \x81 \xff\xfe",
	"\xff\xfeH\x00i\x00",
	"\t日本\tx\t\n# Title #\n",
	"The U.S. Army. Mr. J. Smith went home. " + strings.Repeat("word ", 40),
}

// checkParagraphs is what every Normalize result must satisfy.
func checkParagraphs(t *testing.T, paras []string) {
	t.Helper()
	for _, p := range paras {
		checkSafe(t, "paragraph", p, "\n")
		if strings.ContainsAny(p, "\r\t") {
			t.Fatalf("paragraph holds CR or tab: %q", p)
		}
		if strings.TrimSpace(p) == "" {
			t.Fatalf("blank paragraph %q", p)
		}
		for _, l := range strings.Split(p, "\n") {
			if strings.TrimSpace(l) == "" {
				t.Fatalf("paragraph holds a blank line: %q", p)
			}
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		paras := Normalize(s)
		checkParagraphs(t, paras)
		// Normalized text is a fixed point.
		if again := Normalize(strings.Join(paras, "\n\n")); !slices.Equal(again, paras) {
			t.Fatalf("Normalize not idempotent on %q:\n%q\n%q", s, paras, again)
		}
		text := SanitizeText(s)
		checkSafe(t, "SanitizeText", text, "\n\t")
		if SanitizeText(text) != text {
			t.Fatalf("SanitizeText not idempotent on %q", s)
		}
	})
}

func FuzzSanitizeName(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name := SanitizeName(s)
		if strings.ContainsAny(name, "\n\r\t") {
			t.Fatalf("SanitizeName(%q) = %q spans lines", s, name)
		}
		checkSafe(t, "SanitizeName", name, "")
		if utf8.ValidString(s) && s != "" && name == "" && strings.Trim(s, "\u00ad") != "" {
			t.Fatalf("SanitizeName(%q) is empty", s)
		}
	})
}

func FuzzTitle(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s, "dir/name.txt")
	}
	f.Add("", "")
	f.Add("123\n\n456", "evil\x1b[2J\n.txt")
	f.Fuzz(func(t *testing.T, text, path string) {
		paras := Normalize(text)
		title := Title(paras, path)
		if title == "" {
			t.Fatalf("empty title for %q, %q", paras, path)
		}
		if strings.ContainsAny(title, "\n\r") {
			t.Fatalf("title %q spans lines", title)
		}
		checkSafe(t, "title", title, "")
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add("a/b.txt", []byte(s))
	}
	u16 := []byte{0xfe, 0xff}
	for _, r := range "Title\r\n\r\n\x1b[31mBody\u202e" {
		u16 = binary.BigEndian.AppendUint16(u16, uint16(r))
	}
	f.Add("u16.txt", u16)
	f.Add("evil\x1b]0;pwned\x07.txt", []byte("\xef\xbb\xbf\x1b]0;pwned\x07"))
	f.Fuzz(func(t *testing.T, name string, raw []byte) {
		doc := Parse(name, raw)
		if doc.Encoding == "" || len(doc.ID) != 16 {
			t.Fatalf("encoding %q id %q", doc.Encoding, doc.ID)
		}
		if doc.Title == "" || strings.ContainsAny(doc.Title, "\n\r") {
			t.Fatalf("bad title %q", doc.Title)
		}
		checkSafe(t, "title", doc.Title, "")
		checkSafe(t, "path", doc.Path, "")
		texts := make([]string, len(doc.Paragraphs))
		for i, p := range doc.Paragraphs {
			texts[i] = p.Text
		}
		checkParagraphs(t, texts)
		if w := countWords(texts); w != doc.Words {
			t.Fatalf("Words = %d, paragraphs hold %d", doc.Words, w)
		}
		// Repeats: every folded paragraph has Total ≥ 3 equal copies, and
		// occurrences count up from 1 in order.
		seen := map[uint64]int{}
		for _, p := range doc.Paragraphs {
			if p.Repeat == nil {
				continue
			}
			k := repeatKey(p.Text)
			seen[k]++
			if p.Repeat.Total < minRepeats || p.Repeat.Occurrence != seen[k] || p.Repeat.Occurrence > p.Repeat.Total {
				t.Fatalf("bad repeat %+v for %q (occurrence %d seen)", *p.Repeat, p.Text, seen[k])
			}
		}
		for _, p := range doc.Paragraphs {
			if p.Repeat != nil && seen[repeatKey(p.Text)] != p.Repeat.Total {
				t.Fatalf("repeat total %d, found %d", p.Repeat.Total, seen[repeatKey(p.Text)])
			}
		}
	})
}

// countWords counts ASCII 8 bytes at a time; it must agree with counting
// rune by rune on any text.
func FuzzCountWords(f *testing.F) {
	f.Add("“Quoted,” she said (twice): 4,200 U.S. don't — a-b #tag\tx")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords([]string{s}), countWordsByRune([]string{s}); got != want {
			t.Fatalf("countWords(%q) = %d, rune by rune %d", s, got, want)
		}
	})
}

// displayWidth is exact below its limit and at least the limit above it,
// on sanitized text (what Normalize measures).
func FuzzDisplayWidth(f *testing.F) {
	f.Add("plain ASCII text that runs past eight bytes", 10)
	f.Add("e\u0301e\u0301 café 中文 ascii tail", 100)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		s = expandTabs(SanitizeText(s))
		if strings.Contains(s, "\n") || limit < 0 || limit > 1000 {
			return
		}
		got, want := displayWidth(s, limit), ansi.StringWidth(s)
		if want < limit && got != want || want >= limit && got < limit {
			t.Fatalf("displayWidth(%q, %d) = %d, width %d", s, limit, got, want)
		}
	})
}

// The indexer counts words from Scan's tokens; it must agree with
// countWords on any text.
func FuzzCountWordsByTokens(f *testing.F) {
	f.Add("“Quoted,” she said: see https://x.org/a_b (twice) — 4,200 U.S. don’t\u0301 a-b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWordsByTokens(s), countWords([]string{s}); got != want {
			t.Fatalf("%q: %d words by tokens, countWords %d", s, got, want)
		}
	})
}
