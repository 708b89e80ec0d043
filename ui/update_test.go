package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parallax/corpus"
)

// The sample corpus at 80×24: the footer takes one row, so each pane is
// 23 rows, a header and 22 body lines.
const (
	readW, readH = 80, 24
	readBody     = 22
)

func TestTabSwitchesFocus(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), readW, readH)
	if m.focus != 0 {
		t.Fatalf("initial focus = %d, want the left pane", m.focus)
	}
	if !strings.HasPrefix(headerOf(t, m, 0), "▌") || strings.HasPrefix(headerOf(t, m, 1), "▌") {
		t.Fatalf("focus marker not on the left header:\n%q\n%q", headerOf(t, m, 0), headerOf(t, m, 1))
	}
	m = press(t, m, "tab")
	if m.focus != 1 {
		t.Fatalf("after tab focus = %d, want 1", m.focus)
	}
	if strings.HasPrefix(headerOf(t, m, 0), "▌") || !strings.HasPrefix(headerOf(t, m, 1), "▌") {
		t.Fatalf("focus marker did not move to the right header:\n%q\n%q", headerOf(t, m, 0), headerOf(t, m, 1))
	}
	// Keys now go to the right pane.
	m = press(t, m, "j", "j")
	if m.panes[1].top != 2 || m.panes[0].top != 0 {
		t.Fatalf("after tab j j: tops = %d, %d; want 0, 2", m.panes[0].top, m.panes[1].top)
	}
	m = press(t, m, "tab")
	if m.focus != 0 {
		t.Fatalf("second tab: focus = %d, want 0", m.focus)
	}
}

func TestTabWithOneDocumentDoesNothing(t *testing.T) {
	c := tempCorpus(t, map[string]string{"only.txt": longDoc("The only article", 5)})
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "tab")
	if m.focus != 0 {
		t.Fatalf("tab with one document moved focus to %d", m.focus)
	}
	if !strings.Contains(plainScreen(m), "only one document") {
		t.Errorf("no explanation in the footer:\n%s", plainScreen(m))
	}
	m = press(t, m, "s")
	if m.focus != 0 || m.panes[0].doc != c.Docs[0] || m.panes[1].doc != nil {
		t.Fatalf("s with one document changed the panes: focus %d", m.focus)
	}
}

func TestLineScrollStopsAtBounds(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), readW, readH)
	p := func() *pane { return &m.panes[0] }
	if got := p().bodyHeight(); got != readBody {
		t.Fatalf("body height = %d, want %d", got, readBody)
	}
	lines := p().lineCount()
	if lines <= readBody+10 {
		t.Fatalf("the first sample document wraps to only %d lines at 80 columns", lines)
	}
	maxTop := lines - readBody

	steps := []struct {
		key  string
		want int
	}{
		{"k", 0}, {"up", 0}, // already at the top
		{"j", 1}, {"down", 2}, {"j", 3}, {"k", 2}, {"up", 1},
		{"G", maxTop}, {"j", maxTop}, {"down", maxTop}, {"k", maxTop - 1},
		{"end", maxTop}, {"g", 0}, {"G", maxTop}, {"home", 0},
	}
	for i, s := range steps {
		m = press(t, m, s.key)
		if got := p().top; got != s.want {
			t.Fatalf("step %d (%s): top = %d, want %d", i, s.key, got, s.want)
		}
	}
	// The header tells the reader where they are.
	m = press(t, m, "j", "j")
	if h := headerOf(t, m, 0); !strings.Contains(h, fmt.Sprintf("3/%d", lines)) {
		t.Errorf("header after two lines down = %q, want it to show 3/%d", h, lines)
	}
	m = press(t, m, "G")
	if h := headerOf(t, m, 0); !strings.Contains(h, "100%") {
		t.Errorf("header at the bottom = %q, want 100%%", h)
	}
	// The last line of the document is the last body row on screen.
	rows := strings.Split(plainScreen(m), "\n")
	w := p().layout()
	last := w.lines[len(w.lines)-1]
	lastText := p().doc.Paragraphs[last.para].Text[last.start:last.end]
	if left, _, _ := strings.Cut(rows[readBody], "│"); !strings.Contains(left, lastText) {
		t.Errorf("bottom row %q does not show the last line %q", left, lastText)
	}
}

