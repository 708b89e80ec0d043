package ui

import (
	"fmt"
	"strings"

	"parallax/corpus"

	"github.com/charmbracelet/x/ansi"
)

// gutterWidth is the column left of the text where marks (the current
// search match) are drawn.
const gutterWidth = 2

// rightMargin keeps text off the divider.
const rightMargin = 1

// anchor is a reading position that survives re-wrapping: the paragraph
// and the byte offset in it of the top line.
type anchor struct {
	para, offset int
}

// visit is an entry of a pane's back-stack.
type visit struct {
	doc *corpus.Document
	at  anchor
}

// pane shows one document: a header line and the wrapped body.
type pane struct {
	doc     *corpus.Document
	empty   string // shown when doc is nil
	width   int    // whole pane, gutter included
	height  int    // whole pane, header included
	top     int    // first body line shown
	wraps   *wrapCache
	search  search
	history []visit
	resume  map[*corpus.Document]anchor // where this pane last was in each document
}

func newPane(wraps *wrapCache) pane {
	return pane{wraps: wraps, resume: map[*corpus.Document]anchor{}}
}

// SetSize resizes the pane, keeping the line at the top in view.
func (p *pane) SetSize(width, height int) {
	if width == p.width && height == p.height {
		return
	}
	at := p.anchor()
	p.width, p.height = max(0, width), max(0, height)
	p.moveTo(at)
}

func (p *pane) textWidth() int  { return max(1, p.width-gutterWidth-rightMargin) }
func (p *pane) bodyHeight() int { return max(0, p.height-1) }

// layout returns the document wrapped at the pane's width (cached).
func (p *pane) layout() *wrapped {
	if p.doc == nil {
		return &wrapped{}
	}
	return p.wraps.get(p.doc, p.textWidth())
}

func (p *pane) lineCount() int { return len(p.layout().lines) }

func (p *pane) maxTop() int { return max(0, p.lineCount()-p.bodyHeight()) }

// scroll moves the view by n lines, staying within the document.
func (p *pane) scroll(n int) {
	p.top = min(max(0, p.top+n), p.maxTop())
}

func (p *pane) scrollTo(line int) {
	p.top = min(max(0, line), p.maxTop())
}

func (p *pane) pageDown()     { p.scroll(max(1, p.bodyHeight()-1)) }
func (p *pane) pageUp()       { p.scroll(-max(1, p.bodyHeight()-1)) }
func (p *pane) halfPageDown() { p.scroll(max(1, p.bodyHeight()/2)) }
func (p *pane) halfPageUp()   { p.scroll(-max(1, p.bodyHeight()/2)) }

// anchor is the reading position at the top of the view.
func (p *pane) anchor() anchor {
	lines := p.layout().lines
	if p.top >= len(lines) || p.top < 0 {
		return anchor{}
	}
	l := lines[p.top]
	return anchor{para: l.para, offset: l.start}
}

// moveTo puts the line holding the anchor at the top of the view.
func (p *pane) moveTo(at anchor) {
	p.scrollTo(p.lineOf(at.para, at.offset))
}

// lineOf is the wrapped line showing byte offset off of paragraph para.
func (p *pane) lineOf(para, off int) int {
	w := p.layout()
	if para < 0 || para >= len(w.paraLine) {
		return 0
	}
	i := w.paraLine[para]
	for i+1 < len(w.lines) && w.lines[i+1].para == para && w.lines[i+1].kind == lineText && w.lines[i+1].start <= off {
		i++
	}
	return i
}

// open shows a document, remembering where the pane was in the current
// one so that back and a later reopen return there.
func (p *pane) open(doc *corpus.Document) {
	if doc == p.doc {
		return
	}
	if p.doc != nil {
		at := p.anchor()
		p.resume[p.doc] = at
		p.history = append(p.history, visit{doc: p.doc, at: at})
	}
	p.show(doc, p.resume[doc])
}

// back returns to the previous document at the place it was left.
func (p *pane) back() bool {
	if len(p.history) == 0 {
		return false
	}
	v := p.history[len(p.history)-1]
	p.history = p.history[:len(p.history)-1]
	if p.doc != nil {
		p.resume[p.doc] = p.anchor()
	}
	p.show(v.doc, v.at)
	return true
}

func (p *pane) show(doc *corpus.Document, at anchor) {
	p.doc = doc
	p.search = search{}
	p.top = 0
	p.moveTo(at)
}

// percent is how far through the document the bottom of the view is.
func (p *pane) percent() int {
	n := p.lineCount()
	if n == 0 || n <= p.bodyHeight() {
		return 100
	}
	return min(100, (p.top+p.bodyHeight())*100/n)
}

