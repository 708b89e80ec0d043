package ui

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
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

	// Typing more of a query only narrows it: the items that matched the
	// shorter query are the only candidates for the longer one.
	lastQuery   string
	lastMatched []int
	// seq numbers the filters started off the update loop, so a result
	// for an old query is dropped.
	seq int
	// order, when set, sorts the results (stably, so relevance decides
	// within a group); note names it in the title.
	order func(a, b pickItem) int
	note  string
	// listOrderFirst ranks equally good matches by their place in the list
	// (the lens chooser lists the most mentioned first) rather than by
	// the matcher's score.
	listOrderFirst bool
}

// asyncFilterItems is the list size above which filtering runs in a
// command instead of in Update, so typing never waits for it.
const asyncFilterItems = 2000

// filterDoneMsg carries the result of a filter run off the update loop.
type filterDoneMsg struct {
	picker  string // the title of the picker it belongs to
	seq     int
	query   string
	results []pickResult
	matched []int
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
	p.lastQuery, p.lastMatched = "", nil
	p.seq++ // drop any filter still running for the previous list
	p.filter()
	return p.input.Focus()
}

func (p *picker) SetSize(width, height int) {
	p.width, p.height = max(0, width), max(0, height)
	p.input.SetWidth(max(1, width-ansi.StringWidth(p.input.Prompt)-1))
	p.keepSelectedVisible()
}

// filter ranks the items against the query, at once. With no query every
// item is listed in the order given.
func (p *picker) filter() {
	q := p.input.Value()
	results, matched := rank(q, p.targets, p.candidates(q), p.listOrderFirst)
	p.apply(q, results, matched)
}

// filterCmd ranks the items against the query in a command when the list
// is long, and at once when it is short.
func (p *picker) filterCmd() tea.Cmd {
	if len(p.items) <= asyncFilterItems {
		p.filter()
		return nil
	}
	p.seq++
	q, seq, title, targets, cands, listOrder := p.input.Value(), p.seq, p.title, p.targets, p.candidates(p.input.Value()), p.listOrderFirst
	return func() tea.Msg {
		results, matched := rank(q, targets, cands, listOrder)
		return filterDoneMsg{picker: title, seq: seq, query: q, results: results, matched: matched}
	}
}

// filterDone applies a result computed off the update loop, unless the
// query has changed since.
func (p *picker) filterDone(msg filterDoneMsg) {
	if msg.seq == p.seq {
		p.apply(msg.query, msg.results, msg.matched)
	}
}

func (p *picker) apply(q string, results []pickResult, matched []int) {
	if p.order != nil {
		slices.SortStableFunc(results, func(a, b pickResult) int { return p.order(p.items[a.item], p.items[b.item]) })
	}
	p.results, p.lastQuery, p.lastMatched = results, q, matched
	p.selected, p.offset = 0, 0
}

// sortBy sets the order of the results and filters again.
func (p *picker) sortBy(order func(a, b pickItem) int, note string) {
	p.order, p.note = order, note
	p.lastQuery, p.lastMatched = "", nil
	p.filter()
}

// candidates are the items a query can match: those that matched the
// query it extends, or all.
func (p *picker) candidates(q string) []int {
	if p.lastQuery != "" && strings.HasPrefix(q, p.lastQuery) {
		return p.lastMatched
	}
	return nil // all
}

