package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"parallax/corpus"
	"parallax/corpus/sample"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// testKeyMap is the default key map of package main (keymap.go), which
// the ui package cannot import: it is read from the text copy that
// package main's TestDefaultKeysFixture keeps in step with keymap.go.
func testKeyMap() KeyMap {
	data, err := os.ReadFile("../testdata/TestDefaultKeysFixture.golden")
	if err != nil {
		panic("the default key map fixture is missing: " + err.Error())
	}
	var km KeyMap
	v := reflect.ValueOf(&km).Elem()
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			panic("bad line in the key map fixture: " + line)
		}
		field := v.FieldByName(f[0])
		if !field.IsValid() {
			panic("the key map fixture names an unknown action: " + f[0])
		}
		field.Set(reflect.ValueOf(key.NewBinding(key.WithKeys(strings.Fields(f[1])...), key.WithHelp(f[2], f[3]))))
	}
	return km
}

var (
	sampleOnce   sync.Once
	sampleCached *corpus.Corpus
	sampleErr    error
)

// sampleCorpus is the embedded five-article sample, loaded once. The
// corpus is immutable after load, so tests may share it.
func sampleCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	sampleOnce.Do(func() {
		sampleCached, sampleErr = corpus.LoadFS(sample.FS, corpus.Options{})
	})
	if sampleErr != nil {
		t.Fatalf("loading the sample corpus: %v", sampleErr)
	}
	if len(sampleCached.Docs) != 5 {
		t.Fatalf("sample corpus has %d documents, want 5", len(sampleCached.Docs))
	}
	return sampleCached
}

// tempCorpus writes files (name → content) into a temporary directory and
// loads them.
func tempCorpus(t testing.TB, files map[string]string) *corpus.Corpus {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.Load([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatalf("loading %d temporary files: %v", len(files), err)
	}
	return c
}

// longDoc is a document of n numbered paragraphs, long enough to scroll.
func longDoc(title string, n int) string {
	var b strings.Builder
	b.WriteString(title + "\n\n")
	for i := 1; i <= n; i++ {
		b.WriteString("Paragraph " + itoa(i) + " says something about the river and the town council.\n\n")
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// newTestModel builds the reader over c and sizes it.
func newTestModel(t testing.TB, c *corpus.Corpus, width, height int) Model {
	t.Helper()
	m := New(c, testKeyMap())
	return update(t, m, tea.WindowSizeMsg{Width: width, Height: height})
}

// update sends one message and returns the root model.
func update(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, _ := m.Update(msg)
	nm, ok := next.(Model)
	if !ok {
		t.Fatalf("Update returned %T, want ui.Model", next)
	}
	return nm
}

// keyPress builds the key press a terminal would deliver for a key name
// as bubbles' key.Binding spells it: "j", "G", "ctrl+p", "enter", "space".
func keyPress(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape,
		"backspace": tea.KeyBackspace, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if name == "space" {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if c, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		r, _ := utf8.DecodeRuneInString(rest)
		if c, ok := special[rest]; ok {
			r = c
		}
		return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl}
	}
	r, _ := utf8.DecodeRuneInString(name)
	if unicode.IsUpper(r) {
		return tea.KeyPressMsg{Code: unicode.ToLower(r), ShiftedCode: r, Mod: tea.ModShift, Text: name}
	}
	return tea.KeyPressMsg{Code: r, Text: name}
}

// press sends key presses by name, in order.
func press(t testing.TB, m Model, names ...string) Model {
	t.Helper()
	for _, n := range names {
		m = update(t, m, keyPress(n))
	}
	return m
}

// typeText types s one rune at a time, as a user would.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		msg := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == ' ' {
			msg.Code = tea.KeySpace
		}
		m = update(t, m, msg)
	}
	return m
}

// screen is the frame as drawn, escape sequences included.
func screen(m Model) string { return m.View().Content }

// plainScreen is the frame without styling.
func plainScreen(m Model) string { return ansi.Strip(m.View().Content) }

// headerOf is the plain header row of pane i as drawn in the side-by-side
// layout (left pane left of the divider).
func headerOf(t testing.TB, m Model, i int) string {
	t.Helper()
	first := strings.SplitN(plainScreen(m), "\n", 2)[0]
	left, right, ok := strings.Cut(first, "│")
	if !ok {
		if m.layout.arrange == sideBySide {
			t.Fatalf("no divider in the first row %q", first)
		}
		return first
	}
	if i == 0 {
		return left
	}
	return right
}

// docByPath finds a document of c whose path contains s.
func docByPath(t testing.TB, c *corpus.Corpus, s string) *corpus.Document {
	t.Helper()
	for _, d := range c.Docs {
		if strings.Contains(d.Path, s) {
			return d
		}
	}
	t.Fatalf("no document path contains %q", s)
	return nil
}

// paraIndex is the index of the first paragraph of d starting with
// prefix (or containing it, when contains is set).
func paraIndex(t testing.TB, d *corpus.Document, s string, contains bool) int {
	t.Helper()
	for i, p := range d.Paragraphs {
		if (contains && strings.Contains(p.Text, s)) || (!contains && strings.HasPrefix(p.Text, s)) {
			return i
		}
	}
	t.Fatalf("%s: no paragraph with %q", d.Path, s)
	return -1
}

// visibleParas is the set of paragraphs (of the document shown, so lens
// passages in a lens) with at least one text line on screen in pane p.
func visibleParas(p *pane) []int {
	w := p.layout()
	var out []int
	seen := map[int]bool{}
	for i := p.top; i < len(w.lines) && i < p.top+p.bodyHeight(); i++ {
		l := w.lines[i]
		if l.kind == lineText && !seen[l.para] {
			seen[l.para] = true
			out = append(out, l.para)
		}
	}
	return out
}

// TestTestKeyMapCoversEveryBinding fails when KeyMap gains a binding that
// testKeyMap (and so, likely, nothing in these tests) does not fill.
func TestTestKeyMapCoversEveryBinding(t *testing.T) {
	v := reflect.ValueOf(testKeyMap())
	for i := range v.NumField() {
		b, ok := v.Field(i).Interface().(key.Binding)
		if !ok {
			continue
		}
		if len(b.Keys()) == 0 || b.Help().Key == "" {
			t.Errorf("testKeyMap leaves %s empty: copy it from keymap.go", v.Type().Field(i).Name)
		}
	}
}

func TestKeyPressHelperSpellsKeysLikeBindings(t *testing.T) {
	for _, name := range []string{"j", "G", "N", "L", "?", "/", "ctrl+p", "ctrl+n", "ctrl+d", "ctrl+u", "ctrl+o", "enter", "tab", "esc", "space", "backspace", "up", "down", "pgup", "pgdown", "home", "end"} {
		if got := keyPress(name).String(); got != name {
			t.Errorf("keyPress(%q).String() = %q", name, got)
		}
	}
}
