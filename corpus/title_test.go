package corpus

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestTitle(t *testing.T) {
	longFirst := "The floodgate at the north end of Marrowby failed shortly after dawn on Tuesday, sending water into the lower town."
	tests := []struct {
		name  string
		paras []string
		path  string
		want  string
	}{
		{"markdown heading", []string{"# The Heading", "Body text here."}, "a.md", "The Heading"},
		{"markdown heading with closing hashes", []string{"# Title #", "Body."}, "a.md", "Title"},
		{"closing hashes and spaces", []string{"#   Spaced Title   ###  ", "Body."}, "a.md", "Spaced Title"},
		{"indented heading", []string{"  # Indented", "Body."}, "a.md", "Indented"},
		{"heading in a later paragraph", []string{"By Jane Doe\nStaff Writer", "March 3, 2024", "# Real Title", "Body."}, "a.md", "Real Title"},
		{"heading only on the first line of a paragraph", []string{"# First Line\nsecond line", "x"}, "a.md", "First Line"},
		{"heading after ten paragraphs is ignored", append(strings.Split("Intro Line Here|b|c|d|e|f|g|h|i|j", "|"), "# Too Late"), "a.md", "Intro Line Here"},
		{"level two heading is not a title", []string{"## Section Two", "Body."}, "a.md", "## Section Two"},
		{"hashtag is not a heading", []string{"#breaking news today", "Body."}, "a.md", "#breaking news today"},
		{"empty heading is not a title", []string{"# #", "Real Headline Here"}, "a.md", "Real Headline Here"},
		{"short headline first line", []string{"Floodgate Fails in Marrowby\nBy Jane Doe", "Body text."}, "a.txt", "Floodgate Fails in Marrowby"},
		{"headline starting with digit", []string{"5 Things to Know About the Flood"}, "a.txt", "5 Things to Know About the Flood"},
		{"headline in quotes", []string{"“We Were Not Warned,” Residents Say"}, "a.txt", "“We Were Not Warned,” Residents Say"},
		{"sentence first line is cut at its end", []string{"The gate failed. Water rose quickly in the town."}, "a.txt", "The gate failed."},
		{"long first line: first sentence", []string{longFirst + " Residents fled."}, "a.txt", ""},
		{"U.S. does not end a sentence", []string{"The U.S. Army Corps of Engineers arrived at noon. Then it rained."}, "a.txt", "The U.S. Army Corps of Engineers arrived at noon."},
		{"Mr. does not end a sentence", []string{"Mr. Smith said the gate was old. Others disagreed."}, "a.txt", "Mr. Smith said the gate was old."},
		{"initial does not end a sentence", []string{"Engineer J. Alvarez inspected it in May. Nobody listened."}, "a.txt", "Engineer J. Alvarez inspected it in May."},
		{"Dr. Corp. and Ltd. do not end a sentence", []string{"Dr. Ames of Ostrel Corp. Ltd. spoke. Fine."}, "a.txt", "Dr. Ames of Ostrel Corp. Ltd. spoke."},
		{"question ends a sentence", []string{"who knew? Nobody did, it seems."}, "a.txt", "who knew?"},
		{"lowercase after period is not a sentence end", []string{"version 2. it works. Then more."}, "a.txt", "version 2. it works."},
		{"number is skipped", []string{"2024", "—", "Real Headline Here"}, "a.txt", "Real Headline Here"},
		{"file name when no letters", []string{"12345", "---", "3.14"}, "dir/0042_deadbeef.txt", "0042_deadbeef.txt"},
		{"file name when empty", nil, "dir/empty.txt", "empty.txt"},
		{"file name sanitized", nil, "dir/evil\x1b[2J\n.txt", "evil␛[2J␊.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Title(tt.paras, tt.path)
			checkTitle(t, got)
			if tt.want == "" {
				return
			}
			if got != tt.want {
				t.Errorf("Title(%q, %q) = %q, want %q", tt.paras, tt.path, got, tt.want)
			}
		})
	}
}

func checkTitle(t *testing.T, title string) {
	t.Helper()
	if title == "" {
		t.Fatal("empty title")
	}
	if strings.ContainsAny(title, "\n\r") {
		t.Fatalf("title spans lines: %q", title)
	}
	checkSafe(t, "title", title, "")
}