func TestPageAndHalfPageScroll(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), readW, readH)
	p := func() *pane { return &m.panes[0] }
	maxTop := p().lineCount() - readBody
	page, half := readBody-1, readBody/2
	steps := []struct {
		key  string
		want int
	}{
		{"space", page}, {"f", 2 * page}, {"b", page}, {"pgdown", 2 * page}, {"pgup", page},
		{"b", 0}, {"pgup", 0},
		{"ctrl+d", half}, {"ctrl+d", 2 * half}, {"ctrl+u", half}, {"ctrl+u", 0}, {"ctrl+u", 0},
	}
	for i, s := range steps {
		m = press(t, m, s.key)
		if got := p().top; got != s.want {
			t.Fatalf("step %d (%s): top = %d, want %d", i, s.key, got, s.want)
		}
	}
	for range 20 {
		m = press(t, m, "space")
		if p().top > maxTop {
			t.Fatalf("paging down went past the bottom: top %d > %d", p().top, maxTop)
		}
	}
	if p().top != maxTop {
		t.Fatalf("paging to the end: top = %d, want %d", p().top, maxTop)
	}
	for range 20 {
		m = press(t, m, "ctrl+d")
	}
	if p().top != maxTop {
		t.Fatalf("half pages at the end: top = %d, want %d", p().top, maxTop)
	}
}

func TestScrollShortDocumentStaysAtTop(t *testing.T) {
	c := tempCorpus(t, map[string]string{
		"a.txt": "Short one\n\nJust a line.\n",
		"b.txt": "Short two\n\nAnother line.\n",
	})
	m := newTestModel(t, c, readW, readH)
	for _, k := range []string{"j", "G", "space", "ctrl+d", "down", "end", "pgdown"} {
		m = press(t, m, k)
		if m.panes[0].top != 0 {
			t.Fatalf("%s scrolled a document shorter than the pane to %d", k, m.panes[0].top)
		}
	}
}

// TestScrollInvariant presses a long mixed sequence of reading keys and
// checks after each that the top stays within [0, lines-bodyHeight].
func TestScrollInvariant(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), readW, readH)
	keys := []string{"j", "space", "G", "j", "k", "ctrl+u", "b", "g", "k", "ctrl+d", "f", "f", "f", "f", "f", "f", "j", "pgup", "tab", "G", "space", "tab", "end", "down"}
	for i := 0; i < 3*len(keys); i++ {
		m = press(t, m, keys[(i*7)%len(keys)])
		for j := range m.panes {
			p := &m.panes[j]
			if p.top < 0 || p.top > max(0, p.lineCount()-p.bodyHeight()) {
				t.Fatalf("after %d keys pane %d top = %d, outside [0, %d]", i+1, j, p.top, p.lineCount()-p.bodyHeight())
			}
		}
	}
}

func TestSwapExchangesDocumentsAndFocusFollows(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "j", "j", "j") // left pane (doc 0) at line 3
	m = press(t, m, "s")
	if m.panes[0].doc != c.Docs[1] || m.panes[1].doc != c.Docs[0] {
		t.Fatalf("after s: left %q, right %q", m.panes[0].doc.Path, m.panes[1].doc.Path)
	}
	if m.focus != 1 {
		t.Fatalf("after s focus = %d; it should follow %s to the right", m.focus, c.Docs[0].Path)
	}
	if m.panes[1].top != 3 {
		t.Errorf("the swapped document lost its place: top = %d, want 3", m.panes[1].top)
	}
	if h := headerOf(t, m, 1); !strings.HasPrefix(h, "▌ "+c.Docs[0].Title[:10]) {
		t.Errorf("right header = %q, want the focused %q", h, c.Docs[0].Title)
	}
	m = press(t, m, "s")
	if m.panes[0].doc != c.Docs[0] || m.focus != 0 {
		t.Fatalf("swapping twice did not restore the panes")
	}
}

