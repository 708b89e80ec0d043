package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"parallax/corpus"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Marks work as in less: m and a letter remember the place at the top of
// the focused pane; ' and the letter come back to it, opening the
// document in the focused pane if needed. They are kept in the session.

type mark struct {
	doc *corpus.Document
	at  anchor
}

// awaiting is a key that waits for a letter (m, ').
type awaiting int

const (
	awaitNothing awaiting = iota
	awaitSetMark
	awaitJumpMark
)

// markLetter reads the letter after m or ': a letter or a digit.
func markLetter(msg tea.KeyPressMsg) (rune, bool) {
	r := []rune(msg.Text)
	if len(r) != 1 || !(unicode.IsLetter(r[0]) || unicode.IsDigit(r[0])) {
		return 0, false
	}
	return r[0], true
}

// finishAwait handles the key after m or '.
func (m *Model) finishAwait(msg tea.KeyPressMsg) {
	what := m.await
	m.await = awaitNothing
	if msg.Code == tea.KeyEscape {
		m.status = "" // a change of mind, not a mistake
		return
	}
	r, ok := markLetter(msg)
	if !ok {
		m.status = "marks are letters or digits"
		return
	}
	p := m.focused()
	switch what {
	case awaitSetMark:
		if p.doc == nil {
			m.status = "no document to mark"
			return
		}
		at := p.anchor()
		if p.lens != nil {
			at = lensPlace(p)
		}
		m.marks[r] = mark{doc: p.doc, at: at}
		m.status = fmt.Sprintf("mark %c set in %s", r, p.doc.Title)
	case awaitJumpMark:
		m.jumpToMark(r)
	}
}

// lensPlace is the place in the full text of the passage at the top of a
// lens view.
func lensPlace(p *pane) anchor {
	lines := p.layout().lines
	if p.top < len(lines) {
		ps := p.lens.passages[lines[p.top].para]
		return anchor{para: ps.Para, offset: ps.Start}
	}
	return p.lens.back
}

func (m *Model) jumpToMark(r rune) {
	mk, ok := m.marks[r]
	if !ok {
		m.status = fmt.Sprintf("no mark %c (m%c sets it)", r, r)
		return
	}
	p := m.focused()
	p.closeLens()
	p.open(mk.doc)
	p.moveTo(mk.at)
	m.applyLens(m.focus)
	m.status = fmt.Sprintf("mark %c: %s", r, mk.doc.Title)
}

// markItems lists the marks for the marks view: the letter, the document
// and a line of context from the marked place.
func markItems(marks map[rune]mark) []pickItem {
	letters := make([]rune, 0, len(marks))
	for r := range marks {
		letters = append(letters, r)
	}
	slices.Sort(letters)
	items := make([]pickItem, 0, len(letters))
	for _, r := range letters {
		mk := marks[r]
		items = append(items, pickItem{
			Title:       fmt.Sprintf("%c  %s", r, mk.doc.Title),
			Detail:      contextAt(mk.doc, mk.at),
			MatchDetail: true, // the filter says "letter, title or text"
			Value:       r,
		})
	}
	return items
}

// contextAt is the start of the text at a place, on one line.
func contextAt(d *corpus.Document, at anchor) string {
	if at.para < 0 || at.para >= len(d.Paragraphs) {
		return ""
	}
	t := d.Paragraphs[at.para].Text
	t = t[min(max(0, at.offset), len(t)):]
	t = strings.Join(strings.Fields(t), " ")
	return ansi.Truncate(t, 100, "…")
}

// updateMarks runs the marks view: enter jumps to the chosen mark.
func (m Model) updateMarks(msg tea.Msg) (tea.Model, tea.Cmd) {
	outcome, cmd := m.marksView.Update(msg, &m.keys)
	switch outcome {
	case pickClose:
		m.mode = modeRead
	case pickChoose:
		m.mode = modeRead
		m.jumpToMark(m.marksView.chosen().(rune))
	}
	return m, cmd
}

// copyParagraph puts the paragraph at the top of the focused pane (or the
// lens passage) on the clipboard, through the terminal (OSC 52).
func (m *Model) copyParagraph() tea.Cmd {
	p := m.focused()
	doc := p.shown()
	para := -1
	if lines := p.layout().lines; p.top < len(lines) {
		para = lines[p.top].para
		if lines[p.top].kind == lineBlank {
			para++
		}
	}
	if doc == nil || para < 0 || para >= len(doc.Paragraphs) {
		m.status = "nothing to copy"
		return nil
	}
	text := doc.Paragraphs[para].Text
	what := "paragraph"
	if p.lens != nil {
		what = "passage"
	}
	m.status = fmt.Sprintf("copied the %s (%s) to the clipboard", what, plural(len([]rune(text)), "character"))
	return tea.SetClipboard(text)
}
