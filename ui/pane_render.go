package ui

import (
	"fmt"
	"strings"

	"parallax/corpus/words"

	"parallax/corpus"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// termMarks are the stems to highlight in a pane when term highlighting
// is on: those the two open documents share, and those distinctive of
// this pane's document.
type termMarks struct {
	shared, own map[string]bool
}

// paint is how one byte of a visible line is styled; a higher paint wins
// where marks overlap.
type paint uint8

const (
	paintNone     paint = iota
	paintEmphasis       // Markdown markup, lowest
	paintStrong
	paintCode
	paintLink
	paintNote
	paintShared
	paintOwn
	paintLens
	paintMatch
	paintCurrent
)

// View renders the pane as exactly height lines of exactly width cells.
func (p *pane) View(st *styles, focused bool, marks *termMarks) string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	rows := make([]string, 0, p.height)
	rows = append(rows, p.header(st, focused))
	rows = append(rows, p.body(st, marks)...)
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
	// Leave the title some room: shorter notes as the pane narrows.
	pos := p.headerNotes(full)
	for _, form := range []noteForm{compact, minimal} {
		if ansi.StringWidth(pos) <= p.width/2 {
			break
		}
		pos = p.headerNotes(form)
	}
	title := marker + p.doc.Title
	path := "  " + p.doc.Path
	if meta := sourceAndDate(p.doc); meta != "" {
		path = "  " + meta + path
	}
	room := p.width - ansi.StringWidth(pos)
	if room <= 0 {
		return style.Render(fit(pos, p.width))
	}
	left := title + path
	if ansi.StringWidth(left) > room {
		switch rest := room - ansi.StringWidth(title); {
		case rest <= 0:
			left = ellipsize(title, room)
		case rest < 12:
			// A fragment such as "  0…" names nothing (and "  …" doubles a
			// title's own "…"): the title alone reads better.
			left = title
		default:
			left = title + ellipsize(path, rest)
		}
	}
	return style.Render(fit(left, room) + pos)
}

// ellipsize cuts s to width cells with an ellipsis, without doubling one
// that s already ends its kept part with (titles often do).
func ellipsize(s string, width int) string {
	cut := ansi.Truncate(s, width, "…")
	if cut != s && strings.HasSuffix(cut, "……") {
		cut = strings.TrimSuffix(cut, "…")
	}
	return cut
}

// sourceAndDate is "Source · date" as far as the document says.
func sourceAndDate(d *corpus.Document) string {
	switch {
	case d.Source != "" && d.Date != "":
		return d.Source + " · " + d.Date
	case d.Source != "":
		return d.Source
	}
	return d.Date
}

// noteForm is how long the header's notes may be.
type noteForm int

const (
	full noteForm = iota
	compact
	minimal
)

// headerNotes is the right side of the header: lens, link, search and
// position, in a long, a compact or a minimal form.
func (p *pane) headerNotes(form noteForm) string {
	short := form != full
	var notes []string
	switch {
	case p.lens == nil:
	case form == full:
		notes = append(notes, p.lens.status())
	case form == compact:
		notes = append(notes, fmt.Sprintf("lens %q: %s", ansi.Truncate(p.lens.label, 12, "…"), plural(p.lens.mentions, "mention")))
	default:
		notes = append(notes, fmt.Sprintf("lens: %d", p.lens.mentions))
	}
	if p.link != nil && p.lens == nil {
		notes = append(notes, fmt.Sprintf("linked %.2f", p.link.score))
	}
	if p.search.active() {
		notes = append(notes, p.search.status())
	}
	switch w := p.layout(); {
	case short:
		notes = append(notes, fmt.Sprintf("%d%%", p.percent()))
	case w.doc != nil && !w.complete(): // still being laid out
		notes = append(notes, fmt.Sprintf("%s/… %d%%", thousands(p.top+1), p.percent()))
	default:
		notes = append(notes, fmt.Sprintf("%s/%s %d%%", thousands(min(p.top+1, p.lineCount())), thousands(p.lineCount()), p.percent()))
	}
	return " " + strings.Join(notes, " · ") + " "
}

func (p *pane) body(st *styles, marks *termMarks) []string {
	h := p.bodyHeight()
	rows := make([]string, 0, h)
	blank := strings.Repeat(" ", p.width)
	note := func(text string) { // a wrapped, dimmed message
		for _, l := range strings.Split(ansi.Wrap(text, max(1, p.width-2), ""), "\n") {
			rows = append(rows, fit("  "+st.dim.Render(l), p.width))
		}
	}
	if p.doc == nil {
		note(p.empty)
		for len(rows) < h {
			rows = append(rows, blank)
		}
		return rows[:h]
	}
	w := p.layout()
	w.upTo(p.top + h)
	if p.lens != nil && len(w.lines) == 0 && h > 0 {
		note("no passage mentions " + p.lens.label)
		rows = rows[:min(len(rows), h)]
	}
	for i := p.top; len(rows) < h; i++ {
		if i >= len(w.lines) {
			rows = append(rows, blank)
			continue
		}
		rows = append(rows, p.renderLine(st, w.lines[i], marks))
	}
	return rows
}

