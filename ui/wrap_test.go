package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parallax/corpus"

	"github.com/charmbracelet/x/ansi"
)

// wrapWidthBug is the one known defect of wrapLine: ansi.Wrap (x/ansi
// v0.11.9) sometimes returns rows wider than the limit — at a hyphen or
// a space before one ("(Meridian) - About" at 29, "a-b-c-d" at 3), and
// at tiny widths after leading spaces or wide characters ("   l",
// "🌊 w" at 1) — and wrapLine keeps them. The renderer then truncates
// the row, so its end never reaches the screen.
const wrapWidthBug = "wrapLine returned a row wider than the width: "

// checkWrapLine checks the rows wrapLine returns for text at width: in
// order, not overlapping, only white space between them, together
// holding every non-space character of the text. It returns, rather than
// reports, the first row wider than width (a single grapheme wider than
// the row is allowed alone), so callers can tell the known bug apart.
func checkWrapLine(t *testing.T, text string, width int) (rows [][2]int, tooWide string) {
	t.Helper()
	rows = wrapLine(text, width)
	if len(rows) == 0 {
		t.Fatalf("wrapLine(%.40q, %d) returned no row", text, width)
	}
	short := text
	if len(short) > 60 {
		short = short[:60] + "…"
	}
	pos := 0
	var joined strings.Builder
	for i, r := range rows {
		if r[0] < pos || r[1] < r[0] || r[1] > len(text) {
			t.Fatalf("wrapLine(%q, %d): row %d %v out of order (previous end %d, len %d)", short, width, i, r, pos, len(text))
		}
		if gap := text[pos:r[0]]; strings.TrimSpace(gap) != "" {
			t.Fatalf("wrapLine(%q, %d): text dropped before row %d: %q", short, width, i, gap)
		}
		row := text[r[0]:r[1]]
		if !utf8.ValidString(row) && utf8.ValidString(text) {
			t.Fatalf("wrapLine(%q, %d): row %d cuts a character: %q", short, width, i, row)
		}
		if w := ansi.StringWidth(row); w > width && tooWide == "" {
			if g, _ := grapheme(row); len(g) != len(row) || ansi.StringWidth(g) <= width {
				tooWide = fmt.Sprintf("wrapLine(%q, %d): row %d is %d cells wide: %q", short, width, i, w, row)
			}
		}
		joined.WriteString(row)
		joined.WriteString(" ")
		pos = r[1]
	}
	if rest := text[pos:]; strings.TrimSpace(rest) != "" {
		t.Fatalf("wrapLine(%q, %d): text dropped after the last row: %q", short, width, rest)
	}
	if got, want := strings.Join(strings.Fields(joined.String()), ""), strings.Join(strings.Fields(text), ""); got != want {
		t.Fatalf("wrapLine(%q, %d): rows hold %q, want %q", short, width, got, want)
	}
	return rows, tooWide
}

func TestWrapLine(t *testing.T) {
	words := strings.Repeat("the quick brown fox jumps over the lazy dog ", 200)
	cases := map[string]string{
		"empty":        "",
		"short":        "hello",
		"cjk":          "日本語のテキスト",
		"cjk-sentence": "日本語のテキストは、単語の間に空白がありません。これは長い文です。",
		"mixed-cjk":    "Marrowby 日本語 テキスト and the 洪水 of 2026 日本語のテキスト",
		"emoji":        "flood 🌊🌊🌊 warning 👩‍👩‍👧‍👦 family 🇬🇧 flag ✔️ done 👍🏽👍🏽👍🏽👍🏽",
		"emoji-run":    strings.Repeat("🌊", 60),
		"combining":    "café naïve e\u0301e\u0301e\u0301e\u0301 Åkesson Björn",
		"long-word":    strings.Repeat("x", 50_000),
		"long-words":   words,
		"spaces":       "a    b     c      d       e",
		"edges":        "   leading and trailing spaces   ",
		"hyphens":      "a well-known long-standing one-day state-of-the-art x-y-z-w",
		"nbsp":         "4,200\u00a0residents and €38\u00a0million and 610\u00a0properties",
		"url":          "see https://example.com/a/very/long/path/that/does/not/fit/anywhere?q=1&r=2 now",
	}
	for name, text := range cases {
		for _, width := range []int{1, 2, 3, 5, 10, 17, 36, 80} {
			if name == "long-word" && width < 10 {
				continue // 50,000 one-cell rows prove nothing more
			}
			t.Run(name+"/"+itoa(width), func(t *testing.T) {
				rows, tooWide := checkWrapLine(t, text, width)
				if tooWide != "" {
					t.Error(wrapWidthBug + tooWide)
				}
				if name == "long-word" && len(rows) != 50_000/width+min(1, 50_000%width) {
					t.Errorf("a %d-character word at width %d gives %d rows", len(text), width, len(rows))
				}
				if name == "long-words" && width >= 10 {
					// Words shorter than the width are never broken.
					for _, r := range rows {
						row := text[r[0]:r[1]]
						for _, w := range strings.Fields(row) {
							if !strings.Contains(" "+words+" ", " "+w+" ") {
								t.Fatalf("width %d: word broken: %q in row %q", width, w, row)
							}
						}
					}
				}
			})
		}
	}
}