func TestPaletteFilterAndOpen(t *testing.T) {
	c := sampleCorpus(t)
	herald := docByPath(t, c, "04-civic-herald")
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "ctrl+p")
	if m.mode != modePalette {
		t.Fatalf("ctrl+p: mode = %v, want the palette", m.mode)
	}
	if !strings.Contains(plainScreen(m), "Open a document") {
		t.Fatalf("palette not drawn:\n%s", plainScreen(m))
	}
	m = typeText(t, m, "herald")
	if len(m.palette.results) == 0 {
		t.Fatal("typing \"herald\" left no result")
	}
	if got := m.palette.chosen(); got != herald {
		t.Fatalf("first result for \"herald\" = %v, want %s", got, herald.Path)
	}
	if !strings.Contains(plainScreen(m), "› "+herald.Title[:20]) {
		t.Errorf("the selected row does not show %q:\n%s", herald.Title, plainScreen(m))
	}
	if m.panes[0].doc != c.Docs[0] {
		t.Fatal("typing in the palette changed the document")
	}
	m = press(t, m, "enter")
	if m.mode != modeRead {
		t.Fatalf("enter: mode = %v, want reading", m.mode)
	}
	if m.panes[0].doc != herald || m.panes[1].doc != c.Docs[1] {
		t.Fatalf("enter opened %q in the left pane (right %q); want %q on the left", m.panes[0].doc.Path, m.panes[1].doc.Path, herald.Path)
	}
	if h := headerOf(t, m, 0); !strings.Contains(h, herald.Title[:15]) {
		t.Errorf("left header %q does not name %q", h, herald.Title)
	}
}

func TestPaletteOpensInFocusedPane(t *testing.T) {
	c := sampleCorpus(t)
	herald := docByPath(t, c, "04-civic-herald")
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "tab", "o")
	if m.mode != modePalette {
		t.Fatalf("o: mode = %v, want the palette", m.mode)
	}
	m = typeText(t, m, "herald")
	m = press(t, m, "enter")
	if m.panes[1].doc != herald || m.panes[0].doc != c.Docs[0] {
		t.Fatalf("palette opened in the wrong pane: left %q right %q", m.panes[0].doc.Path, m.panes[1].doc.Path)
	}
}

func TestPaletteEscClosesWithoutOpening(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	before := plainScreen(m)
	m = press(t, m, "ctrl+p")
	m = typeText(t, m, "herald")
	m = press(t, m, "esc")
	if m.mode != modeRead {
		t.Fatalf("esc: mode = %v, want reading", m.mode)
	}
	if m.panes[0].doc != c.Docs[0] {
		t.Fatalf("esc opened %q", m.panes[0].doc.Path)
	}
	if after := plainScreen(m); after != before {
		t.Errorf("screen after esc differs from before the palette:\n%s\n---\n%s", before, after)
	}
}

func TestPaletteSelectionMoves(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "ctrl+p")
	n := len(m.palette.results)
	if n != len(c.Docs) {
		t.Fatalf("empty query lists %d documents, want %d", n, len(c.Docs))
	}
	steps := []struct {
		key  string
		want int
	}{
		{"ctrl+n", 1}, {"down", 2}, {"ctrl+p", 1}, {"up", 0}, {"up", 0},
	}
	for _, s := range steps {
		m = press(t, m, s.key)
		if m.palette.selected != s.want {
			t.Fatalf("%s: selected = %d, want %d", s.key, m.palette.selected, s.want)
		}
	}
	for range n + 3 {
		m = press(t, m, "down")
	}
	if m.palette.selected != n-1 {
		t.Fatalf("down past the end: selected = %d, want %d", m.palette.selected, n-1)
	}
	m = press(t, m, "up", "up")
	want := m.palette.chosen().(*corpus.Document)
	m = press(t, m, "enter")
	if m.panes[0].doc != want {
		t.Fatalf("enter opened %q, want the selected %q", m.panes[0].doc.Path, want.Path)
	}
}

// openByPalette opens the document whose title matches query in the
// focused pane.
func openByPalette(t *testing.T, m Model, query string, want *corpus.Document) Model {
	t.Helper()
	m = press(t, m, "ctrl+p")
	m = typeText(t, m, query)
	if got := m.palette.chosen(); got != want {
		t.Fatalf("palette query %q chose %v, want %s", query, got, want.Path)
	}
	m = press(t, m, "enter")
	if m.focused().doc != want {
		t.Fatalf("palette did not open %s", want.Path)
	}
	return m
}

