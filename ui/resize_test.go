package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var resizeSizes = []struct{ w, h int }{
	{1, 1}, {20, 5}, {0, 0}, {40, 12}, {79, 30}, {200, 60},
	{0, 24}, {80, 0}, {2, 3}, {80, 3}, {80, 24}, {120, 40},
}

// overlays puts the reader in each state whose drawing differs.
var overlays = []struct {
	name string
	keys []string
	text string // typed after the keys
}{
	{name: "read"},
	{name: "scrolled", keys: []string{"space", "j", "tab", "G"}},
	{name: "palette", keys: []string{"ctrl+p"}, text: "herald"},
	{name: "palette-empty", keys: []string{"o"}, text: "zzzzqqq"},
	{name: "help", keys: []string{"?"}},
	{name: "terms", keys: []string{"i"}},
	{name: "terms-highlight", keys: []string{"i", "h"}},
	{name: "lens-chooser", keys: []string{"e"}, text: "Breck"},
	{name: "lens", keys: []string{"e"}, text: "Breck\n"},
	{name: "search-prompt", keys: []string{"/"}, text: "gate"},
	{name: "search", keys: []string{"/"}, text: "gate\n"},
	{name: "linked", keys: []string{"L", "ctrl+d", "a"}},
}

// applyOverlay presses the keys and types the text of an overlay; a
// newline in the text is enter.
func applyOverlay(t *testing.T, m Model, keys []string, text string) Model {
	t.Helper()
	m = press(t, m, keys...)
	for _, part := range strings.SplitAfter(text, "\n") {
		typed, enter := strings.CutSuffix(part, "\n")
		m = typeText(t, m, typed)
		if enter {
			m = press(t, m, "enter")
		}
	}
	return m
}

// frameProblems says how the frame fails to fit a width × height window.
func frameProblems(m Model, width, height int) []string {
	content := m.View().Content
	if content == "" {
		if width > 0 && height > 0 {
			return []string{fmt.Sprintf("%d×%d: empty frame", width, height)}
		}
		return nil
	}
	var out []string
	rows := strings.Split(content, "\n")
	if len(rows) > height {
		out = append(out, fmt.Sprintf("%d×%d: %d rows: %q", width, height, len(rows), ansi.Strip(content)))
	}
	for i, r := range rows {
		if w := ansi.StringWidth(r); w > width {
			out = append(out, fmt.Sprintf("%d×%d: row %d is %d cells wide: %q", width, height, i, w, ansi.Strip(r)))
		}
	}
	return out
}

// checkFrame fails unless the frame fits a width × height window.
func checkFrame(t *testing.T, m Model, width, height int) {
	t.Helper()
	for _, p := range frameProblems(m, width, height) {
		t.Error(p)
	}
}

func TestResizeFramesFitWindow(t *testing.T) {
	c := sampleCorpus(t)
	for _, o := range overlays {
		for _, s := range resizeSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", o.name, s.w, s.h), func(t *testing.T) {
				// Open the overlay at a normal size, then resize…
				m := newTestModel(t, c, 80, 24)
				m = applyOverlay(t, m, o.keys, o.text)
				m = update(t, m, tea.WindowSizeMsg{Width: s.w, Height: s.h})
				checkFrame(t, m, s.w, s.h)
				// …and open it at that size.
				m = newTestModel(t, c, s.w, s.h)
				m = applyOverlay(t, m, o.keys, o.text)
				checkFrame(t, m, s.w, s.h)
				// Keys keep working at the size.
				m = press(t, m, "j", "down", "tab", "G")
				if p := frameProblems(m, s.w, s.h); len(p) > 0 && o.name == "lens" && s.h == 1 && s.w < sideBySideMinWidth {
					t.Errorf("(see TestEmptyLensFitsOneRowPane): %s", p[0])
				}
				checkFrame(t, m, s.w, s.h)
			})
		}
	}
}

