package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/corpus"

	"github.com/charmbracelet/x/ansi"
)

// lineKind says what a wrapped line shows.
type lineKind uint8

const (
	lineText   lineKind = iota // a slice of a paragraph
	lineBlank                  // the gap between paragraphs
	lineFolded                 // stands for a run of hidden repeated paragraphs
)

// line is one screen row of a wrapped document. Text lines point into their
// paragraph by byte offsets, so search matches and highlights map onto the
// screen without re-wrapping.
type line struct {
	kind       lineKind
	para       int // paragraph index; for a blank, the paragraph above
	start, end int // byte range in the paragraph's text
	hang       int // cells of extra indent: a list item's rows under its text
}

// wrapped is a document laid out for one width. A huge document is laid
// out lazily, a few paragraphs ahead of what is shown, while a command
// lays it out whole in the background (see wrapCache); callers ask for the
// lines they need with upTo and toPara.
type wrapped struct {
	doc   *corpus.Document
	width int
	lines []line
	// paraLine[i] is the first line of paragraph i (its fold marker when
	// the paragraph is hidden), for the paragraphs laid out so far.
	paraLine []int
}

// wrapDocument lays a whole document out at the given text width.
func wrapDocument(doc *corpus.Document, width int) *wrapped {
	w := startWrap(doc, width)
	w.toPara(len(doc.Paragraphs) - 1)
	return w
}

// startWrap begins a lazy layout: nothing is wrapped yet.
func startWrap(doc *corpus.Document, width int) *wrapped {
	return &wrapped{doc: doc, width: max(1, width), paraLine: make([]int, 0, len(doc.Paragraphs))}
}

// complete reports whether every paragraph is laid out.
func (w *wrapped) complete() bool { return len(w.paraLine) == len(w.doc.Paragraphs) }

// upTo lays out paragraphs until line i exists (or the document ends) and
// returns how many lines there are now.
func (w *wrapped) upTo(i int) int {
	for len(w.lines) <= i && !w.complete() {
		w.addPara()
	}
	return len(w.lines)
}

// toPara lays out paragraphs up to and including para.
func (w *wrapped) toPara(para int) {
	for len(w.paraLine) <= para && !w.complete() {
		w.addPara()
	}
}

// addPara lays out the next paragraph: every line word-wrapped (words
// wider than the width broken), a blank line before it, and each run of
// hidden repeated paragraphs as a single fold marker.
func (w *wrapped) addPara() {
	i := len(w.paraLine)
	p := w.doc.Paragraphs[i]
	if p.Hidden() {
		if i > 0 && w.doc.Paragraphs[i-1].Hidden() {
			w.paraLine = append(w.paraLine, w.paraLine[i-1])
			return
		}
		w.gap(i)
		w.paraLine = append(w.paraLine, len(w.lines))
		w.lines = append(w.lines, line{kind: lineFolded, para: i})
		return
	}
	w.gap(i)
	w.paraLine = append(w.paraLine, len(w.lines))
	// A list item's bullet hangs: the rows after the first line up under
	// the item's text, not under the bullet.
	bullet, hang := listBullet(p)
	offset := 0
	for src := range strings.Lines(p.Text) {
		body := strings.TrimSuffix(src, "\n")
		skip := 0
		if offset == 0 {
			skip = bullet
		}
		for k, seg := range wrapLine(body[skip:], w.width-int(p.Indent)-hang) {
			l := line{kind: lineText, para: i, start: offset + skip + seg[0], end: offset + skip + seg[1], hang: hang}
			if offset == 0 && k == 0 {
				l.start, l.hang = 0, 0 // the first row starts with the bullet
			}
			w.lines = append(w.lines, l)
		}
		offset += len(src)
	}
}

// listBullet returns the length in bytes and the width in cells of the
// bullet ("• ", "12. ") a list item's paragraph starts with, or zeros.
func listBullet(p corpus.Paragraph) (bytes, cells int) {
	if p.Kind != corpus.ParaListItem {
		return 0, 0
	}
	if strings.HasPrefix(p.Text, "• ") {
		return len("• "), 2
	}
	digits := 0
	for digits < len(p.Text) && digits < 9 && p.Text[digits] >= '0' && p.Text[digits] <= '9' {
		digits++
	}
	if digits > 0 && strings.HasPrefix(p.Text[digits:], ". ") {
		return digits + 2, digits + 2
	}
	return 0, 0
}