func TestBackReturnsToPreviousDocumentAndLine(t *testing.T) {
	c := sampleCorpus(t)
	a, b := c.Docs[0], docByPath(t, c, "04-civic-herald")
	for _, back := range []string{"backspace", "ctrl+o"} {
		t.Run(back, func(t *testing.T) {
			m := newTestModel(t, c, readW, readH)
			m = press(t, m, "space", "j", "j") // a text line
			top := m.panes[0].top
			if l := m.panes[0].layout().lines[top]; l.kind != lineText {
				t.Fatalf("line %d is not text; pick another", top)
			}
			m = openByPalette(t, m, "herald", b)
			if m.panes[0].top != 0 {
				t.Fatalf("a newly opened document starts at line %d", m.panes[0].top)
			}
			m = press(t, m, "j")
			m = press(t, m, back)
			if m.panes[0].doc != a {
				t.Fatalf("%s opened %q, want %q", back, m.panes[0].doc.Path, a.Path)
			}
			if m.panes[0].top != top {
				t.Fatalf("%s returned to line %d, want %d", back, m.panes[0].top, top)
			}
			m = press(t, m, back)
			if m.panes[0].doc != a || !strings.Contains(m.status, "no earlier document") {
				t.Fatalf("back with an empty stack: doc %q, status %q", m.panes[0].doc.Path, m.status)
			}
		})
	}
}

// TestBackRestoresEveryTopLine checks the round trip from every
// position of the document, including the blank rows between paragraphs.
func TestBackRestoresEveryTopLine(t *testing.T) {
	c := sampleCorpus(t)
	b := docByPath(t, c, "04-civic-herald")
	m := newTestModel(t, c, readW, readH)
	var wrong []string
	for top := 0; top <= m.panes[0].maxTop(); top++ {
		m.panes[0].scrollTo(top)
		m2 := openByPalette(t, m, "herald", b)
		m2 = press(t, m2, "backspace")
		if got := m2.panes[0].top; got != top {
			kind := "text"
			if m.panes[0].layout().lines[top].kind == lineBlank {
				kind = "blank"
			}
			wrong = append(wrong, fmt.Sprintf("%d (%s) → %d", top, kind, got))
		}
	}
	if len(wrong) > 0 {
		t.Errorf("back does not return to the same top line when the top row is the blank row between paragraphs: "+
			"anchor() stores the paragraph above with offset 0, so the view jumps up to that paragraph's first line: %s",
			strings.Join(wrong, ", "))
	}
}

// toTextLine scrolls the focused pane down until its top row is text, not
// the blank row between paragraphs (see TestBackRestoresEveryTopLine).
func toTextLine(t *testing.T, m Model) Model {
	t.Helper()
	for m.focused().layout().lines[m.focused().top].kind != lineText {
		m = press(t, m, "j")
	}
	return m
}

func TestReopenResumesWherePaneWas(t *testing.T) {
	c := sampleCorpus(t)
	a, b := c.Docs[0], docByPath(t, c, "04-civic-herald")
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "space", "j") // a text line
	topA := m.panes[0].top
	m = openByPalette(t, m, "herald", b)
	m = press(t, m, "ctrl+d", "j")
	m = toTextLine(t, m)
	topB := m.panes[0].top
	m = openByPalette(t, m, "meridian", a)
	if m.panes[0].top != topA {
		t.Fatalf("reopened %s at line %d, want %d", a.Path, m.panes[0].top, topA)
	}
	m = openByPalette(t, m, "herald", b)
	if m.panes[0].top != topB {
		t.Fatalf("reopened %s at line %d, want %d", b.Path, m.panes[0].top, topB)
	}
}

// countMatches counts query in the shown paragraphs of d, ignoring case
// when fold is set.
func countMatches(d *corpus.Document, query string, fold bool) int {
	n := 0
	for _, p := range d.Paragraphs {
		if p.Hidden() {
			continue
		}
		text := p.Text
		if fold {
			text, query = strings.ToLower(text), strings.ToLower(query)
		}
		n += strings.Count(text, query)
	}
	return n
}

func runSearchKeys(t *testing.T, m Model, query string) Model {
	t.Helper()
	m = press(t, m, "/")
	if m.mode != modeSearch {
		t.Fatalf("/: mode = %v, want the search prompt", m.mode)
	}
	m = typeText(t, m, query)
	return press(t, m, "enter")
}

// currentMatchVisible reports whether the ▶ gutter mark of the current
// match is on screen in the left pane.
func currentMatchVisible(t *testing.T, m Model) bool {
	t.Helper()
	for _, row := range strings.Split(plainScreen(m), "\n")[1:] {
		if left, _, _ := strings.Cut(row, "│"); strings.HasPrefix(left, "▶") {
			return true
		}
	}
	return false
}

