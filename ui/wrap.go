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
}

// wrapped is a document laid out for one width.
type wrapped struct {
	lines []line
	// paraLine[i] is the first line of paragraph i (its fold marker when
	// the paragraph is hidden).
	paraLine []int
}

// wrapDocument lays a document out at the given text width: every line of
// every paragraph is word-wrapped (words wider than the width are broken),
// paragraphs are separated by a blank line, and each run of hidden
// repeated paragraphs becomes a single fold marker.
func wrapDocument(doc *corpus.Document, width int) *wrapped {
	width = max(1, width)
	w := &wrapped{paraLine: make([]int, len(doc.Paragraphs))}
	for i, p := range doc.Paragraphs {
		if p.Hidden() {
			if i > 0 && doc.Paragraphs[i-1].Hidden() {
				w.paraLine[i] = w.paraLine[i-1]
				continue
			}
			w.gap(i)
			w.paraLine[i] = len(w.lines)
			w.lines = append(w.lines, line{kind: lineFolded, para: i})
			continue
		}
		w.gap(i)
		w.paraLine[i] = len(w.lines)
		offset := 0
		for src := range strings.Lines(p.Text) {
			body := strings.TrimSuffix(src, "\n")
			for _, seg := range wrapLine(body, width) {
				w.lines = append(w.lines, line{kind: lineText, para: i, start: offset + seg[0], end: offset + seg[1]})
			}
			offset += len(src)
		}
	}
	return w
}

func (w *wrapped) gap(para int) {
	if len(w.lines) > 0 {
		w.lines = append(w.lines, line{kind: lineBlank, para: para - 1})
	}
}

// wrapLine word-wraps one line of text (no newlines) with ansi.Wrap and
// returns the byte range of each resulting row in the original text.
//
// ansi.Wrap only ever inserts line breaks and drops the white space at a
// break, so each output row is found again in the input by skipping the
// dropped white space. If that ever failed, the rest of the text is cut
// into rows by width so that nothing is lost.
func wrapLine(text string, width int) [][2]int {
	if text == "" {
		return [][2]int{{0, 0}}
	}
	if ansi.StringWidth(text) <= width {
		return [][2]int{{0, len(text)}}
	}
	rows := strings.Split(ansi.Wrap(text, width, ""), "\n")
	out := make([][2]int, 0, len(rows))
	pos := 0
	for _, row := range rows {
		for !strings.HasPrefix(text[pos:], row) && pos < len(text) {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		if !strings.HasPrefix(text[pos:], row) {
			return append(out, hardRows(text, pos, width)...)
		}
		if row == "" {
			continue
		}
		out = append(out, [2]int{pos, pos + len(row)})
		pos += len(row)
	}
	if len(out) == 0 {
		out = append(out, [2]int{0, 0})
	}
	return out
}

// hardRows cuts text[pos:] into rows of at most width cells.
func hardRows(text string, pos, width int) [][2]int {
	var out [][2]int
	for pos < len(text) {
		row := ansi.Truncate(text[pos:], width, "")
		if row == "" { // a single grapheme wider than the row
			_, n := firstGrapheme(text[pos:])
			row = text[pos : pos+n]
		}
		out = append(out, [2]int{pos, pos + len(row)})
		pos += len(row)
	}
	return out
}

func firstGrapheme(s string) (string, int) {
	g, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	return g, len(g)
}