func TestWrapLineFitsWithoutBreaking(t *testing.T) {
	for _, text := range []string{"日本語", "abc", "👍🏽👍🏽"} {
		w := ansi.StringWidth(text)
		if rows := wrapLine(text, w); len(rows) != 1 || rows[0] != [2]int{0, len(text)} {
			t.Errorf("wrapLine(%q, %d) = %v, want one row", text, w, rows)
		}
	}
	// CJK at width 1: each character (2 cells) stands alone.
	rows := wrapLine("日本語", 1)
	if len(rows) != 3 {
		t.Errorf("wrapLine(日本語, 1) = %v, want 3 rows of one character", rows)
	}
}

// TestWrapDocument lays out a document with several paragraphs, a
// multi-line paragraph and folded repeats, and checks the lines map back
// onto the text.
func TestWrapDocument(t *testing.T) {
	rep := func(o int) *corpus.Repeat { return &corpus.Repeat{Occurrence: o, Total: 3} }
	doc := &corpus.Document{Title: "T", Paragraphs: []corpus.Paragraph{
		{Text: "Title line"},
		{Text: "By a reporter\n14 March 2026"},
		{Text: strings.Repeat("word ", 40) + "日本語のテキスト " + strings.Repeat("🌊", 30)},
		{Text: "Subscribe now", Repeat: rep(1)},
		{Text: "Subscribe now", Repeat: rep(2)},
		{Text: "Subscribe now", Repeat: rep(3)},
		{Text: strings.Repeat("y", 500)},
		{Text: "The end."},
	}}
	for _, width := range []int{1, 2, 7, 20, 33, 80, 500} {
		w := wrapDocument(doc, width)
		tooWide := ""
		if len(w.paraLine) != len(doc.Paragraphs) {
			t.Fatalf("width %d: %d paraLine entries for %d paragraphs", width, len(w.paraLine), len(doc.Paragraphs))
		}
		// Each paragraph's text is found again in its lines.
		got := make([]strings.Builder, len(doc.Paragraphs))
		folds := 0
		for i, l := range w.lines {
			switch l.kind {
			case lineText:
				text := doc.Paragraphs[l.para].Text[l.start:l.end]
				if cw := ansi.StringWidth(text); cw > max(1, width) && tooWide == "" {
					if g, n := graphemeLen(text); n != len(text) || ansi.StringWidth(g) <= width {
						tooWide = fmt.Sprintf("width %d: line %d is %d cells: %q", width, i, cw, text)
					}
				}
				got[l.para].WriteString(text + " ")
			case lineBlank:
				if i == 0 || w.lines[i-1].kind == lineBlank {
					t.Fatalf("width %d: blank line %d is not between paragraphs", width, i)
				}
			case lineFolded:
				folds++
			}
		}
		if folds != 1 {
			t.Errorf("width %d: %d fold markers, want 1 for the run of hidden repeats", width, folds)
		}
		for i, p := range doc.Paragraphs {
			line := w.lines[w.paraLine[i]]
			if p.Hidden() {
				if line.kind != lineFolded {
					t.Errorf("width %d: hidden paragraph %d starts at a %v line", width, i, line.kind)
				}
				continue
			}
			if line.para != i || line.kind != lineText || line.start != 0 {
				t.Errorf("width %d: paraLine[%d] = %d points at %+v", width, i, w.paraLine[i], line)
			}
			if g, want := strings.Join(strings.Fields(got[i].String()), ""), strings.Join(strings.Fields(p.Text), ""); g != want {
				t.Errorf("width %d: paragraph %d wraps to %q, want %q", width, i, g, want)
			}
		}
		if tooWide != "" {
			t.Error(wrapWidthBug + tooWide)
		}
	}
}

// TestWrapSampleCorpus wraps every line of the sample at every width a
// pane can have up to 120 columns.
func TestWrapSampleCorpus(t *testing.T) {
	var tooWide []string
	for _, d := range sampleCorpus(t).Docs {
		for width := 1; width <= 120; width++ {
			for _, p := range d.Paragraphs {
				for _, line := range strings.Split(p.Text, "\n") {
					if _, w := checkWrapLine(t, line, width); w != "" {
						tooWide = append(tooWide, w)
					}
				}
			}
		}
	}
	if len(tooWide) > 0 {
		t.Errorf(wrapWidthBug+"%d rows, e.g. %s", len(tooWide), strings.Join(tooWide[:min(3, len(tooWide))], "; "))
	}
}