func TestSearchStepsThroughMatchesWithWrapAround(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	n := countMatches(c.Docs[0], "gate", true)
	if n < 3 {
		t.Fatalf("the first sample document has only %d matches of \"gate\"", n)
	}
	m = runSearchKeys(t, m, "gate")
	if m.mode != modeRead {
		t.Fatalf("enter: mode = %v, want reading", m.mode)
	}
	if got := len(m.panes[0].search.matches); got != n {
		t.Fatalf("found %d matches, want %d", got, n)
	}
	header := func() string { return headerOf(t, m, 0) }
	if h := header(); !strings.Contains(h, fmt.Sprintf("match 1/%d", n)) {
		t.Fatalf("header %q, want match 1/%d", h, n)
	}
	if !currentMatchVisible(t, m) {
		t.Errorf("the current match is not marked on screen")
	}
	steps := []struct {
		key  string
		want int
	}{
		{"N", n}, {"n", 1}, {"n", 2}, {"N", 1}, {"N", n}, {"N", n - 1},
	}
	for _, s := range steps {
		m = press(t, m, s.key)
		if h := header(); !strings.Contains(h, fmt.Sprintf("match %d/%d", s.want, n)) {
			t.Fatalf("%s: header %q, want match %d/%d", s.key, h, s.want, n)
		}
		if !currentMatchVisible(t, m) {
			t.Fatalf("%s: match %d is not on screen (top %d)", s.key, s.want, m.panes[0].top)
		}
	}
	for range n - 1 {
		m = press(t, m, "n")
	}
	if h := header(); !strings.Contains(h, fmt.Sprintf("match %d/%d", n-2, n)) {
		t.Fatalf("n×%d from %d: header %q", n-1, n-1, h)
	}
	m = press(t, m, "esc")
	if m.panes[0].search.active() {
		t.Fatal("esc did not clear the search")
	}
	if h := header(); strings.Contains(h, "match") {
		t.Errorf("header after esc still shows the search: %q", h)
	}
	m = press(t, m, "n")
	if !strings.Contains(m.status, "no search") {
		t.Errorf("n without a search: status %q", m.status)
	}
}

func TestSearchSmartCase(t *testing.T) {
	c := sampleCorpus(t)
	lower, upper := countMatches(c.Docs[0], "gate", true), countMatches(c.Docs[0], "Gate", false)
	if upper == 0 || upper >= lower {
		t.Fatalf("sample has %d case-sensitive and %d case-insensitive matches; the test needs 0 < upper < lower", upper, lower)
	}
	m := runSearchKeys(t, newTestModel(t, c, readW, readH), "Gate")
	if got := len(m.panes[0].search.matches); got != upper {
		t.Errorf("\"Gate\" (capital: case-sensitive) found %d, want %d", got, upper)
	}
	if h := headerOf(t, m, 0); !strings.Contains(h, fmt.Sprintf("/%d", upper)) {
		t.Errorf("header %q", h)
	}
	m = runSearchKeys(t, newTestModel(t, c, readW, readH), "gate")
	if got := len(m.panes[0].search.matches); got != lower {
		t.Errorf("\"gate\" (no capital: any case) found %d, want %d", got, lower)
	}
}

func TestSearchNoMatchAndEscInPrompt(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	m = runSearchKeys(t, m, "zzqxv")
	if !strings.Contains(headerOf(t, m, 0), "no match") || !strings.Contains(m.status, "no match") {
		t.Errorf("no match: header %q status %q", headerOf(t, m, 0), m.status)
	}
	m = press(t, m, "esc", "/")
	m = typeText(t, m, "gate")
	m = press(t, m, "esc")
	if m.mode != modeRead || m.panes[0].search.active() {
		t.Fatalf("esc in the prompt should close it without searching (mode %v, active %v)", m.mode, m.panes[0].search.active())
	}
}

func TestSearchStartsAtCurrentPosition(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	m = press(t, m, "space", "space")
	top := m.panes[0].top
	m = runSearchKeys(t, m, "gate")
	cur := m.panes[0].search.matches[m.panes[0].search.current]
	if line := m.panes[0].lineOf(cur.para, cur.start); line < top {
		t.Errorf("the first match shown is at line %d, above the reading position %d", line, top)
	}
}

