package ui

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parallax/corpus"
)

// scrollToPara presses j until paragraph para of the focused pane's
// document is the first line on screen.
func scrollToPara(t *testing.T, m Model, para int) Model {
	t.Helper()
	p := m.focused()
	line := p.layout().paraLine[para]
	if line > p.maxTop() {
		t.Fatalf("paragraph %d starts at line %d, below the last top line %d", para, line, p.maxTop())
	}
	m = press(t, m, "g")
	for range line {
		m = press(t, m, "j")
	}
	if got := m.focused().currentPara(); got != para {
		t.Fatalf("scrolled to line %d but the current paragraph is %d, want %d", line, got, para)
	}
	return m
}

// topPara is the paragraph of the pane's top row.
func topPara(p *pane) int { return p.layout().lines[p.top].para }

func TestAlignLinksMatchingPassage(t *testing.T) {
	c := sampleCorpus(t)
	left, right := docByPath(t, c, "01-meridian-press"), docByPath(t, c, "02-northgate-ledger")
	src := paraIndex(t, left, "The town council's preliminary estimate", false)
	want := paraIndex(t, right, "610 properties", true)

	m := newTestModel(t, c, readW, readH)
	if m.panes[0].doc != left || m.panes[1].doc != right {
		t.Fatalf("the sample opens %s and %s", m.panes[0].doc.Path, m.panes[1].doc.Path)
	}
	m = scrollToPara(t, m, src)
	m = press(t, m, "a")
	if m.panes[1].link == nil {
		t.Fatalf("a linked nothing; status %q", m.status)
	}
	if got := m.panes[1].link.para; got != want {
		t.Fatalf("linked right paragraph %d %q, want %d (the one with \"610 properties\")", got, right.Paragraphs[got].Text, want)
	}
	if m.panes[0].link == nil || m.panes[0].link.para != src {
		t.Fatalf("the left link = %+v, want paragraph %d", m.panes[0].link, src)
	}
	if got := topPara(&m.panes[1]); got != want {
		t.Errorf("right pane top line is in paragraph %d, want %d", got, want)
	}
	if got := topPara(&m.panes[0]); got != src {
		t.Errorf("the left pane moved away from its paragraph: top in %d, want %d", got, src)
	}
	for i := range m.panes {
		if h := headerOf(t, m, i); !strings.Contains(h, "linked") {
			t.Errorf("header %d %q does not say linked", i, h)
		}
	}
	// Both linked paragraphs carry the mark in the gutter.
	rows := strings.Split(plainScreen(m), "\n")
	var marks [2]int
	for _, row := range rows[1 : readBody+1] {
		l, r, _ := strings.Cut(row, "│")
		if strings.HasPrefix(l, "┃") {
			marks[0]++
		}
		if strings.HasPrefix(r, "┃") {
			marks[1]++
		}
	}
	if marks[0] == 0 || marks[1] == 0 {
		t.Errorf("link marks in the gutter: left %d rows, right %d rows", marks[0], marks[1])
	}
	// esc clears the marks.
	m = press(t, m, "esc")
	if m.panes[0].link != nil || m.panes[1].link != nil {
		t.Error("esc did not clear the link")
	}
}

// A link is a pair: when either pane opens another document, the other
// pane must not keep its mark and score.
func TestOpeningAnotherDocumentBreaksTheLink(t *testing.T) {
	c := sampleCorpus(t)
	left := docByPath(t, c, "01-meridian-press")
	src := paraIndex(t, left, "The town council's preliminary estimate", false)
	for _, key := range []string{"r", "backspace-other"} {
		m := newTestModel(t, c, readW, readH)
		m = scrollToPara(t, m, src)
		m = press(t, m, "a")
		if m.panes[0].link == nil {
			t.Fatalf("a linked nothing; status %q", m.status)
		}
		if key == "r" {
			m = press(t, m, "r") // the right pane shows a related document
		} else {
			m = press(t, m, "tab")
			m = press(t, m, "r")
			m = press(t, m, "backspace") // and back: still another visit
		}
		for i := range m.panes {
			if m.panes[i].link != nil {
				t.Errorf("after %s: pane %d still linked to paragraph %d", key, i, m.panes[i].link.para)
			}
			if h := headerOf(t, m, i); strings.Contains(h, "linked") {
				t.Errorf("after %s: header %d %q still says linked", key, i, h)
			}
		}
	}
}

