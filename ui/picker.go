package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"
)

// pickerHeaderRows is the title row, the input row and the rule under it.
const pickerHeaderRows = 3

// pickItem is one entry of a picker. The fuzzy query is matched against
// Title, and against Detail too when MatchDetail is set.
type pickItem struct {
	Title, Detail string
	Meta          string // shown dimmed after the detail, not matched
	MatchDetail   bool
	Value         any // what choosing the item yields
}

// target is the string the fuzzy matcher sees for an item.
func (it pickItem) target() string {
	if it.MatchDetail {
		return it.Title + targetSep + it.Detail
	}
	return it.Title
}

// targetSep separates title and detail in a match target.
const targetSep = "  "

// picker is a fuzzy-filtered list under a text input: the document palette
// and the event lens chooser are both pickers.
type picker struct {
	title    string
	input    textinput.Model
	items    []pickItem
	targets  pickTargets
	results  []pickResult
	selected int
	offset   int // first result shown
	width    int
	height   int
}

// pickResult is a listed item and, when a query is typed, the byte offsets
// of the matched characters in its target string.
type pickResult struct {
	item    int
	matched []int
}

type pickTargets []string

func (t pickTargets) String(i int) string { return t[i] }
func (t pickTargets) Len() int            { return len(t) }

func newPicker(title, placeholder string) picker {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = placeholder
	return picker{title: title, input: in}
}

// open resets the picker over a new list of items.
func (p *picker) open(items []pickItem) tea.Cmd {
	p.items = items
	p.targets = make(pickTargets, len(items))
	for i, it := range items {
		p.targets[i] = it.target()
	}
	p.input.Reset()
	p.filter()
	return p.input.Focus()
}

func (p *picker) SetSize(width, height int) {
	p.width, p.height = max(0, width), max(0, height)
	p.input.SetWidth(max(1, width-ansi.StringWidth(p.input.Prompt)-1))
	p.keepSelectedVisible()
}

// filter ranks the items against the query. With no query every item is
// listed in the order given.
func (p *picker) filter() {
	q := p.input.Value()
	p.results = p.results[:0]
	if q == "" {
		for i := range p.items {
			p.results = append(p.results, pickResult{item: i})
		}
	} else {
		for _, m := range fuzzy.FindFrom(q, p.targets) {
			p.results = append(p.results, pickResult{item: m.Index, matched: m.MatchedIndexes})
		}
	}
	p.selected, p.offset = 0, 0
}

// pickOutcome is what a key press in a picker asks the reader to do.
type pickOutcome int

const (
	pickStay pickOutcome = iota
	pickClose
	pickChoose
)

// Update handles a message while the picker is open.
func (p *picker) Update(msg tea.Msg, keys *KeyMap) (pickOutcome, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, keys.Cancel):
			return pickClose, nil
		case key.Matches(k, keys.Select):
			if len(p.results) == 0 {
				return pickStay, nil
			}
			return pickChoose, nil
		case key.Matches(k, keys.ListUp):
			p.move(-1)
			return pickStay, nil
		case key.Matches(k, keys.ListDown):
			p.move(1)
			return pickStay, nil
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filter()
	}
	return pickStay, cmd
}

// chosen is the value of the selected item, or nil.
func (p *picker) chosen() any {
	if p.selected < 0 || p.selected >= len(p.results) {
		return nil
	}
	return p.items[p.results[p.selected].item].Value
}

func (p *picker) move(n int) {
	if len(p.results) == 0 {
		return
	}
	p.selected = min(max(0, p.selected+n), len(p.results)-1)
	p.keepSelectedVisible()
}

func (p *picker) listHeight() int { return max(0, p.height-pickerHeaderRows) }

// itemHeight is 2 (title, then detail) when there is room for a few items
// that way, and 1 otherwise.
func (p *picker) itemHeight() int {
	if p.listHeight() >= 8 {
		return 2
	}
	return 1
}

func (p *picker) visibleItems() int { return p.listHeight() / p.itemHeight() }

func (p *picker) keepSelectedVisible() {
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

// View renders the picker as exactly height lines of width cells.
func (p *picker) View(st *styles) string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	count := fmt.Sprintf("%d/%d ", len(p.results), len(p.items))
	rows := []string{
		st.paletteTitle.Render(fit(" "+ansi.Truncate(p.title, max(0, p.width-ansi.StringWidth(count)-2), "…"), max(0, p.width-ansi.StringWidth(count)))) + st.paletteMeta.Render(fit(count, min(p.width, ansi.StringWidth(count)))),
		fit(p.input.View(), p.width),
		st.divider.Render(strings.Repeat("─", p.width)),
	}
	for i := p.offset; i < len(p.results) && len(rows) < p.height; i++ {
		rows = append(rows, p.renderResult(st, p.results[i], i == p.selected)...)
	}
	if len(p.results) == 0 && len(rows) < p.height {
		rows = append(rows, fit(st.paletteMeta.Render("  nothing matches"), p.width))
	}
	for len(rows) < p.height {
		rows = append(rows, strings.Repeat(" ", p.width))
	}
	return strings.Join(rows[:p.height], "\n")
}

// renderResult draws one result with the matched characters highlighted.
// fuzzy reports byte offsets into the target string ("title  detail");
// highlight turns them into per-rune decisions.
func (p *picker) renderResult(st *styles, r pickResult, selected bool) []string {
	it := p.items[r.item]
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
	title := highlight(it.Title, 0, matched, base, hl)
	detail := meta.Render(it.Detail)
	if it.MatchDetail {
		detail = highlight(it.Detail, len(it.Title)+len(targetSep), matched, meta, hl)
	}
	extra := ""
	if it.Meta != "" {
		extra = meta.Render(" · " + it.Meta)
	}
	row := func(s string) string {
		s = ansi.Truncate(base.Render(marker)+ansi.Truncate(s, max(0, p.width-ansi.StringWidth(marker)), "…"), p.width, "")
		marker = "  "
		return s + base.Render(strings.Repeat(" ", max(0, p.width-ansi.StringWidth(s))))
	}
	if p.itemHeight() == 2 {
		return []string{row(title), row(meta.Render("  ") + detail + extra)}
	}
	return []string{row(title + base.Render(targetSep) + detail + extra)}
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

// thousands formats n with separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