// A help box too tall for the window scrolls, and stays centred across
// like one that fits, its rows all starting in the same column.
func TestHelpTooTallIsCentred(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 80, 24)
	for _, keys := range [][]string{{"?"}, {"?", "space"}} {
		m = press(t, m, "esc")
		m = press(t, m, keys...)
		col := -1
		for _, row := range strings.Split(plainScreen(m), "\n") {
			i := strings.IndexAny(row, "│╭╰")
			if i < 0 {
				continue
			}
			if col < 0 {
				col = i
			}
			if i != col {
				t.Errorf("%v: box row starts at byte %d, others at %d:\n%s", keys, i, col, plainScreen(m))
				break
			}
		}
		if col < 4 {
			t.Errorf("%v: box starts at byte %d, want it centred in 80 columns:\n%s", keys, col, plainScreen(m))
		}
	}
}

func TestHelpOverlayOpensAndCloses(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 100, 30)
	m = press(t, m, "?")
	if m.mode != modeHelp || !strings.Contains(plainScreen(m), "parallax — keys") {
		t.Fatalf("? did not open the help:\n%s", plainScreen(m))
	}
	m = press(t, m, "j")
	if m.mode != modeHelp || m.panes[0].top != 0 {
		t.Fatal("a reading key acted behind the help overlay")
	}
	m = press(t, m, "esc")
	if m.mode != modeRead {
		t.Fatal("esc did not close the help")
	}
	m = press(t, m, "?", "?")
	if m.mode != modeRead {
		t.Fatal("? did not close the help")
	}
}

// n on the only match moves nothing, so it says why.
func TestSearchSaysWhenThereIsOnlyOneMatch(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, readW, readH)
	if n := countMatches(c.Docs[0], "preliminary", true); n != 1 {
		t.Fatalf("the first sample document has %d matches of \"preliminary\", the test needs 1", n)
	}
	m = runSearchKeys(t, m, "preliminary")
	for _, k := range []string{"n", "N"} {
		m.status = ""
		m = press(t, m, k)
		if m.status != "the only match" {
			t.Errorf("%s on the only match: status %q", k, m.status)
		}
	}
}

// In a window too narrow for the help box, help is a plain list: every
// key readable, nothing cut at the right edge but with an ellipsis.
func TestHelpInANarrowWindowIsAList(t *testing.T) {
	c := sampleCorpus(t)
	for _, size := range [][2]int{{40, 12}, {20, 6}} {
		m := newTestModel(t, c, size[0], size[1])
		m = press(t, m, "?")
		screen := plainScreen(m)
		if strings.ContainsAny(screen, "╭╮╰╯") {
			t.Errorf("%dx%d: the help box is drawn cut:\n%s", size[0], size[1], screen)
		}
		if !strings.Contains(screen, "j/↓ line") {
			t.Errorf("%dx%d: the first key is not readable:\n%s", size[0], size[1], screen)
		}
		for _, row := range strings.Split(screen, "\n") {
			if w := ansi.StringWidth(row); w > size[0] {
				t.Errorf("%dx%d: row %q is %d wide", size[0], size[1], row, w)
			}
		}
	}
}

func TestTermsPanelInATinyWindowSaysWhy(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, 20, 6)
	m = press(t, m, "i")
	if m.showTerms || !strings.Contains(m.status, "taller window") {
		t.Errorf("i at 20x6: panel shown %v, status %q", m.showTerms, m.status)
	}
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
	if m = next.(Model); m.status != "" {
		t.Errorf("after growing the window the status still says %q", m.status)
	}
	m = newTestModel(t, c, 80, 10)
	m = press(t, m, "i")
	if !m.showTerms || m.layout.panel.h == 0 {
		t.Errorf("i at 80x10: no panel (status %q)", m.status)
	}
}