func TestAlignWithoutMatchLeavesOtherPane(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	a, b := m.panes[0].doc, m.panes[1].doc
	// A paragraph of the left document that matches nothing on the right
	// and can be scrolled to the top.
	src := -1
	for i := range a.Paragraphs {
		if _, ok := c.Model.Align(a.Index, i, b.Index); !ok && m.panes[0].layout().paraLine[i] <= m.panes[0].maxTop() && !a.Paragraphs[i].Hidden() {
			src = i
			break
		}
	}
	if src < 0 {
		t.Fatal("every paragraph of the first sample document matches the second")
	}
	m = press(t, m, "tab", "j", "j", "j", "j", "j", "tab")
	rightTop := m.panes[1].top
	m = scrollToPara(t, m, src)
	m = press(t, m, "a")
	if m.panes[1].top != rightTop {
		t.Errorf("a without a match moved the right pane from %d to %d", rightTop, m.panes[1].top)
	}
	if m.panes[0].link != nil || m.panes[1].link != nil {
		t.Error("a without a match set a link")
	}
	if !strings.Contains(m.status, "no matching passage") {
		t.Errorf("status %q, want it to say no matching passage", m.status)
	}
	rows := strings.Split(plainScreen(m), "\n")
	if footer := rows[len(rows)-1]; !strings.Contains(footer, "no matching passage") {
		t.Errorf("footer %q does not show the status", footer)
	}
}

// A best score just under the threshold must not read as the threshold.
func TestScoreBelowRoundsDown(t *testing.T) {
	for score, want := range map[float64]string{0.1383: "0.13", 0.13999: "0.13", 0.05: "0.05", 0: "0.00", 0.1: "0.10", 0.29: "0.29"} {
		if got := scoreBelow(score); got != want {
			t.Errorf("scoreBelow(%v) = %q, want %q", score, got, want)
		}
	}
}

func TestLinkedScrollingFollows(t *testing.T) {
	c := sampleCorpus(t)
	left, right := c.Docs[0], c.Docs[1]
	src := paraIndex(t, left, "The town council's preliminary estimate", false)
	want := paraIndex(t, right, "610 properties", true)

	// Without linked scrolling the right pane stays put.
	m := newTestModel(t, c, readW, readH)
	m = scrollToPara(t, m, src)
	if m.panes[1].top != 0 {
		t.Fatalf("without L the right pane moved to %d", m.panes[1].top)
	}

	m = newTestModel(t, c, readW, readH)
	m = press(t, m, "L")
	if !m.linkedScroll {
		t.Fatal("L did not turn linked scrolling on")
	}
	m = scrollToPara(t, m, src)
	if m.panes[1].top == 0 {
		t.Fatal("with linked scrolling on, scrolling the left pane did not move the right one")
	}
	if got := topPara(&m.panes[1]); got != want {
		t.Errorf("right pane followed to paragraph %d, want %d", got, want)
	}
	if m.panes[1].link == nil || m.panes[1].link.para != want {
		t.Errorf("right link = %+v, want paragraph %d", m.panes[1].link, want)
	}
	if !strings.Contains(plainScreen(m), "linked") {
		t.Error("nothing on screen says the panes are linked")
	}

	m = press(t, m, "L")
	if m.linkedScroll {
		t.Fatal("second L did not turn linked scrolling off")
	}
	rightTop := m.panes[1].top
	m = press(t, m, "g")
	if m.panes[1].top != rightTop {
		t.Errorf("after L off the right pane still follows: %d → %d", rightTop, m.panes[1].top)
	}
}