// TestWrappedTextReachesScreen: at 32×30 (stacked, 29-cell text) the
// first sample's dateline "MARROWBY, 14 March (Meridian) - About" fills
// a row up to "(Meridian)"; the dash must start the next row, not be cut
// off by the renderer.
func TestWrappedTextReachesScreen(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 32, 30)
	if tw := m.panes[0].textWidth(); tw != 29 {
		t.Fatalf("text width %d, want 29", tw)
	}
	got := plainScreen(m)
	if !strings.Contains(got, "MARROWBY") {
		t.Fatalf("the dateline is not on screen:\n%s", got)
	}
	if !strings.Contains(got, "(Meridian)") || !strings.Contains(got, "  - About") {
		t.Errorf(wrapWidthBug+"the dash after \"(Meridian)\" is cut off at 32×30:\n%s", got)
	}
}

// wrappable reports whether s is text wrapLine can receive: the corpus
// sanitizes and expands tabs at load and splits lines, so no control
// character, invisible format character (but the zero-width joiner of
// emoji sequences) or invalid UTF-8 reaches it.
func wrappable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (unicode.Is(unicode.Cf, r) && r != 0x200d) {
			return false
		}
	}
	return true
}

func FuzzWrapLine(f *testing.F) {
	seeds := []string{
		"", " ", "a", "日本語のテキスト", "flood 🌊🌊 👩‍👩‍👧‍👦 🇬🇧 ✔️ 👍🏽",
		strings.Repeat("x", 300), strings.Repeat("word ", 100),
		"a    b", "  lead", "trail  ", "well-known one-day", "4,200\u00a0residents",
		"e\u0301e\u0301", "Björn Åkesson", "x\u3000y\u3000z", "a\u2003b\u2003c",
		"日本語 テキスト 日本語", "a-b-c-d-e-f-g-h", "—dash—and—dash—",
		"\u00a0\u00a0\u00a0", "ab\u00a0cd ef", "ᄀᄀᄀ", "ﷺﷺ",
	}
	for _, s := range seeds {
		for _, w := range []int{1, 2, 5, 40} {
			f.Add(s, w)
		}
	}
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !wrappable(text) || len(text) > 4096 {
			t.Skip()
		}
		width = 1 + (width%200+200)%200
		if _, tooWide := checkWrapLine(t, text, width); tooWide != "" {
			t.Error(wrapWidthBug + tooWide)
		}
	})
}

func graphemeLen(s string) (string, int) {
	g, _ := grapheme(s)
	return g, len(g)
}

// A lazy layout, extended bit by bit as the reader scrolls, must give the
// very lines a whole layout gives: the background layout replaces it in
// place and every position must stay valid.
func TestLazyLayoutMatchesWholeLayout(t *testing.T) {
	c := sampleCorpus(t)
	for _, d := range c.Docs {
		for _, width := range []int{7, 40, 117} {
			whole := wrapDocument(d, width)
			lazy := startWrap(d, width)
			for i := 0; !lazy.complete(); i += 13 {
				lazy.upTo(i)
			}
			if !reflect.DeepEqual(lazy.lines, whole.lines) || !reflect.DeepEqual(lazy.paraLine, whole.paraLine) {
				t.Fatalf("%s at %d: lazy layout differs from the whole one", d.Path, width)
			}
		}
	}
}

// A list item's rows after the first hang under its text, the bullet
// alone at the margin, and no row is wider than the pane.
func TestListItemsHangUnderTheirText(t *testing.T) {
	doc := &corpus.Document{Title: "T", Paragraphs: []corpus.Paragraph{
		{Text: "• " + strings.Repeat("bullet words ", 12), Kind: corpus.ParaListItem},
		{Text: "12. " + strings.Repeat("numbered words ", 12), Kind: corpus.ParaListItem, Indent: 2},
		{Text: "• ", Kind: corpus.ParaListItem},
		{Text: "• short\nsecond line of the same item", Kind: corpus.ParaListItem},
	}}
	for _, width := range []int{1, 3, 6, 20, 41, 80} {
		w := wrapDocument(doc, width)
		for i, p := range doc.Paragraphs {
			_, hang := listBullet(p)
			var text strings.Builder
			for n := w.paraLine[i]; n < len(w.lines) && w.lines[n].para == i && w.lines[n].kind == lineText; n++ {
				l := w.lines[n]
				row := p.Text[l.start:l.end]
				text.WriteString(row + " ")
				wantHang := hang
				if n == w.paraLine[i] {
					wantHang = 0
				}
				if l.hang != wantHang {
					t.Errorf("width %d, paragraph %d, row %q: hang %d, want %d", width, i, row, l.hang, wantHang)
				}
				if cells := int(p.Indent) + l.hang + ansi.StringWidth(row); width > int(p.Indent)+hang+1 && cells > width {
					t.Errorf("width %d, paragraph %d: row %q takes %d cells", width, i, row, cells)
				}
			}
			if got, want := strings.Join(strings.Fields(text.String()), ""), strings.Join(strings.Fields(p.Text), ""); got != want {
				t.Errorf("width %d: paragraph %d wraps to %q, want %q", width, i, got, want)
			}
		}
	}
}