func TestEllipsizeDoesNotDoubleAnEllipsis(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"A long title that was cut…", 30, "A long title that was cut…"},
		{"A long title… and more words", 14, "A long title…"},
		{"A long title and more words", 14, "A long title …"},
	} {
		if got := ellipsize(c.in, c.w); got != c.want {
			t.Errorf("ellipsize(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

// While the corpus loads, the palette lists what has arrived and says
// more will come, without a count that would stop when it opened, and
// keeps its title at 80 columns.
func TestPaletteWhileLoading(t *testing.T) {
	c := tempCorpus(t, map[string]string{"first.txt": "First Story\n\nThe first document, read before the rest."})
	ch := make(chan tea.Msg)
	m := update(t, New(c, testKeyMap(), Loading(ch, 10000, 100<<20)), tea.WindowSizeMsg{Width: 80, Height: 24})
	m = update(t, m, LoadProgressMsg{Done: 1933, Total: 10000, Bytes: 20 << 20, TotalBytes: 100 << 20})
	m = press(t, m, "ctrl+p")
	m = update(t, m, LoadProgressMsg{Done: 6879, Total: 10000, Bytes: 69 << 20, TotalBytes: 100 << 20})
	lines := strings.Split(plainScreen(m), "\n")
	if !strings.Contains(lines[0], "Open a document") || !strings.Contains(lines[0], "indexing…") || strings.Contains(lines[0], "1,933") {
		t.Errorf("palette title while loading: %q", lines[0])
	}
	if !strings.Contains(plainScreen(m), "6,879/10,000 files") {
		t.Errorf("the status bar does not count the progress:\n%s", plainScreen(m))
	}
}

// When the folder walk outlasts the opening of the window, the reader
// opens on nothing and says it is finding the files; once the walk is
// done the totals count, S lists the files it skipped, and the first
// document shows.
func TestReaderWhileFindingFiles(t *testing.T) {
	c := tempCorpus(t, map[string]string{"first.txt": "First Story\n\nThe first document, read before the rest."})
	ch := make(chan tea.Msg)
	m := update(t, New(&corpus.Corpus{}, testKeyMap(), Loading(ch, 0, 0)), tea.WindowSizeMsg{Width: 80, Height: 24})
	screen := plainScreen(m)
	if !strings.Contains(screen, "finding files…") || strings.Contains(screen, "0/0") {
		t.Errorf("while finding files:\n%s", screen)
	}
	m = press(t, m, "r")
	if !strings.Contains(m.status, "finding files") {
		t.Errorf("r while finding files: status %q", m.status)
	}
	m = update(t, m, LoadProgressMsg{Total: 10000, TotalBytes: 100 << 20, Skipped: []corpus.Skipped{{Path: "scan.pdf", Reason: "unsupported extension"}}})
	m = update(t, m, FirstDocMsg{Doc: c.Docs[0]})
	m = press(t, m, "j") // a key clears the status line, which hides the progress
	screen = plainScreen(m)
	if !strings.Contains(screen, "0/10,000") || !strings.Contains(screen, "First Story") || strings.Contains(screen, "finding files") {
		t.Errorf("after the walk:\n%s", screen)
	}
	if screen = plainScreen(press(t, m, "S")); !strings.Contains(screen, "scan.pdf") {
		t.Errorf("S does not list the file the walk skipped:\n%s", screen)
	}
}

// A title that the corpus cut with "…" is not followed by a path cut to
// nothing but another "…", at any width.
func TestHeaderNeverDoublesAnEllipsis(t *testing.T) {
	long := strings.Repeat("Floodgate failure on the Ostrel river forces evacuations ", 6)
	c := tempCorpus(t, map[string]string{"a-rather-long-file-name.txt": long + "\n\nBody text here.\n"})
	if title := c.Docs[0].Title; !strings.HasSuffix(title, "…") {
		t.Fatalf("title %q was not cut: the test needs one that was", title)
	}
	m := newTestModel(t, c, 160, 24)
	for w := 30; w <= 240; w++ {
		m = update(t, m, tea.WindowSizeMsg{Width: w, Height: 24})
		if h := headerOf(t, m, 0); strings.Contains(h, "……") || strings.Contains(h, "…  …") {
			t.Fatalf("width %d: header %q", w, h)
		}
	}
}

// The help says ctrl+c quits; it must from every overlay, prompt and
// half-typed two-key command, not only while reading.
func TestCtrlCQuitsFromAnywhere(t *testing.T) {
	for _, keys := range [][]string{{}, {"o"}, {"e"}, {"M"}, {"S"}, {"/"}, {"?"}, {"m"}, {"'"}, {"o", "x"}} {
		m := newTestModel(t, sampleCorpus(t), 100, 30)
		m = press(t, m, "m", "a") // a mark, so that M opens a list
		m = press(t, m, keys...)
		if _, cmd := m.Update(keyPress("ctrl+c")); cmd == nil || !isQuit(cmd) {
			t.Errorf("%v then ctrl+c: did not quit", keys)
		}
	}
}

// Scrolled down, the help says there is more above as well as below.
func TestHelpScrolledSaysMoreAbove(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 80, 12)
	m = press(t, m, "?")
	if s := plainScreen(m); strings.Contains(s, "↑ more") || !strings.Contains(s, "↓ more") {
		t.Fatalf("help at the top:\n%s", s)
	}
	m = press(t, m, "j", "j")
	if s := plainScreen(m); !strings.Contains(s, "↑ more") {
		t.Errorf("help scrolled down says nothing of the rows above:\n%s", s)
	}
	m = press(t, m, "q")
	if m.mode != modeRead {
		t.Error("q did not close the help, which says q closes it")
	}
}

// The footer's keys shrink by whole items: never a cut item or a bare
// separator, and "? help" stays while it fits.
func TestFooterKeysDropWholeItems(t *testing.T) {
	for w := 8; w <= 200; w++ {
		m := newTestModel(t, sampleCorpus(t), w, 20)
		rows := strings.Split(plainScreen(m), "\n")
		foot := strings.TrimRight(rows[len(rows)-1], " ")
		if ansi.StringWidth(foot) > w {
			t.Errorf("width %d: footer is %d wide: %q", w, ansi.StringWidth(foot), foot)
		}
		if strings.HasSuffix(foot, "•") || strings.HasSuffix(foot, "…") {
			t.Errorf("width %d: footer ends on a separator or a cut: %q", w, foot)
		}
		if w >= 40 && !strings.HasSuffix(foot, "? help • q quit") {
			t.Errorf("width %d: footer lost ? help or q quit: %q", w, foot)
		}
	}
}

// A header shows the file name whole, cut to a part that still names
// something, or not at all: never a stub such as "  0…".
func TestHeaderPathIsNeverAStub(t *testing.T) {
	c := tempCorpus(t, map[string]string{"a-rather-long-file-name.txt": "Short title\n\nBody text here.\n"})
	m := newTestModel(t, c, 160, 24)
	for w := 20; w <= 120; w++ {
		m = update(t, m, tea.WindowSizeMsg{Width: w, Height: 24})
		h := headerOf(t, m, 0)
		_, rest, ok := strings.Cut(h, "Short title")
		if !ok {
			continue
		}
		path := strings.Fields(rest)
		if len(path) > 1 && strings.HasSuffix(path[0], "…") && ansi.StringWidth(path[0]) < 9 {
			t.Errorf("width %d: header %q shows a stub of the file name", w, h)
		}
	}
}

// Swapping panes of unequal widths back and forth, or resizing the window
// away and back, returns each document to the line it was on.
func TestSwapAndResizeDoNotDrift(t *testing.T) {
	for _, w := range []int{81, 97, 123, 160} {
		m := newTestModel(t, sampleCorpus(t), w, 30)
		for range 7 {
			m = press(t, m, "j", "j", "j")
			top := [2]int{m.panes[0].top, m.panes[1].top}
			for range 3 {
				m = press(t, m, "s", "s")
			}
			m = update(t, m, tea.WindowSizeMsg{Width: w - 13, Height: 30})
			m = update(t, m, tea.WindowSizeMsg{Width: w + 29, Height: 30})
			m = update(t, m, tea.WindowSizeMsg{Width: w, Height: 30})
			if got := [2]int{m.panes[0].top, m.panes[1].top}; got != top {
				t.Fatalf("width %d: tops %v before three double swaps and a resize, %v after", w, top, got)
			}
		}
	}
}

// Plain-text articles say their source and date in a byline: ctrl+t in
// the palette sorts by them (it said there was nothing to sort by).
func TestPaletteSortsPlainTextBySource(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 100, 30)
	m = press(t, m, "o", "ctrl+t")
	if m.paletteOrder != bySource || strings.Contains(m.status, "nothing to sort") {
		t.Fatalf("ctrl+t: order %v, status %q", m.paletteOrder, m.status)
	}
	s := plainScreen(m)
	civic, flow := strings.Index(s, "The Civic Herald"), strings.Index(s, "Flow & Structure")
	if civic < 0 || flow < 0 || civic > flow {
		t.Errorf("by source, Flow & Structure (F) should follow The Civic Herald (C):\n%s", s)
	}
}