func TestRelatedOpensMostRelatedThenNext(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	rel := c.Model.Related(0, relatedMax)
	if len(rel) < 2 {
		t.Fatalf("the first sample document has %d related documents", len(rel))
	}
	m = press(t, m, "r")
	first := m.panes[1].doc
	if first != c.Docs[rel[0].Doc] {
		t.Fatalf("r opened %s, want the most related %s", first.Path, c.Docs[rel[0].Doc].Path)
	}
	if m.panes[0].doc != c.Docs[0] || m.focus != 0 {
		t.Fatal("r changed the focused pane")
	}
	if !strings.Contains(m.status, "related 1/") {
		t.Errorf("status %q", m.status)
	}
	if h := headerOf(t, m, 1); !strings.Contains(h, first.Title[:12]) {
		t.Errorf("right header %q does not name %q", h, first.Title)
	}
	m = press(t, m, "r")
	second := m.panes[1].doc
	if second == first {
		t.Fatalf("second r kept %s", first.Path)
	}
	if second != c.Docs[rel[1].Doc] {
		t.Errorf("second r opened %s, want %s", second.Path, c.Docs[rel[1].Doc].Path)
	}
	// The documents opened by r are on the right pane's back-stack.
	m = press(t, m, "tab", "backspace")
	if m.panes[1].doc != first {
		t.Errorf("back in the right pane gave %s, want %s", m.panes[1].doc.Path, first.Path)
	}
}

func TestTermsPanelToggles(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 120, 40)
	before := plainScreen(m)
	for _, s := range []string{"shared:", "distinctive"} {
		if strings.Contains(before, s) {
			t.Fatalf("%q on screen before i", s)
		}
	}
	m = press(t, m, "i")
	if !m.showTerms {
		t.Fatal("i did not open the terms panel")
	}
	got := plainScreen(m)
	for _, s := range []string{"shared:", "distinctive", "names"} {
		if !strings.Contains(got, s) {
			t.Errorf("terms panel lacks %q:\n%s", s, got)
		}
	}
	if strings.Count(got, "distinctive") != 2 {
		t.Errorf("want one distinctive column per document, got %d", strings.Count(got, "distinctive"))
	}
	m = press(t, m, "i")
	if after := plainScreen(m); after != before {
		t.Errorf("closing the panel did not restore the screen:\n%s", after)
	}
}

// sgrCount counts the SGR sequences in s that turn attribute attr on
// (1 bold, 4 underline), skipping the arguments of extended colours.
func sgrCount(s string, attr int) int {
	n := 0
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return n
		}
		s = s[i+2:]
		j := strings.IndexFunc(s, func(r rune) bool { return r >= 0x40 && r <= 0x7e })
		if j < 0 {
			return n
		}
		if s[j] == 'm' {
			params := strings.Split(s[:j], ";")
			for k := 0; k < len(params); k++ {
				p := strings.SplitN(params[k], ":", 2)[0] // 4:3 is a curly underline
				v, err := strconv.Atoi(p)
				if err != nil {
					continue
				}
				if v == 38 || v == 48 || v == 58 {
					if k+1 < len(params) && params[k+1] == "5" {
						k += 2
					} else if k+1 < len(params) && params[k+1] == "2" {
						k += 4
					}
					continue
				}
				if v == attr {
					n++
					break
				}
			}
		}
		s = s[j+1:]
	}
}

func TestSgrCount(t *testing.T) {
	if got := sgrCount("\x1b[1;38;2;4;1;4;4mX\x1b[4m\x1b[0m\x1b[38;5;4m", 4); got != 2 {
		t.Errorf("underline count = %d, want 2", got)
	}
	if got := sgrCount("\x1b[38;2;1;1;1m\x1b[1m", 1); got != 1 {
		t.Errorf("bold count = %d, want 1", got)
	}
}

func TestHighlightToggles(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 120, 40)
	before := screen(m)
	m = press(t, m, "h")
	if !m.highlight {
		t.Fatal("h did not turn highlighting on")
	}
	after := screen(m)
	if after == before {
		t.Fatal("h did not change the screen")
	}
	if ub, ua := sgrCount(before, 4), sgrCount(after, 4); ua <= ub {
		t.Errorf("underlined runs (shared terms): %d before h, %d after", ub, ua)
	}
	if bb, ba := sgrCount(before, 1), sgrCount(after, 1); ba <= bb {
		t.Errorf("bold runs (distinctive terms): %d before h, %d after", bb, ba)
	}
	// The text is unchanged: only its style.
	if ansi := plainScreen(m); !strings.Contains(ansi, "Floodgate failure on the Ostrel") {
		t.Errorf("highlighting changed the text:\n%s", ansi)
	}
	m = press(t, m, "esc", "h")
	if got := screen(m); got != before {
		t.Error("turning highlighting off did not restore the screen")
	}
}