func TestTitleLongLineCut(t *testing.T) {
	lines := []string{
		"The floodgate at the north end of Marrowby failed shortly after dawn on Tuesday, sending water into the lower town",
		"According to the U.S. Geological Survey and Mr. J. Alvarez of the river authority the water rose by three metres in an hour. More later.",
		strings.Repeat("flood ", 30),
		"日本語のテキストは長い行でも正しく切られるべきです 日本語のテキストは長い行でも正しく切られるべきです 日本語のテキストは長い行でも正しく切られるべきです",
	}
	for _, line := range lines {
		got := Title([]string{line}, "x.txt")
		checkTitle(t, got)
		if w := ansi.StringWidth(got); w > titleWidth {
			t.Errorf("title of %q is %d cells wide, want ≤ %d: %q", line, w, titleWidth, got)
		}
		body, ok := strings.CutSuffix(got, "…")
		if !ok {
			t.Errorf("cut title has no ellipsis: %q", got)
			continue
		}
		if !strings.HasPrefix(line, body) {
			t.Errorf("title %q is not a prefix of %q", got, line)
			continue
		}
		// Cut at a word boundary: the next character is a space or punctuation.
		if next := line[len(body)]; next != ' ' && !strings.ContainsRune(",.;:!?", rune(next)) {
			t.Errorf("title %q cuts a word of %q", got, line)
		}
		if strings.HasSuffix(body, " ") || strings.HasSuffix(body, ",") {
			t.Errorf("title %q keeps trailing space or punctuation", got)
		}
	}
	// The sentence detector must see past "U.S." and "Mr." and "J.": the
	// first sentence of the second line is longer than 70 cells, so the
	// title is cut, and must not stop at one of those abbreviations.
	got := Title([]string{lines[1]}, "x.txt")
	if !strings.HasPrefix(got, "According to the U.S. Geological Survey and Mr. J. Alvarez") {
		t.Errorf("Title = %q, stopped at an abbreviation", got)
	}
}

func TestTitleCutAtWordBoundary(t *testing.T) {
	line := "The floodgate at the north end of Marrowby failed shortly after dawn on Tuesday, sending water into the lower town"
	got := Title([]string{line}, "x.txt")
	if want := "The floodgate at the north end of Marrowby failed shortly after dawn…"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}

// cutSentence documents "the longest run of whole words that fits, with …".
func TestTitleLongestWordRun(t *testing.T) {
	// 14 words of four letters end exactly at cell 69; with "…" that is 70.
	line := strings.TrimSpace(strings.Repeat("abcd ", 14)) + " efgh ijkl mnop qrst uvwx and more words to pass the limit"
	got := Title([]string{line}, "x.txt")
	want := strings.TrimSpace(strings.Repeat("abcd ", 14)) + "…"
	if ansi.StringWidth(want) > titleWidth {
		t.Fatalf("test setup: %q is wider than %d", want, titleWidth)
	}
	if got != want {
		t.Errorf("Title(%q) = %q (%d cells), want %q (%d cells): cutSentence drops the last word when the truncation lands exactly on a word end", line, got, ansi.StringWidth(got), want, ansi.StringWidth(want))
	}
}

func TestLooksLikeHeadline(t *testing.T) {
	tests := map[string]bool{
		"Floodgate Fails in Marrowby":     true,
		"Last updated:":                   false,
		"The gate failed.":                false,
		"Edited by,":                      false,
		"Monday; later":                   true,
		"lowercase start here":            false,
		"Oneword":                         false,
		"2024 In Review":                  true,
		strings.Repeat("Word ", 21) + "X": false, // 106 cells
	}
	for line, want := range tests {
		if got := looksLikeHeadline(line); got != want {
			t.Errorf("looksLikeHeadline(%q) = %v, want %v", line, got, want)
		}
	}
}

// A "Last updated:" label is not a headline, so it must not become the
// title when the article's headline follows it.
func TestTitleSkipsLabel(t *testing.T) {
	paras := []string{"Last updated:\nMarch 3, 2024", "Floodgate Fails in Marrowby", "The gate gave way at dawn."}
	got := Title(paras, "x.txt")
	checkTitle(t, got)
	if got != "Floodgate Fails in Marrowby" {
		t.Errorf("Title(%q) = %q, want %q: a first line rejected by looksLikeHeadline (a label ending in ':') still becomes the title through cutSentence", paras, got, "Floodgate Fails in Marrowby")
	}
}

func TestSentenceEnd(t *testing.T) {
	tests := map[string]int{
		"One. Two":              4,
		"U.S. Army. Next":       10,
		"Mr. Smith. Next":       10,
		"J. Doe! Next":          7,
		"no end here":           -1,
		"Ends at the very end.": -1,
		"Quote follows. “Yes”":  14,
		"St. Louis. Next":       10,
		"(Gen. Lee) went. Yes":  16,
	}
	for s, want := range tests {
		if got := sentenceEnd(s); got != want {
			t.Errorf("sentenceEnd(%q) = %d, want %d", s, got, want)
		}
	}
}