// rank matches q against the candidate items (nil: all) and returns the
// results, best first, and the matched items in item order.
//
// sahilm/fuzzy scores every match, which on a long list and a short query
// (tens of thousands of matches) takes far longer than a keystroke. So:
// a cheap in-order byte search first finds the matching items (for an
// ASCII query it finds exactly the items fuzzy would match); when there
// are more than scoreLimit, only the most promising (those holding the
// query in one piece) are scored, ranked and highlighted, and the other
// matches follow them in list order.
func rank(q string, targets pickTargets, cands []int, listOrder bool) ([]pickResult, []int) {
	if q == "" {
		results := make([]pickResult, len(targets))
		for i := range results {
			results[i] = pickResult{item: i}
		}
		return results, nil
	}
	if cands == nil {
		cands = make([]int, len(targets))
		for i := range cands {
			cands[i] = i
		}
	}
	lq := strings.ToLower(q)
	ascii := isASCII(lq)
	matched := inParallel(cands, func(part []int) []int {
		var kept []int
		for _, i := range part {
			if mayMatch(lq, targets[i]) {
				kept = append(kept, i)
			}
		}
		return kept
	})
	toScore, rest := matched, []int(nil)
	if ascii && len(matched) > scoreLimit {
		toScore, rest = promising(lq, targets, matched, scoreLimit)
	}
	var (
		mu  sync.Mutex
		all []scored
	)
	inParallel(toScore, func(part []int) []int {
		ms := fuzzy.FindFromNoSort(q, subset{targets, part})
		found := make([]scored, len(ms))
		for i, m := range ms {
			found[i] = scored{score: m.Score, item: part[m.Index], matched: m.MatchedIndexes}
		}
		mu.Lock()
		all = append(all, found...)
		mu.Unlock()
		return nil
	})
	// sahilm/fuzzy matches greedily, so "esc" in "an escape" scores as
	// scattered letters: matches that hold the query in one piece come
	// first, highlighted where the piece is, and before them an item whose
	// whole title is the query.
	if ascii {
		for i := range all {
			if at := indexFoldString(targets[all[i].item], lq); at >= 0 {
				title, _, _ := strings.Cut(targets[all[i].item], targetSep)
				all[i].exact = len(title) == len(lq) && at == 0
				all[i].whole = true
				all[i].matched = make([]int, len(lq))
				for k := range all[i].matched {
					all[i].matched[k] = at + k
				}
			}
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		switch {
		case a.exact != b.exact: // typing a whole title puts it first
			if a.exact {
				return -1
			}
			return 1
		case a.whole != b.whole:
			if a.whole {
				return -1
			}
			return 1
		case listOrder:
		case a.score != b.score:
			return b.score - a.score
		}
		return a.item - b.item
	})
	results := make([]pickResult, 0, len(all)+len(rest))
	for _, f := range all {
		results = append(results, pickResult{item: f.item, matched: f.matched})
	}
	for _, i := range rest {
		results = append(results, pickResult{item: i})
	}
	if !ascii {
		// mayMatch could not check non-ASCII bytes: the matches are what
		// fuzzy found.
		matched = matched[:0]
		for _, r := range results {
			matched = append(matched, r.item)
		}
		slices.Sort(matched)
	}
	return results, matched
}

// scoreLimit is how many matches are scored and ranked at most.
const scoreLimit = 1000

type scored struct {
	score, item int
	matched     []int
	whole       bool // the query occurs in one piece
	exact       bool // the query is the item's whole title
}

// promising splits matches into the first limit of those that hold the
// query in one piece (then the others, in list order) and the rest.
func promising(lq string, targets pickTargets, matches []int, limit int) (best, rest []int) {
	best = make([]int, 0, limit)
	var others []int
	for _, i := range matches {
		if len(best) < limit && containsFold(targets[i], lq) {
			best = append(best, i)
		} else {
			others = append(others, i)
		}
	}
	for len(best) < limit && len(others) > 0 {
		best, others = append(best, others[0]), others[1:]
	}
	rest = others
	slices.Sort(best)
	return best, rest
}

// inParallel runs fn over the parts of items, one per processor when the
// list is long, and concatenates what the parts return, in order.
func inParallel(items []int, fn func(part []int) []int) []int {
	parts := 1
	if len(items) >= parallelFilterItems {
		parts = runtime.GOMAXPROCS(0)
	}
	out := make([][]int, parts)
	var wg sync.WaitGroup
	for k := range parts {
		part := items[k*len(items)/parts : (k+1)*len(items)/parts]
		wg.Go(func() { out[k] = fn(part) })
	}
	wg.Wait()
	return slices.Concat(out...)
}