// renderLine styles one visible line: the gutter (current match, linked
// paragraph, lens passage origin) and the text with its marks.
func (p *pane) renderLine(st *styles, l line, marks *termMarks) string {
	doc := p.shown()
	tw := p.textWidth()
	switch l.kind {
	case lineBlank:
		return strings.Repeat(" ", p.width)
	case lineFolded:
		r := doc.Paragraphs[l.para].Repeat
		label := fmt.Sprintf("⋯ repeated block hidden (%d of %d)", r.Occurrence, r.Total)
		return fit(strings.Repeat(" ", gutterWidth)+st.folded.Render(ansi.Truncate(label, tw, "…")), p.width)
	}
	text := doc.Paragraphs[l.para].Text[l.start:l.end]
	paints := p.paints(l, text, marks)

	gutter := strings.Repeat(" ", gutterWidth)
	switch {
	case p.search.currentIn(l.para, l.start, l.end):
		gutter = st.gutterMatch.Render("▶") + " "
	case p.link != nil && p.lens == nil && l.para == p.link.para:
		gutter = st.gutterLink.Render("┃") + " "
	}

	para := doc.Paragraphs[l.para]
	base, styled := st.paragraphStyle(para)
	if p.lens == nil && l.para == 0 && l.start < doc.TitleLine {
		base, styled = st.heading, true
	}
	var b strings.Builder
	b.WriteString(gutter)
	indent := min(int(para.Indent)+l.hang, max(0, tw-1))
	if indent > 0 {
		if para.Kind == corpus.ParaQuote {
			b.WriteString(st.quoteBar.Render("│") + strings.Repeat(" ", indent-1))
		} else {
			b.WriteString(strings.Repeat(" ", indent))
		}
	}
	runStart := 0
	for i := 1; i <= len(text); i++ {
		if i < len(text) && paints[i] == paints[runStart] {
			continue
		}
		if paints[runStart] == paintNone && !styled {
			b.WriteString(text[runStart:i]) // plain text needs no styling
		} else {
			b.WriteString(st.paintStyle(paints[runStart], base).Render(text[runStart:i]))
		}
		runStart = i
	}
	// Wrapping guarantees the text fits; measure the plain text (cheaper
	// than the styled line) to pad it, and cut only if that ever failed.
	textWidth := indent + ansi.StringWidth(text)
	if textWidth > tw || gutterWidth+textWidth > p.width {
		return fit(gutter+ansi.Truncate(b.String()[len(gutter):], tw, ""), p.width)
	}
	b.WriteString(strings.Repeat(" ", p.width-gutterWidth-textWidth))
	return b.String()
}

// paints decides the style of every byte of a line's text from the search
// matches, the lens mentions and the highlighted terms.
func (p *pane) paints(l line, text string, marks *termMarks) []paint {
	paints := make([]paint, len(text))
	set := func(start, end int, v paint) {
		for i := max(start-l.start, 0); i < min(end-l.start, len(text)); i++ {
			paints[i] = max(paints[i], v)
		}
	}
	if marks != nil && p.lens == nil {
		words.ForEach(text, func(t words.Token) {
			switch {
			case t.Stem == "":
			case marks.own[t.Stem]:
				set(l.start+t.Start, l.start+t.End, paintOwn)
			case marks.shared[t.Stem]:
				set(l.start+t.Start, l.start+t.End, paintShared)
			}
		})
	}
	if p.lens == nil {
		for _, mk := range p.shown().Paragraphs[l.para].Marks {
			if mk.End > l.start && mk.Start < l.end {
				set(mk.Start, mk.End, markPaint[mk.Kind])
			}
		}
	}
	if p.lens != nil {
		for _, h := range p.lens.passages[l.para].Hits {
			set(h[0], h[1], paintLens)
		}
	}
	for _, sp := range p.search.spansIn(l.para, l.start, l.end) {
		v := paintMatch
		if sp.current {
			v = paintCurrent
		}
		set(sp.start, sp.end, v)
	}
	return paints
}

// markPaint is the paint of each kind of Markdown mark.
var markPaint = [...]paint{
	corpus.MarkEmphasis: paintEmphasis,
	corpus.MarkStrong:   paintStrong,
	corpus.MarkCode:     paintCode,
	corpus.MarkLink:     paintLink,
	corpus.MarkNote:     paintNote,
}

// paragraphStyle is the base style of a paragraph from its kind, and
// whether it differs from plain text.
func (st *styles) paragraphStyle(p corpus.Paragraph) (lipgloss.Style, bool) {
	switch p.Kind {
	case corpus.ParaHeading:
		if p.Level <= 2 {
			return st.heading.Inherit(st.headingAccent), true
		}
		return st.heading, true
	case corpus.ParaQuote:
		return st.quote, true
	case corpus.ParaCode:
		return st.code, true
	}
	return st.text, false
}

func (st *styles) paintStyle(v paint, base lipgloss.Style) lipgloss.Style {
	switch v {
	case paintEmphasis:
		return base.Italic(true)
	case paintStrong:
		return base.Bold(true)
	case paintCode:
		return base.Inherit(st.code)
	case paintLink:
		return base.Underline(true)
	case paintNote:
		return base.Inherit(st.dim)
	case paintShared:
		return base.Inherit(st.sharedTerm)
	case paintOwn:
		return base.Inherit(st.ownTerm)
	case paintLens:
		return st.lensHit
	case paintMatch:
		return st.match
	case paintCurrent:
		return st.currentMatch
	}
	return base
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
