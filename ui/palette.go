package ui

import (
	"fmt"
	"strings"

	"parallax/corpus"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"
)

// paletteHeaderRows is the title row, the input row and the rule under it.
const paletteHeaderRows = 3

// palette is the fuzzy document jumper: a query and the ranked documents
// whose title or path match it.
type palette struct {
	input    textinput.Model
	docs     []*corpus.Document
	targets  docTargets
	results  []paletteResult
	selected int
	offset   int // first result shown
	width    int
	height   int
}

// paletteResult is one listed document and, when a query is typed, the
// byte offsets of the matched characters in its target string.
type paletteResult struct {
	doc     *corpus.Document
	matched []int
}

// docTargets is what the fuzzy matcher searches: "title  path" for each
// document.
type docTargets []string

func (t docTargets) String(i int) string { return t[i] }
func (t docTargets) Len() int            { return len(t) }

// targetSep separates title and path in a match target.
const targetSep = "  "

func newPalette(docs []*corpus.Document, st *styles) palette {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = "type part of a title or path"
	in.SetStyles(st.textinput)
	targets := make(docTargets, len(docs))
	for i, d := range docs {
		targets[i] = d.Title + targetSep + d.Path
	}
	p := palette{input: in, docs: docs, targets: targets}
	p.filter()
	return p
}

// open resets the palette for a new jump.
func (p *palette) open() tea.Cmd {
	p.input.Reset()
	p.filter()
	return p.input.Focus()
}

func (p *palette) SetSize(width, height int) {
	p.width, p.height = max(0, width), max(0, height)
	p.input.SetWidth(max(1, width-ansi.StringWidth(p.input.Prompt)-1))
	p.keepSelectedVisible()
}

// filter ranks the documents against the query. With no query every
// document is listed in corpus order.
func (p *palette) filter() {
	q := p.input.Value()
	p.results = p.results[:0]
	if q == "" {
		for _, d := range p.docs {
			p.results = append(p.results, paletteResult{doc: d})
		}
	} else {
		for _, m := range fuzzy.FindFrom(q, p.targets) {
			p.results = append(p.results, paletteResult{doc: p.docs[m.Index], matched: m.MatchedIndexes})
		}
	}
	p.selected, p.offset = 0, 0
}

// paletteOutcome is what a key press in the palette asks the reader to do.
type paletteOutcome int

const (
	paletteStay paletteOutcome = iota
	paletteClose
	paletteChoose
)

// Update handles a key in the palette.
func (p *palette) Update(msg tea.Msg, keys *KeyMap) (paletteOutcome, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, keys.Cancel):
			return paletteClose, nil
		case key.Matches(k, keys.Select):
			if len(p.results) == 0 {
				return paletteStay, nil
			}
			return paletteChoose, nil
		case key.Matches(k, keys.ListUp):
			p.move(-1)
			return paletteStay, nil
		case key.Matches(k, keys.ListDown):
			p.move(1)
			return paletteStay, nil
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filter()
	}
	return paletteStay, cmd
}

func (p *palette) chosen() *corpus.Document {
	if p.selected < 0 || p.selected >= len(p.results) {
		return nil
	}
	return p.results[p.selected].doc
}

func (p *palette) move(n int) {
	if len(p.results) == 0 {
		return
	}
	p.selected = min(max(0, p.selected+n), len(p.results)-1)
	p.keepSelectedVisible()
}

func (p *palette) listHeight() int { return max(0, p.height-paletteHeaderRows) }

// itemHeight is 2 (title, then path and size) when there is room for a
// few items that way, and 1 otherwise.
func (p *palette) itemHeight() int {
	if p.listHeight() >= 8 {
		return 2
	}
	return 1
}

// visibleItems is how many results fit on screen.
func (p *palette) visibleItems() int { return p.listHeight() / p.itemHeight() }

func (p *palette) keepSelectedVisible() {
	h := p.visibleItems()
	if h == 0 {
		return
	}
	if p.selected < p.offset {
		p.offset = p.selected
	}
	if p.selected >= p.offset+h {
		p.offset = p.selected - h + 1
	}
}

// View renders the palette as exactly height lines of width cells.
func (p *palette) View(st *styles) string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	count := fmt.Sprintf("%d/%d ", len(p.results), len(p.docs))
	title := " Open a document"
	rows := []string{
		st.paletteTitle.Render(fit(title, max(0, p.width-ansi.StringWidth(count)))) + st.paletteMeta.Render(fit(count, min(p.width, ansi.StringWidth(count)))),
		fit(p.input.View(), p.width),
		st.divider.Render(strings.Repeat("─", p.width)),
	}
	for i := p.offset; i < len(p.results) && len(rows) < p.height; i++ {
		rows = append(rows, p.renderResult(st, p.results[i], i == p.selected)...)
	}
	if len(p.results) == 0 && len(rows) < p.height {
		rows = append(rows, fit(st.paletteMeta.Render("  no document matches"), p.width))
	}
	for len(rows) < p.height {
		rows = append(rows, strings.Repeat(" ", p.width))
	}
	return strings.Join(rows[:p.height], "\n")
}

// renderResult draws one result: title, path and word count, with the
// matched characters highlighted. fuzzy reports byte offsets into the
// target string ("title  path"); highlight turns them into rune decisions.
func (p *palette) renderResult(st *styles, r paletteResult, selected bool) []string {
	base, meta := st.paletteItem, st.paletteMeta
	marker := "  "
	if selected {
		base = st.paletteSelected
		meta = st.paletteSelected.Inherit(st.paletteMeta)
		marker = "› "
	}
	hl := base.Inherit(st.paletteMatch)
	matched := make(map[int]bool, len(r.matched))
	for _, b := range r.matched {
		matched[b] = true
	}
	title := highlight(r.doc.Title, 0, matched, base, hl)
	path := highlight(r.doc.Path, len(r.doc.Title)+len(targetSep), matched, meta, hl)
	words := meta.Render(fmt.Sprintf(" · %s words", thousands(r.doc.Words)))
	row := func(s string) string {
		s = base.Render(marker) + ansi.Truncate(s, max(0, p.width-ansi.StringWidth(marker)), "…")
		marker = "  "
		return s + base.Render(strings.Repeat(" ", max(0, p.width-ansi.StringWidth(s))))
	}
	if p.itemHeight() == 2 {
		return []string{row(title), row(meta.Render("  ") + path + words)}
	}
	return []string{row(title + base.Render(targetSep) + path + words)}
}

// highlight styles s rune by rune: runes whose byte offset (plus base, the
// offset of s in the match target) was matched get hl, the others plain.
// Runs of equal style are rendered together to keep the output short.
func highlight(s string, base int, matched map[int]bool, plain, hl interface{ Render(...string) string }) string {
	var b, run strings.Builder
	runMatched := false
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if runMatched {
			b.WriteString(hl.Render(run.String()))
		} else {
			b.WriteString(plain.Render(run.String()))
		}
		run.Reset()
	}
	for i, r := range s {
		m := matched[base+i]
		if m != runMatched {
			flush()
			runMatched = m
		}
		run.WriteRune(r)
	}
	flush()
	return b.String()
}

// thousands formats n with thin separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