// containsFold reports whether s contains the lower-case ASCII needle,
// ignoring ASCII case.
func containsFold(s, needle string) bool { return indexFoldString(s, needle) >= 0 }

// indexFoldString is the byte offset of the first occurrence of the
// lower-case ASCII needle in s, ignoring ASCII case, or -1.
func indexFoldString(s, needle string) int {
	if needle == "" {
		return 0
	}
	for i := 0; i+len(needle) <= len(s); {
		j := indexFold(s[i:], needle[0])
		if j < 0 || i+j+len(needle) > len(s) {
			return -1
		}
		if strings.EqualFold(s[i+j:i+j+len(needle)], needle) {
			return i + j
		}
		i += j + 1
	}
	return -1
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// mayMatch reports whether every byte of the lower-case query occurs in
// the target in order, ignoring ASCII case: a necessary condition for a
// fuzzy match. Non-ASCII query bytes are not checked (case folding beyond
// ASCII is the matcher's job).
func mayMatch(lowerQuery, target string) bool {
	pos := 0
	for i := 0; i < len(lowerQuery); i++ {
		c := lowerQuery[i]
		if c >= 0x80 {
			return true
		}
		j := indexFold(target[pos:], c)
		if j < 0 {
			return false
		}
		pos += j + 1
	}
	return true
}

// indexFold finds an ASCII byte in s, ignoring case.
//
// The capital is looked for only before the first small letter found, so a
// text full of one case and without the other is not scanned to its end on
// every call (which made a failed search quadratic on a long paragraph).
func indexFold(s string, c byte) int {
	if c < 'a' || c > 'z' {
		return strings.IndexByte(s, c)
	}
	upper := c - 'a' + 'A'
	i := strings.IndexByte(s, c)
	if i < 0 {
		return strings.IndexByte(s, upper)
	}
	if j := strings.IndexByte(s[:i], upper); j >= 0 {
		return j
	}
	return i
}

// parallelFilterItems is the list size above which filtering is split
// over the processors.
const parallelFilterItems = 4000

// subset is some of the targets, for matching within earlier results.
type subset struct {
	all  pickTargets
	pick []int
}

func (s subset) String(i int) string { return s.all[s.pick[i]] }
func (s subset) Len() int            { return len(s.pick) }

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
		cmd = tea.Batch(cmd, p.filterCmd())
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
	count := thousands(len(p.results)) + "/" + thousands(len(p.items)) + " "
	if p.note != "" {
		count = p.note + " · " + count
	}
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
	var plain *lipgloss.Style // unselected titles need no styling
	if selected {
		plain = &base
	}
	title := highlight(it.Title, 0, r.matched, plain, hl)
	detail := meta.Render(it.Detail)
	if it.MatchDetail {
		detail = highlight(it.Detail, len(it.Title)+len(targetSep), r.matched, &meta, hl)
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

// highlight styles s: the bytes whose offset (plus base, the offset of s
// in the match target) was matched get hl, the others plain; plain == nil
// leaves them unstyled. fuzzy reports byte offsets, so matched holds the
// offsets of whole runes and runs of equal style are cut at rune starts.
func highlight(s string, base int, matched []int, plain *lipgloss.Style, hl lipgloss.Style) string {
	var b strings.Builder
	write := func(text string, isMatch bool) {
		switch {
		case text == "":
		case isMatch:
			b.WriteString(hl.Render(text))
		case plain == nil:
			b.WriteString(text)
		default:
			b.WriteString(plain.Render(text))
		}
	}
	// matched is sorted: walk it alongside s.
	k := sort.SearchInts(matched, base)
	start, inMatch := 0, false
	for i := range s {
		m := k < len(matched) && matched[k] == base+i
		if m {
			k++
		}
		if m != inMatch {
			write(s[start:i], inMatch)
			start, inMatch = i, m
		}
	}
	write(s[start:], inMatch)
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