// TestResizeSequence resizes one reader through every size in turn, in
// each overlay, so that state carried from one size to the next (offsets,
// the picker's scroll) is exercised.
func TestResizeSequence(t *testing.T) {
	c := sampleCorpus(t)
	for _, o := range overlays {
		t.Run(o.name, func(t *testing.T) {
			m := New(c, testKeyMap()) // View before the first WindowSizeMsg
			if got := m.View().Content; got != "" {
				t.Errorf("frame before any size: %q", got)
			}
			m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
			m = applyOverlay(t, m, o.keys, o.text)
			for range 2 {
				for _, s := range resizeSizes {
					m = update(t, m, tea.WindowSizeMsg{Width: s.w, Height: s.h})
					checkFrame(t, m, s.w, s.h)
					for i := range m.panes {
						p := &m.panes[i]
						if p.top < 0 || p.top > p.maxTop() {
							t.Errorf("%d×%d: pane %d top %d outside [0, %d]", s.w, s.h, i, p.top, p.maxTop())
						}
					}
				}
			}
		})
	}
}

func TestResizeLayouts(t *testing.T) {
	c := sampleCorpus(t)
	cases := []struct {
		w, h int
		want arrangement
	}{
		{200, 60, sideBySide}, {80, 24, sideBySide}, {79, 30, stacked}, {40, 12, single}, {20, 5, single},
	}
	for _, tc := range cases {
		m := newTestModel(t, c, tc.w, tc.h)
		if m.layout.arrange != tc.want {
			t.Errorf("%d×%d: arrangement %v, want %v", tc.w, tc.h, m.layout.arrange, tc.want)
		}
		got := plainScreen(m)
		switch tc.want {
		case stacked:
			// Both titles on screen, one above the other.
			if !strings.Contains(got, c.Docs[0].Title[:10]) || !strings.Contains(got, c.Docs[1].Title[:10]) {
				t.Errorf("%d×%d stacked: both documents should be on screen:\n%s", tc.w, tc.h, got)
			}
		case single:
			if strings.Contains(got, c.Docs[1].Title[:10]) {
				t.Errorf("%d×%d single: the hidden pane is drawn:\n%s", tc.w, tc.h, got)
			}
			m = press(t, m, "tab")
			if got := plainScreen(m); !strings.Contains(got, c.Docs[1].Title[:6]) {
				t.Errorf("%d×%d single: tab should show the other document:\n%s", tc.w, tc.h, got)
			}
		}
	}
}

// TestResizeKeepsReadingPosition narrows and widens the window: the
// paragraph at the top stays at the top.
func TestResizeKeepsReadingPosition(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, 120, 40)
	m = press(t, m, "ctrl+d", "j")
	m = toTextLine(t, m)
	para := m.panes[0].currentPara()
	for _, s := range []struct{ w, h int }{{80, 24}, {100, 20}, {79, 30}, {120, 40}, {200, 60}} {
		m = update(t, m, tea.WindowSizeMsg{Width: s.w, Height: s.h})
		p := &m.panes[0]
		if p.lineOf(para, 0) > p.maxTop() {
			// The paragraph cannot reach the top: the end is shown.
			if p.top != p.maxTop() {
				t.Errorf("%d×%d: top %d, want the bottom %d", s.w, s.h, p.top, p.maxTop())
			}
			continue
		}
		if got := p.currentPara(); got != para {
			t.Errorf("%d×%d: top paragraph %d, want %d", s.w, s.h, got, para)
		}
	}
}

// TestEmptyLensFitsOneRowPane: a pane whose lens has no passage draws the
// "no passage mentions" note even when the pane has no body row, so in
// the single-pane layout a one-row window gets a two-row frame.
func TestEmptyLensFitsOneRowPane(t *testing.T) {
	c := sampleCorpus(t)
	m := newTestModel(t, c, 80, 24)
	m = chooseLens(t, m, "Breck")
	if m.panes[1].lens == nil || len(m.panes[1].lens.passages) != 0 {
		t.Fatal("the right pane should hold an empty lens")
	}
	m = press(t, m, "tab")
	for _, s := range []struct{ w, h int }{{40, 1}, {1, 1}, {79, 1}} {
		m = update(t, m, tea.WindowSizeMsg{Width: s.w, Height: s.h})
		if p := frameProblems(m, s.w, s.h); len(p) > 0 {
			t.Errorf("pane.body appends the empty-lens note before checking bodyHeight (0 here): %s", p[0])
		}
	}
}
