package ui

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"parallax/corpus"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestRandomEventsKeepInvariants drives the reader with seeded random
// events: every key of the key map, random runes, mouse wheels and
// clicks, pastes and window sizes from 0×0 to 300×100. After each event
// nothing may have panicked, every offset must be in bounds, the focus
// valid, and the frame no wider or taller than the window.
//
// PARALLAX_PROPERTY_EVENTS sets the number of events (default 100,000,
// run as two seeded halves in parallel).
func TestRandomEventsKeepInvariants(t *testing.T) {
	events := 100_000
	if n, err := strconv.Atoi(os.Getenv("PARALLAX_PROPERTY_EVENTS")); err == nil {
		events = n
	}
	if testing.Short() {
		events = 5_000
	}
	c := hostileTestCorpus(t)
	for seed := range uint64(2) {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			randomEvents(t, c, seed, events/2)
		})
	}
}

func randomEvents(t *testing.T, c *corpus.Corpus, seed uint64, events int) {
	keys := testKeyMap()
	var keyPresses []tea.KeyPressMsg
	for _, b := range keyMapBindings(keys) {
		for _, k := range b.Keys() {
			keyPresses = append(keyPresses, keyPressFor(k))
		}
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	var m tea.Model = New(c, keys)
	w, h := 80, 24
	m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	for i := range events {
		var msg tea.Msg
		switch r := rng.IntN(100); {
		case r < 60:
			msg = keyPresses[rng.IntN(len(keyPresses))]
		case r < 80:
			ch := rune(rng.IntN(0x2000) + 0x20)
			msg = tea.KeyPressMsg{Code: ch, Text: string(ch)}
		case r < 88:
			btn := tea.MouseWheelDown
			if rng.IntN(2) == 0 {
				btn = tea.MouseWheelUp
			}
			msg = tea.MouseWheelMsg{X: rng.IntN(w + 1), Y: rng.IntN(h + 1), Button: btn}
		case r < 90:
			msg = tea.MouseClickMsg{X: rng.IntN(w + 1), Y: rng.IntN(h + 1), Button: tea.MouseLeft}
		case r < 93:
			msg = tea.PasteMsg{Content: randomText(rng)}
		default:
			w, h = rng.IntN(301), rng.IntN(101)
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd != nil && isQuit(cmd) {
			// q quits the program; a new reader takes over, as after a restart.
			m = New(c, keys)
			m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		}
		checkInvariants(t, i, msg, m.(Model), w, h)
		if t.Failed() {
			return
		}
	}
}

func checkInvariants(t *testing.T, i int, msg tea.Msg, m Model, w, h int) {
	t.Helper()
	if m.focus != 0 && m.focus != 1 {
		t.Fatalf("event %d (%#v): focus %d", i, msg, m.focus)
	}
	for pi := range m.panes {
		p := &m.panes[pi]
		if p.top < 0 || p.top > p.maxTop() {
			t.Fatalf("event %d (%#v): pane %d top %d outside [0, %d]", i, msg, pi, p.top, p.maxTop())
		}
		if n := len(p.search.matches); n > 0 && (p.search.current < 0 || p.search.current >= n) {
			t.Fatalf("event %d: pane %d current match %d of %d", i, pi, p.search.current, n)
		}
	}
	for _, pk := range []*picker{&m.palette, &m.chooser, &m.skipped, &m.marksView} {
		if len(pk.results) > 0 && (pk.selected < 0 || pk.selected >= len(pk.results)) {
			t.Fatalf("event %d: picker selection %d of %d", i, pk.selected, len(pk.results))
		}
	}
	view := m.View().Content
	lines := strings.Split(view, "\n")
	if view != "" && len(lines) > h {
		t.Fatalf("event %d (%#v): %d lines in a %d×%d window (mode %d, layout %+v): %q", i, msg, len(lines), w, h, m.mode, m.layout, view)
	}
	for n, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("event %d (%#v): line %d is %d cells wide in a %d-column window: %q", i, msg, n, lw, w, l)
		}
	}
}

// isQuit reports whether cmd is tea.Quit without running it: other
// commands (a cursor blink) would sleep.
func isQuit(cmd tea.Cmd) bool {
	return reflect.ValueOf(cmd).Pointer() == reflect.ValueOf(tea.Quit).Pointer()
}

// keyPressFor turns a binding's key name ("ctrl+p", "pgdown", "G") into
// the message the terminal would send.
func keyPressFor(k string) tea.KeyPressMsg {
	named := map[string]rune{
		"up": tea.KeyUp, "down": tea.KeyDown, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"home": tea.KeyHome, "end": tea.KeyEnd, "tab": tea.KeyTab, "enter": tea.KeyEnter,
		"esc": tea.KeyEscape, "backspace": tea.KeyBackspace, "space": tea.KeySpace,
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	if code, ok := named[k]; ok {
		msg := tea.KeyPressMsg{Code: code}
		if k == "space" {
			msg.Text = " "
		}
		return msg
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(40) {
		b.WriteRune(rune(rng.IntN(0x3000)))
	}
	return b.String()
}

// keyMapBindings lists every binding of a key map.
func keyMapBindings(k KeyMap) []key.Binding {
	v := reflect.ValueOf(k)
	var out []key.Binding
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	return out
}

// hostileTestCorpus is a small corpus of awkward documents: escape
// sequences, wide characters, one very long line, one huge word, a
// document of blank lines and boilerplate, and two ordinary articles.
func hostileTestCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"escapes.txt":  "Title \x1b]0;pwned\x07 here\n\n\x1b[31mred\x1b[0m text\rover \x9b6n \u202eevil\u202c and\tTabs\x00 NUL.",
		"wide.md":      "# 日本語の見出し\n\n漢字とかなの文章です。😀👩‍💻 emoji and ｆｕｌｌｗｉｄｔｈ text.\n\n" + strings.Repeat("한국어 문장입니다. ", 60),
		"oneline.txt":  strings.Repeat("gate river Musk China budget ", 800),
		"bigword.txt":  "A word: " + strings.Repeat("x", 20_000) + " ends.",
		"boiler.txt":   strings.Repeat("Subscribe now.\n\nNews paragraph about the dam.\n\n", 5),
		"blank.txt":    "\n\n   \n\t\nOnly line.\n\n\n",
		"article1.txt": "Dam gate fails in river town\n\nThe gate failed after heavy rain. The mayor blamed the operator.\n\nResidents were evacuated overnight.",
		"article2.txt": "Operator shares fall after dam failure\n\nShares fell as insurers counted the cost of the gate failure.\n\nThe mayor cut flood budgets in 2024.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.Load([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
