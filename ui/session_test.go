package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestMarksSetAndJump(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 100, 30)
	m = press(t, m, "j", "j", "j", "j", "m", "x")
	marked := m.panes[0].anchor()
	if !strings.Contains(m.status, "mark x set") {
		t.Errorf("status after mx: %q", m.status)
	}
	// Read elsewhere, in another document, then come back.
	m = press(t, m, "G", "tab")
	m = press(t, m, "'", "x")
	p := m.focused()
	if p.doc != m.corpus.Docs[0] || p.anchor() != marked {
		t.Errorf("'x opened %s at %+v, want %s at %+v", p.doc.Path, p.anchor(), m.corpus.Docs[0].Path, marked)
	}
	m = press(t, m, "'", "z")
	if !strings.Contains(m.status, "no mark z") {
		t.Errorf("status for an unset mark: %q", m.status)
	}
	m = press(t, m, "M")
	if m.mode != modeMarks || !strings.Contains(m.View().Content, "x  Floodgate failure") {
		t.Errorf("marks view: mode %d\n%s", m.mode, m.View().Content)
	}
	m = press(t, m, "esc")
	if m.mode != modeRead {
		t.Error("esc should close the marks view")
	}
}

// esc after m or ' cancels quietly; another key that is not a letter or
// digit says what a mark is named by. Neither sets or moves anything.
// The marks list's filter matches the text at a mark, as it says.
func TestMarksFilterMatchesText(t *testing.T) {
	items := markItems(map[rune]mark{'x': {doc: sampleCorpus(t).Docs[0], at: anchor{para: 1}}})
	if !items[0].MatchDetail || items[0].Detail == "" {
		t.Errorf("mark item %+v: its text is not matched by the filter", items[0])
	}
}

func TestMarkKeyCancelled(t *testing.T) {
	for _, start := range []string{"m", "'"} {
		m := newTestModel(t, sampleCorpus(t), 100, 30)
		m = press(t, m, "j", "j", start, "esc")
		if m.status != "" || len(m.marks) != 0 || m.await != awaitNothing {
			t.Errorf("%s esc: status %q, %d marks, await %d; want a quiet cancel", start, m.status, len(m.marks), m.await)
		}
		m = press(t, m, start, "ctrl+x")
		if !strings.Contains(m.status, "letters or digits") || len(m.marks) != 0 {
			t.Errorf("%s ctrl+x: status %q, %d marks", start, m.status, len(m.marks))
		}
	}
}

func TestCopyParagraph(t *testing.T) {
	m := newTestModel(t, sampleCorpus(t), 100, 30)
	m = press(t, m, "j", "j", "j", "j")
	next, cmd := m.Update(keyPress("y"))
	m = next.(Model)
	if cmd == nil || !strings.Contains(m.status, "copied the paragraph") {
		t.Fatalf("y: cmd %v status %q", cmd, m.status)
	}
	msg := cmd()
	want := m.corpus.Docs[0].Paragraphs[m.panes[0].currentPara()].Text
	// tea.SetClipboard's message is unexported: check its type and text.
	if typ := reflect.TypeOf(msg).Name(); !strings.Contains(strings.ToLower(typ), "clipboard") || fmt.Sprint(msg) != want {
		t.Errorf("y sent %T %q, want the paragraph %q on the clipboard", msg, fmt.Sprint(msg), want)
	}
}

func TestExportContents(t *testing.T) {
	var gotName string
	var gotContent []byte
	m := New(sampleCorpus(t), testKeyMap(), WithExport(func(name string, content []byte) (string, error) {
		gotName, gotContent = name, content
		return "/somewhere/" + name, nil
	}))
	m = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(t, m, "e")
	m = typeText(t, m, "Breck")
	m = press(t, m, "enter")
	next, cmd := m.Update(keyPress("w"))
	m = next.(Model)
	if cmd == nil {
		t.Fatalf("w returned no command: %q", m.status)
	}
	m = update(t, m, cmd())
	if !strings.HasPrefix(m.status, "exported to /somewhere/") || !strings.HasSuffix(gotName, ".md") || !strings.Contains(gotName, "-vs-") {
		t.Errorf("status %q, name %q", m.status, gotName)
	}
	text := string(gotContent)
	a, b := m.corpus.Docs[0], m.corpus.Docs[1]
	for _, want := range []string{
		a.Title, b.Title, a.Path, b.Path,
		"## Aligned passages", "610 properties", "## Terms", "Distinctive of A", "Shared", "## Names",
		"## Lens: Tomas Breck", "defended the council",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q", want)
		}
	}
}

// Export names keep the base letters of accented titles.
func TestSlugFoldsAccents(t *testing.T) {
	for title, want := range map[string]string{
		"Zürich harbour — Göteborg solidarity": "zurich-harbour-goteborg-solidarity",
		"Crème brûlée at the Élysée":           "creme-brulee-at-the-elysee",
		"Москва":                               "document",
		"Port strike: day 3":                   "port-strike-day-3",
		// Long titles are cut at a whole word.
		"Breck's budget cuts left Marrowby unready, Ashby says": "breck-s-budget-cuts-left-marrowby",
		"Supercalifragilisticexpialidociousnessishly long word": "supercalifragilisticexpialidociousnessis",
		"A title of exactly forty letters in total":             "a-title-of-exactly-forty-letters-in",
	} {
		if got := slug(title); got != want {
			t.Errorf("slug(%q) = %q, want %q", title, got, want)
		}
	}
}