// chooseLens opens the lens chooser, types query and presses enter.
func chooseLens(t *testing.T, m Model, query string) Model {
	t.Helper()
	m = press(t, m, "e")
	if m.mode != modeLens {
		t.Fatalf("e: mode = %v, want the lens chooser", m.mode)
	}
	m = typeText(t, m, query)
	m = press(t, m, "enter")
	if m.mode != modeRead {
		t.Fatalf("enter in the lens chooser: mode = %v", m.mode)
	}
	return m
}

func TestLensShowsOnlyMentionsAndEscRestores(t *testing.T) {
	c := sampleCorpus(t)
	herald := docByPath(t, c, "04-civic-herald")
	m := newTestModel(t, c, readW, readH)
	// Herald on the right: both documents mention Breck.
	m = press(t, m, "tab")
	m = openByPalette(t, m, "herald", herald)
	m = press(t, m, "ctrl+d", "tab", "space", "j")
	m = toTextLine(t, m)
	tops := [2]int{m.panes[0].top, m.panes[1].top}
	docs := [2]*corpus.Document{m.panes[0].doc, m.panes[1].doc}

	m = chooseLens(t, m, "Breck")
	if m.lens == nil {
		t.Fatalf("no lens set; status %q", m.status)
	}
	for i := range m.panes {
		p := &m.panes[i]
		if p.lens == nil {
			t.Fatalf("pane %d is not filtered", i)
		}
		if len(p.lens.passages) == 0 {
			t.Fatalf("pane %d (%s) shows no passage", i, p.doc.Path)
		}
		for j, para := range p.shown().Paragraphs {
			if !strings.Contains(para.Text, "Breck") {
				t.Errorf("pane %d passage %d does not mention Breck: %q", i, j, para.Text)
			}
		}
		if len(visibleParas(p)) == 0 {
			t.Errorf("pane %d shows no passage on screen", i)
		}
		// A narrow header says "lens: N"; the status line names the lens.
		if h := headerOf(t, m, i); !strings.Contains(h, "lens") || !strings.Contains(m.View().Content, `lens "`) {
			t.Errorf("header %d %q (or the status line) does not show the lens", i, h)
		}
	}
	// What is on screen is passage text, and the lens hits are on it.
	body := plainScreen(m)
	if strings.Contains(body, "Meridian Press · 14 March 2026") {
		t.Errorf("the byline (no mention) is still shown under the lens:\n%s", body)
	}
	if !strings.Contains(body, "Breck") {
		t.Errorf("no Breck on screen:\n%s", body)
	}

	m = press(t, m, "esc")
	if m.lens != nil || m.panes[0].lens != nil || m.panes[1].lens != nil {
		t.Fatal("esc did not close the lens")
	}
	for i := range m.panes {
		if m.panes[i].doc != docs[i] || m.panes[i].top != tops[i] {
			t.Errorf("pane %d after esc: %s at %d, want %s at %d", i, m.panes[i].doc.Path, m.panes[i].top, docs[i].Path, tops[i])
		}
		if h := headerOf(t, m, i); strings.Contains(h, "lens") {
			t.Errorf("header %d still shows the lens: %q", i, h)
		}
	}
}