// View renders the pane as exactly height lines of exactly width cells.
func (p *pane) View(st *styles, focused bool) string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	rows := make([]string, 0, p.height)
	rows = append(rows, p.header(st, focused))
	rows = append(rows, p.body(st)...)
	return strings.Join(rows, "\n")
}

func (p *pane) header(st *styles, focused bool) string {
	style := st.headerBlurred
	marker := "  "
	if focused {
		style = st.headerFocused
		marker = "▌ "
	}
	if p.doc == nil {
		return style.Render(fit(marker+"(no document)", p.width))
	}
	pos := fmt.Sprintf(" %d/%d %d%% ", min(p.top+1, p.lineCount()), p.lineCount(), p.percent())
	if p.search.active() {
		pos = " " + p.search.status() + " ·" + pos
	}
	title := marker + p.doc.Title
	path := "  " + p.doc.Path
	room := p.width - ansi.StringWidth(pos)
	if room <= 0 {
		return style.Render(fit(pos, p.width))
	}
	left := title + path
	if ansi.StringWidth(left) > room {
		if ansi.StringWidth(title) >= room {
			left = ansi.Truncate(title, room, "…")
		} else {
			left = title + ansi.Truncate(path, room-ansi.StringWidth(title), "…")
		}
	}
	return style.Render(fit(left, room) + pos)
}

func (p *pane) body(st *styles) []string {
	h := p.bodyHeight()
	rows := make([]string, 0, h)
	if p.doc == nil {
		msg := p.empty
		for _, l := range strings.Split(ansi.Wrap(msg, max(1, p.width-2), ""), "\n") {
			rows = append(rows, fit("  "+st.dim.Render(l), p.width))
		}
		for len(rows) < h {
			rows = append(rows, strings.Repeat(" ", p.width))
		}
		return rows[:h]
	}
	w := p.layout()
	tw := p.textWidth()
	for i := p.top; i < p.top+h; i++ {
		if i >= len(w.lines) {
			rows = append(rows, strings.Repeat(" ", p.width))
			continue
		}
		rows = append(rows, p.renderLine(st, w.lines[i], tw))
	}
	return rows
}

// renderLine styles one visible line: gutter, text with search matches.
func (p *pane) renderLine(st *styles, l line, tw int) string {
	gutter := strings.Repeat(" ", gutterWidth)
	switch l.kind {
	case lineBlank:
		return strings.Repeat(" ", p.width)
	case lineFolded:
		r := p.doc.Paragraphs[l.para].Repeat
		label := fmt.Sprintf("⋯ repeated block hidden (%d of %d)", r.Occurrence, r.Total)
		return fit(gutter+st.folded.Render(ansi.Truncate(label, tw, "…")), p.width)
	}
	text := p.doc.Paragraphs[l.para].Text[l.start:l.end]
	base := st.text
	if l.para == 0 && l.start < headingEnd(p.doc) {
		base = st.heading
	}
	spans := p.search.spansIn(l.para, l.start, l.end)
	if len(spans) > 0 && p.search.currentIn(l.para, l.start, l.end) {
		gutter = st.gutterMatch.Render("▶") + " "
	}
	var b strings.Builder
	pos := l.start
	for _, sp := range spans {
		b.WriteString(base.Render(p.doc.Paragraphs[l.para].Text[pos:sp.start]))
		style := st.match
		if sp.current {
			style = st.currentMatch
		}
		b.WriteString(style.Render(p.doc.Paragraphs[l.para].Text[sp.start:sp.end]))
		pos = sp.end
	}
	if len(spans) == 0 {
		b.WriteString(base.Render(text))
	} else {
		b.WriteString(base.Render(p.doc.Paragraphs[l.para].Text[pos:l.end]))
	}
	return fit(gutter+ansi.Truncate(b.String(), tw, ""), p.width)
}

// headingEnd is the byte length of the document's first line when that line
// is its title (so it can be shown in bold), and 0 otherwise.
func headingEnd(d *corpus.Document) int {
	if len(d.Paragraphs) == 0 {
		return 0
	}
	first, _, _ := strings.Cut(d.Paragraphs[0].Text, "\n")
	if strings.TrimSpace(strings.Trim(first, "# ")) != d.Title {
		return 0
	}
	return len(first)
}

// fit cuts s to width cells and pads it with spaces to exactly width.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		s = ansi.Truncate(s, width, "")
		w = ansi.StringWidth(s)
	}
	return s + strings.Repeat(" ", width-w)
}
