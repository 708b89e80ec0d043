package ui

import (
	"parallax/corpus"
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
	doc     *corpus.Document // the document open in the pane
	lens    *lensView        // when set, only the lens passages are shown
	empty   string           // shown when doc is nil
	width   int              // whole pane, gutter included
	height  int              // whole pane, header included
	top     int              // first body line shown
	wraps   *wrapCache
	search  search
	history []visit
	resume  map[*corpus.Document]anchor // where this pane last was in each document
	link    *paneLink                   // the paragraph marked as linked to the other pane
	pending *anchor                     // a position set before the pane had a size
	sized   sizedAt                     // the anchor the last resize kept
}

// sizedAt is the anchor a resize kept and the top line it led to. While
// the pane still shows that line, the next resize keeps the same anchor
// rather than the start of that line: at another width a line starts at
// another offset, and swapping two panes of unequal widths back and forth
// drifted a line each time.
type sizedAt struct {
	doc *corpus.Document
	top int
	at  anchor
}

// paneLink marks a paragraph of the pane's document as one half of a
// linked pair, with the similarity score of the pair.
type paneLink struct {
	para  int
	score float64
}

// shown is the document on screen: the lens passages or the full text.
func (p *pane) shown() *corpus.Document {
	if p.lens != nil {
		return p.lens.doc
	}
	return p.doc
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
	if p.sized.doc != nil && p.sized.doc == p.shown() && p.sized.top == p.top {
		at = p.sized.at
	}
	if p.pending != nil {
		at, p.pending = *p.pending, nil
	}
	p.width, p.height = max(0, width), max(0, height)
	p.moveTo(at)
	p.sized = sizedAt{p.shown(), p.top, at}
}

func (p *pane) textWidth() int  { return max(1, p.width-gutterWidth-rightMargin) }
func (p *pane) bodyHeight() int { return max(0, p.height-1) }

// layout returns the document wrapped at the pane's width (cached).
func (p *pane) layout() *wrapped {
	if p.shown() == nil || p.width <= 0 {
		// Not shown (or not sized yet): wrapping at one column would cost
		// a line per character of the document.
		return &wrapped{doc: &corpus.Document{}}
	}
	return p.wraps.get(p.shown(), p.textWidth())
}

// lineCount is the number of lines laid out so far (all of them, unless
// a huge document is still being laid out).
func (p *pane) lineCount() int { return len(p.layout().lines) }

func (p *pane) maxTop() int { return max(0, p.lineCount()-p.bodyHeight()) }

// scroll moves the view by n lines, staying within the document.
func (p *pane) scroll(n int) { p.scrollTo(p.top + n) }

// scrollTo puts a line at the top, laying the document out that far.
func (p *pane) scrollTo(line int) {
	p.layout().upTo(line + p.bodyHeight())
	p.top = min(max(0, line), p.maxTop())
}

// scrollToEnd shows the end of the document, laying it all out first.
func (p *pane) scrollToEnd() {
	w := p.layout()
	w.toPara(len(w.doc.Paragraphs) - 1)
	p.scrollTo(p.maxTop())
}

func (p *pane) pageDown()     { p.scroll(max(1, p.bodyHeight()-1)) }
func (p *pane) pageUp()       { p.scroll(-max(1, p.bodyHeight()-1)) }
func (p *pane) halfPageDown() { p.scroll(max(1, p.bodyHeight()/2)) }
func (p *pane) halfPageUp()   { p.scroll(-max(1, p.bodyHeight()/2)) }

// anchor is the reading position at the top of the view. The blank row
// before a paragraph is anchored to that paragraph with offset -1.
func (p *pane) anchor() anchor {
	p.layout().upTo(p.top)
	lines := p.layout().lines
	if p.top >= len(lines) || p.top < 0 {
		return anchor{}
	}
	l := lines[p.top]
	if l.kind == lineBlank {
		return anchor{para: l.para + 1, offset: -1}
	}
	return anchor{para: l.para, offset: l.start}
}

// moveTo puts the line holding the anchor at the top of the view. Before
// the pane has a size the anchor is kept for when it gets one.
func (p *pane) moveTo(at anchor) {
	if p.width <= 0 && p.shown() != nil {
		p.pending, p.top = &at, 0
		return
	}
	if at.offset < 0 {
		p.scrollTo(p.lineOf(at.para, 0) - 1)
		return
	}
	p.scrollTo(p.lineOf(at.para, at.offset))
}

// lineOf is the wrapped line showing byte offset off of paragraph para.
func (p *pane) lineOf(para, off int) int {
	w := p.layout()
	if w.doc == nil || para < 0 {
		return 0
	}
	w.toPara(para + 1) // the next paragraph too, so this one's lines are all there
	if para >= len(w.paraLine) {
		return 0
	}
	i := w.paraLine[para]
	for i+1 < len(w.lines) && w.lines[i+1].para == para && w.lines[i+1].kind == lineText && w.lines[i+1].start <= off {
		i++
	}
	return i
}

// currentPara is the paragraph of the document at the top of the view (in
// a lens, the paragraph the top passage comes from), or -1.
func (p *pane) currentPara() int {
	p.layout().upTo(p.top + 1)
	lines := p.layout().lines
	for i := p.top; i < len(lines); i++ {
		if lines[i].kind == lineBlank {
			continue
		}
		if p.lens != nil {
			return p.lens.passages[lines[i].para].Para
		}
		return lines[i].para
	}
	return -1
}

// focusPara is the paragraph a reader means by "this one": the one with
// the current search match when that match is on screen (so the last
// paragraphs of a document, which never reach the top, can be chosen),
// otherwise the one at the top.
func (p *pane) focusPara() int {
	if s := &p.search; len(s.matches) > 0 {
		mt := s.matches[s.current]
		if l := p.lineOf(mt.para, mt.start); l >= p.top && l < p.top+p.bodyHeight() {
			if p.lens != nil {
				return p.lens.passages[mt.para].Para
			}
			return mt.para
		}
	}
	return p.currentPara()
}

// showPara scrolls so that paragraph para of the document is at the top.
func (p *pane) showPara(para int) {
	if p.lens != nil {
		for i, ps := range p.lens.passages {
			if ps.Para >= para {
				p.scrollTo(p.lineOf(i, 0))
				return
			}
		}
		return
	}
	p.scrollTo(p.lineOf(para, 0))
}

// open shows a document, remembering where the pane was in the current
// one so that back and a later reopen return there.
func (p *pane) open(doc *corpus.Document) {
	if doc == p.doc {
		return
	}
	p.closeLens()
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
	p.closeLens()
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
	p.link = nil
	p.top = 0
	p.moveTo(at)
}

// percent is how far through the document the bottom of the view is
// (while a huge document is still being laid out: how far, in paragraphs,
// the top is).
func (p *pane) percent() int {
	if w := p.layout(); w.doc != nil && !w.complete() {
		if p.top < len(w.lines) {
			return w.lines[p.top].para * 100 / len(w.doc.Paragraphs)
		}
		return 0
	}
	n := p.lineCount()
	if n == 0 || n <= p.bodyHeight() {
		return 100
	}
	return min(100, (p.top+p.bodyHeight())*100/n)
}