// gap puts a blank line between paragraphs, except between the items of
// a list, which read as one block.
func (w *wrapped) gap(para int) {
	if len(w.lines) == 0 {
		return
	}
	if ps := w.doc.Paragraphs; ps[para].Kind == corpus.ParaListItem && ps[para-1].Kind == corpus.ParaListItem && !ps[para-1].Hidden() {
		return
	}
	w.lines = append(w.lines, line{kind: lineBlank, para: para - 1})
}

// wrapLine word-wraps one line of text (no newlines) to width cells and
// returns the byte range of each row in the text. Rows break after a run
// of spaces or after a hyphen; a word wider than the row is cut by width.
// The spaces at a break are dropped (the first row keeps its indentation).
//
// This is written here rather than taken from ansi.Wrap because
// ansi.Wrap (x/ansi v0.11) returns rows wider than the limit at hyphens
// and wide characters, and says nothing of where each row came from; the
// widths of graphemes still come from x/ansi. It runs in one pass, so a
// 1 MB line costs the same per byte as a short one.
func wrapLine(text string, width int) [][2]int {
	width = max(1, width)
	var (
		out       [][2]int
		start     = 0  // where the current row begins
		rowWidth  = 0  // its width so far
		breakAt   = -1 // where it may end, at the last break opportunity
		resume    = 0  // where the next row begins after breaking there
		sinceBrk  = 0  // width of the text between resume and here
		prevSpace = false
	)
	for i := 0; i < len(text); {
		g, gw := grapheme(text[i:])
		n := len(g)
		if isBreakSpace(g) {
			if rowWidth == 0 && len(out) > 0 {
				start = i + n // drop spaces at the start of a wrapped row
				i += n
				continue
			}
			if !prevSpace {
				breakAt = i
			}
			if rowWidth+gw > width {
				// The space would overflow: end the row before its run
				// of spaces; the rest of the run is dropped.
				out = append(out, [2]int{start, breakAt})
				start, rowWidth, breakAt, prevSpace = i+n, 0, -1, false
				i += n
				continue
			}
			resume, sinceBrk, prevSpace = i+n, 0, true
			rowWidth += gw
			i += n
			continue
		}
		prevSpace = false
		if rowWidth+gw > width && rowWidth > 0 {
			if breakAt > start {
				out = append(out, [2]int{start, breakAt})
				start, rowWidth = resume, sinceBrk
			} else {
				out = append(out, [2]int{start, i})
				start, rowWidth, sinceBrk = i, 0, 0
			}
			breakAt = -1
			if rowWidth+gw > width && rowWidth > 0 { // the carried-over part is full too
				out = append(out, [2]int{start, i})
				start, rowWidth, sinceBrk = i, 0, 0
			}
		}
		rowWidth += gw
		sinceBrk += gw
		i += n
		if g == "-" || g == "‐" || g == "–" || g == "—" {
			breakAt, resume, sinceBrk = i, i, 0
		}
	}
	end := len(text)
	if prevSpace && breakAt >= start {
		end = breakAt // trailing spaces are not shown
	}
	if end > start || len(out) == 0 {
		out = append(out, [2]int{start, end})
	}
	return out
}

// grapheme returns the first grapheme cluster of s and its width in cells,
// with a fast path for plain ASCII.
func grapheme(s string) (string, int) {
	if c := s[0]; c >= 0x20 && c < 0x7f && (len(s) == 1 || s[1] < 0x80) {
		return s[:1], 1
	}
	return ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
}

// isBreakSpace reports whether a grapheme is a space a line may break at
// (not a no-break space).
func isBreakSpace(g string) bool {
	if g == " " {
		return true
	}
	r, n := utf8.DecodeRuneInString(g)
	return n == len(g) && unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}