func TestLensSilentDocument(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	if n := strings.Count(strings.Join(paragraphTexts(c.Docs[1]), " "), "Breck"); n != 0 {
		t.Fatalf("the second sample document mentions Breck %d times", n)
	}
	m = chooseLens(t, m, "Breck")
	if m.panes[1].lens == nil || len(m.panes[1].lens.passages) != 0 {
		t.Fatalf("right pane lens = %+v, want an empty lens", m.panes[1].lens)
	}
	if got := plainScreen(m); !strings.Contains(got, "no passage mentions") {
		t.Errorf("a silent document should say so:\n%s", got)
	}
	// In a narrow pane the note wraps rather than losing the name.
	narrow := update(t, m, tea.WindowSizeMsg{Width: 24, Height: 24})
	if body := ansi.Strip(strings.Join(narrow.panes[1].body(&narrow.styles, nil), " ")); !strings.Contains(body, "Breck") {
		t.Errorf("a 24-column screen cuts the silent document's note: %q", body)
	}
	// The palette, with a lens on, ranks documents by mentions.
	m = press(t, m, "ctrl+p")
	items := m.palette.items
	if first := items[0].Value.(*corpus.Document); !strings.Contains(first.Path, "04-civic-herald") {
		t.Errorf("palette under a lens lists %s first, want the document with most mentions", first.Path)
	}
	for _, it := range items {
		d := it.Value.(*corpus.Document)
		silent := !strings.Contains(strings.Join(paragraphTexts(d), " "), "Breck")
		if silent != strings.Contains(it.Meta, "silent on") {
			t.Errorf("palette item %s: meta %q (silent %v)", d.Path, it.Meta, silent)
		}
	}
	m = press(t, m, "esc")
	// Scrolling in an empty lens must not panic or move.
	m = press(t, m, "tab", "j", "G", "space", "a", "n", "/")
	m = typeText(t, m, "gate")
	m = press(t, m, "enter")
	_ = plainScreen(m)
}

func paragraphTexts(d *corpus.Document) []string {
	out := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		out[i] = p.Text
	}
	return out
}

func TestLensEscInChooserKeepsFullText(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), readW, readH)
	before := plainScreen(m)
	m = press(t, m, "e")
	m = typeText(t, m, "Breck")
	m = press(t, m, "esc")
	if m.mode != modeRead || m.lens != nil {
		t.Fatalf("esc in the chooser: mode %v lens %v", m.mode, m.lens)
	}
	if got := plainScreen(m); got != before {
		t.Errorf("screen changed:\n%s", got)
	}
}

// When both documents fit almost whole on screen the passages cannot be
// lined up on one row; a keeps the pane being read where it was.
func TestAlignKeepsTheReadingPaneWhenItCannotLineUp(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, 160, 48)
	for range 10 {
		m = press(t, m, "j")
	}
	top := m.panes[0].top
	para := m.panes[0].focusPara()
	m = press(t, m, "a")
	if m.panes[0].link == nil {
		t.Fatalf("a linked nothing; status %q", m.status)
	}
	if m.panes[0].top != top {
		t.Errorf("a moved the pane being read from line %d to %d", top, m.panes[0].top)
	}
	start := m.panes[0].lineOf(para, 0)
	if start < m.panes[0].top || start >= m.panes[0].top+m.panes[0].bodyHeight() {
		t.Errorf("the linked paragraph (line %d) is off screen (top %d)", start, m.panes[0].top)
	}
	to := &m.panes[1]
	if l := to.lineOf(to.link.para, 0); l < to.top || l >= to.top+to.bodyHeight() {
		t.Errorf("the matching paragraph (line %d) is off screen in the other pane (top %d)", l, to.top)
	}
}

// With linked scrolling on and no passage matching, each key still says
// what it did: "no matching passage" is said once, not over every reply.
func TestLinkedScrollingMissDoesNotHideOtherMessages(t *testing.T) {
	c := tempCorpus(t, map[string]string{
		"a.txt": "Floodgate fails\n\nThe floodgate on the river failed and water reached the town square.\n",
		"b.txt": "Bread recipes\n\nKnead the dough slowly, then bake it in a hot oven for forty minutes.\n",
	})
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "L")
	if !strings.Contains(m.status, "no matching passage") {
		t.Fatalf("L on unrelated documents: status %q", m.status)
	}
	m = press(t, m, "backspace")
	if !strings.Contains(m.status, "no earlier document") {
		t.Errorf("backspace with linked scrolling on: status %q, want the back key's own message", m.status)
	}
	m = press(t, m, "j")
	if m.status != "" {
		t.Errorf("j on the same paragraph: status %q, want nothing new", m.status)
	}
}
