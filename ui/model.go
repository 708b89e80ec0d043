// Package ui is the Bubble Tea reader: two panes over an in-memory corpus,
// a fuzzy palette, search, and the comparison tools (linked passages,
// related coverage, terms, the event lens). It never touches the file
// system.
package ui

import (
	"fmt"

	"parallax/corpus"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// wheelLines is how far one notch of the mouse wheel scrolls.
const wheelLines = 3

// mode says which component receives keys.
type mode int

const (
	modeRead    mode = iota
	modePalette      // the document palette is open over the focused pane
	modeLens         // the event lens chooser is open over the focused pane
	modeSkipped      // the list of skipped files is open over the focused pane
	modeMarks        // the list of marks is open over the focused pane
	modeSearch       // the search prompt is open in the footer
	modeHelp         // the help overlay is open
)

// Model is the root of the reader. It owns the layout and routes messages
// to the panes and overlays.
type Model struct {
	corpus *corpus.Corpus
	keys   KeyMap
	styles styles

	width, height int
	layout        screenLayout

	panes [2]pane
	focus int
	wraps *wrapCache // shared by the panes

	mode      mode
	palette   picker
	chooser   picker // the event lens chooser
	skipped   picker // the files that were not loaded, with reasons
	marksView picker
	prompt    textinput.Model
	help      help.Model

	// Comparison state.
	linkedScroll bool
	linkMissed   linkMiss // the paragraph linked scrolling last found no match for
	showTerms    bool
	highlight    bool
	lens         *corpus.Lens // the active event lens, if any
	paletteOrder paletteOrder
	related      relatedCycle
	contrasts    *contrastCache

	// load is the background load while it runs, nil once the corpus is
	// complete; loadErr is the error that stopped it.
	load    *loadState
	loadErr error

	// Sessions: marks, the key waiting for a mark letter, the session to
	// restore once loaded, and how to write an export.
	marks   map[rune]mark
	await   awaiting
	restore *Session
	export  ExportFunc

	// theme is "auto" (from the terminal's background), "dark" or
	// "light"; noColor turns colour off (NO_COLOR).
	theme   string
	noColor bool

	// helpOffset is how far the help is scrolled in a small window.
	helpOffset int

	// status is a one-off message shown in the footer until the next key.
	status string
}

// singleDocument is what the second pane says when there is nothing to
// show beside the first.
const singleDocument = "This corpus holds a single document, so there is nothing to show beside it. Open parallax on a folder of articles to compare them."

// New builds the reader over a loaded corpus. The first two documents are
// open, the left pane focused.
func New(c *corpus.Corpus, keys KeyMap, opts ...Option) Model {
	m := Model{corpus: c, keys: keys, contrasts: &contrastCache{}, marks: map[rune]mark{}}
	for _, o := range opts {
		o(&m)
	}
	m.wraps = newWrapCache()
	m.panes = [2]pane{newPane(m.wraps), newPane(m.wraps)}
	if len(c.Docs) > 0 {
		m.panes[0].open(c.Docs[0])
	} else if m.load != nil {
		m.panes[0].empty = "Reading the first document…"
	}
	switch {
	case len(c.Docs) > 1:
		m.panes[1].open(c.Docs[1])
	case m.load != nil:
		m.panes[1].empty = "Loading the other documents…"
	default:
		m.panes[1].empty = singleDocument
	}
	m.palette = newPicker("Open a document", "type part of a title or path")
	m.chooser = newPicker("Event lens: show only the passages that mention…", "a name or a term")
	m.chooser.listOrderFirst = true // most mentioned first among equal matches
	m.skipped = newPicker("Files not loaded", "filter by path or reason")
	m.marksView = newPicker("Marks", "filter by letter, title or text")
	m.prompt = textinput.New()
	m.prompt.Prompt = "/"
	m.prompt.Placeholder = "search this document"
	m.help = help.New()
	m.applyStyles(m.theme != "light")
	m.applySession()
	return m
}

// Init asks the terminal for its background colour to pick the palette,
// and listens to the background load if there is one.
func (m Model) Init() tea.Cmd {
	if m.load != nil {
		return tea.Batch(tea.RequestBackgroundColor, waitLoad(m.load.ch))
	}
	return tea.RequestBackgroundColor
}

func (m *Model) applyStyles(isDark bool) {
	m.styles = newStyles(isDark, !m.noColor)
	m.help.Styles = m.styles.help
	m.prompt.SetStyles(m.styles.textinput)
	m.palette.input.SetStyles(m.styles.textinput)
	m.chooser.input.SetStyles(m.styles.textinput)
	m.skipped.input.SetStyles(m.styles.textinput)
	m.marksView.input.SetStyles(m.styles.textinput)
}

// Update routes a message to whatever has the keyboard, then starts the
// background layout of any huge document on screen that is laid out only
// as far as shown.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if done, ok := msg.(wrapDoneMsg); ok {
		m.wraps.done(done)
		return m, nil
	}
	next, cmd := m.update(msg)
	nm := next.(Model)
	nm.dropBrokenLink()
	for i := range nm.panes {
		if p := &nm.panes[i]; p.shown() != nil && p.width > 0 {
			cmd = tea.Batch(cmd, nm.wraps.completeLater(p.layout()))
		}
	}
	return nm, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		if m.status == termsNeedRoom {
			m.status = "" // it may fit now; the next i says so if not
		}
		return m, nil
	case tea.BackgroundColorMsg:
		if m.theme == "" || m.theme == "auto" {
			m.applyStyles(msg.IsDark())
		}
		return m, nil
	case tea.MouseWheelMsg:
		m.wheel(msg)
		return m, nil
	case LoadProgressMsg:
		if msg.Skipped != nil && m.load != nil {
			c := *m.corpus
			c.Skipped = msg.Skipped
			m.corpus = &c
		}
		if m.load != nil {
			m.load.last = msg
			return m, waitLoad(m.load.ch)
		}
		return m, nil
	case FirstDocMsg:
		m.showFirst(msg.Doc)
		if m.load != nil {
			return m, waitLoad(m.load.ch)
		}
		return m, nil
	case LoadDoneMsg:
		return m, m.finishLoad(msg)
	case exportDoneMsg:
		m.exportDone(msg)
		return m, nil
	case searchDoneMsg:
		for i := range m.panes {
			m.panes[i].searchDone(msg)
		}
		return m, nil
	case filterDoneMsg:
		for _, pk := range []*picker{&m.palette, &m.chooser, &m.skipped, &m.marksView} {
			if pk.title == msg.picker {
				pk.filterDone(msg)
			}
		}
		return m, nil
	case tea.KeyPressMsg:
		m.status = ""
		// ctrl+c quits from anywhere, as the help says: in an overlay,
		// a prompt or halfway through a two-key command.
		if msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
		if m.mode == modeHelp {
			return m.updateHelp(msg)
		}
		if m.mode == modeRead {
			if m.await != awaitNothing {
				m.finishAwait(msg)
				return m, nil
			}
			return m.updateRead(msg)
		}
	}
	// Keys in an overlay, and anything else (cursor blinks, pastes), go to
	// the open input.
	switch m.mode {
	case modePalette:
		return m.updatePalette(msg)
	case modeLens:
		return m.updateLens(msg)
	case modeSkipped:
		return m.updateSkipped(msg)
	case modeMarks:
		return m.updateMarks(msg)
	case modeSearch:
		return m.updateSearch(msg)
	}
	return m, nil
}

func (m *Model) resize(width, height int) {
	m.width, m.height = max(0, width), max(0, height)
	m.relayout()
}

// relayout recomputes every rectangle and hands the sizes down.
func (m *Model) relayout() {
	m.layout = computeLayout(m.width, m.height, m.showTerms)
	for i := range m.panes {
		m.panes[i].SetSize(m.layout.panes[i].w, m.layout.panes[i].h)
	}
	r := m.layout.panes[m.focus]
	m.palette.SetSize(r.w, r.h)
	m.chooser.SetSize(r.w, r.h)
	m.skipped.SetSize(r.w, r.h)
	m.marksView.SetSize(r.w, r.h)
	m.prompt.SetWidth(max(1, m.width-2))
	m.help.SetWidth(m.width)
}

func (m *Model) focused() *pane { return &m.panes[m.focus] }

// openOverlay opens a picker over the focused pane.
func (m *Model) openOverlay(md mode, p *picker, items []pickItem) tea.Cmd {
	m.mode = md
	m.relayout()
	return p.open(items)
}

func (m Model) updateRead(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k, p := &m.keys, m.focused()
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
		m.helpOffset = 0
	case key.Matches(msg, k.LineDown):
		p.scroll(1)
	case key.Matches(msg, k.LineUp):
		p.scroll(-1)
	case key.Matches(msg, k.PageDown):
		p.pageDown()
	case key.Matches(msg, k.PageUp):
		p.pageUp()
	case key.Matches(msg, k.HalfPageDown):
		p.halfPageDown()
	case key.Matches(msg, k.HalfPageUp):
		p.halfPageUp()
	case key.Matches(msg, k.Top):
		p.scrollTo(0)
	case key.Matches(msg, k.Bottom):
		p.scrollToEnd()
	case key.Matches(msg, k.SwitchFocus):
		m.switchFocus()
	case key.Matches(msg, k.Swap):
		m.swap()
	case key.Matches(msg, k.Palette):
		cmd := m.openOverlay(modePalette, &m.palette, paletteItems(m.corpus, p.doc, m.lens))
		m.sortPalette()
		m.paletteLoadingNote()
		return m, cmd
	case key.Matches(msg, k.Skipped):
		if len(m.corpus.Skipped) == 0 {
			m.status = "every file found was loaded"
			return m, nil
		}
		return m, m.openOverlay(modeSkipped, &m.skipped, skippedItems(m.corpus.Skipped))
	case key.Matches(msg, k.SetMark):
		m.await = awaitSetMark
		m.status = "mark: press a letter or digit"
		return m, nil
	case key.Matches(msg, k.JumpMark):
		m.await = awaitJumpMark
		m.status = "go to mark: press its letter"
		return m, nil
	case key.Matches(msg, k.Marks):
		if len(m.marks) == 0 {
			m.status = "no marks yet: m and a letter sets one"
			return m, nil
		}
		return m, m.openOverlay(modeMarks, &m.marksView, markItems(m.marks))
	case key.Matches(msg, k.Copy):
		return m, m.copyParagraph()
	case key.Matches(msg, k.Back):
		if !p.back() {
			m.status = "no earlier document in this pane"
		}
		m.applyLens(m.focus)
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		m.prompt.Reset()
		return m, m.prompt.Focus()
	case key.Matches(msg, k.NextMatch), key.Matches(msg, k.PrevMatch):
		if !p.search.active() {
			m.status = "no search in this pane: press / to search"
			break
		}
		dir := 1
		if key.Matches(msg, k.PrevMatch) {
			dir = -1
		}
		p.stepMatch(dir)
		if len(p.search.matches) == 1 && !p.search.counting {
			m.status = "the only match"
		}
	case key.Matches(msg, k.Terms):
		m.showTerms = !m.showTerms
		m.relayout()
		if m.showTerms && m.layout.panel.h == 0 {
			m.showTerms = false
			m.relayout()
			m.status = termsNeedRoom
		}
		return m, nil
	case m.isCompareKey(msg):
		if m.indexing() {
			return m, nil
		}
		return m, m.compareKey(msg)
	case key.Matches(msg, k.Cancel):
		m.cancel()
		return m, nil
	default:
		return m, nil
	}
	m.followLink()
	return m, nil
}

// cancel (esc) undoes the most specific thing on screen: the search in
// the focused pane, else the lens, else the linked-passage marks.
func (m *Model) cancel() {
	p := m.focused()
	switch {
	case p.search.active():
		p.clearSearch()
	case m.lens != nil:
		m.lens = nil
		for i := range m.panes {
			m.panes[i].closeLens()
		}
	default:
		m.panes[0].link, m.panes[1].link = nil, nil
	}
}

// applyLens filters pane i by the active lens, if there is one.
func (m *Model) applyLens(i int) {
	if m.lens != nil && m.panes[i].lens == nil {
		m.panes[i].openLens(m.lensIn(i, *m.lens))
	}
}

func (m *Model) switchFocus() {
	if len(m.corpus.Docs) < 2 && m.load == nil {
		m.status = "only one document: nothing to switch to"
		return
	}
	m.focus = 1 - m.focus
	m.relayout()
}

// swap exchanges the two panes' documents (with their positions, searches
// and back-stacks). Focus moves with the document being read.
func (m *Model) swap() {
	if len(m.corpus.Docs) < 2 && m.load == nil {
		m.status = "only one document: nothing to swap"
		return
	}
	m.panes[0], m.panes[1] = m.panes[1], m.panes[0]
	m.focus = 1 - m.focus
	m.relayout()
}

func (m Model) updateHelp(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Help), key.Matches(msg, k.Cancel), key.Matches(msg, k.Quit):
		m.mode = modeRead
	case key.Matches(msg, k.LineDown):
		m.helpOffset++
	case key.Matches(msg, k.LineUp):
		m.helpOffset--
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfPageDown):
		m.helpOffset += max(1, m.height/2)
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfPageUp):
		m.helpOffset -= max(1, m.height/2)
	case key.Matches(msg, k.Top):
		m.helpOffset = 0
	case key.Matches(msg, k.Bottom):
		m.helpOffset = 1 << 20
	}
	// The view clamps the offset to the help's height; keep it in range
	// here too so that scrolling back up answers at once.
	m.helpOffset = min(max(0, m.helpOffset), m.helpHeight())
	return m, nil
}

// helpHeight is how far the help can scroll in the current window.
func (m Model) helpHeight() int {
	body := m.height - m.layout.footer.h
	full := len(m.helpRowsUnclipped())
	return max(0, full-body)
}

func (m Model) updatePalette(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.PaletteOrder) {
		if !m.hasMetadata() {
			m.status = "no document here says its source or date: nothing to sort by"
			return m, nil
		}
		m.paletteOrder = (m.paletteOrder + 1) % 3
		m.sortPalette()
		return m, nil
	}
	outcome, cmd := m.palette.Update(msg, &m.keys)
	switch outcome {
	case pickClose:
		m.mode = modeRead
	case pickChoose:
		doc := m.palette.chosen().(*corpus.Document)
		m.mode = modeRead
		m.focused().open(doc)
		m.applyLens(m.focus)
		m.status = "opened " + doc.Title
	}
	return m, cmd
}

func (m Model) updateLens(msg tea.Msg) (tea.Model, tea.Cmd) {
	typed := m.chooser.input.Value()
	outcome, cmd := m.chooser.Update(msg, &m.keys)
	switch outcome {
	case pickClose:
		m.mode = modeRead
	case pickChoose:
		m.mode = modeRead
		m.setLens(m.chooser.chosen().(corpus.VocabEntry).Lens())
	case pickStay:
		// enter with nothing suggested: take the typed text as it is.
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Select) && typed != "" {
			m.mode = modeRead
			m.setLens(lensFromQuery(typed))
		}
	}
	return m, cmd
}

// hasMetadata reports whether any document has a source or a date.
func (m *Model) hasMetadata() bool {
	for _, d := range m.corpus.Docs {
		if d.Source != "" || d.Date != "" {
			return true
		}
	}
	return false
}

// sortPalette applies the chosen order to the palette.
func (m *Model) sortPalette() {
	if m.paletteOrder == byRelevance {
		m.palette.sortBy(nil, "")
		return
	}
	o := m.paletteOrder
	m.palette.sortBy(func(a, b pickItem) int {
		return o.compare(a.Value.(*corpus.Document), b.Value.(*corpus.Document))
	}, "by "+o.String()+" (ctrl+t)")
}

// updateSkipped runs the skipped-files list: it only filters and closes.
func (m Model) updateSkipped(msg tea.Msg) (tea.Model, tea.Cmd) {
	outcome, cmd := m.skipped.Update(msg, &m.keys)
	if outcome != pickStay {
		m.mode = modeRead
	}
	return m, cmd
}

func skippedItems(skipped []corpus.Skipped) []pickItem {
	items := make([]pickItem, len(skipped))
	for i, s := range skipped {
		items[i] = pickItem{Title: s.Path, Detail: s.Reason, MatchDetail: true}
	}
	return items
}

// setLens filters both panes to the passages that mention the lens.
func (m *Model) setLens(l corpus.Lens) {
	if !l.Valid() {
		m.status = fmt.Sprintf("%q is too common a word to filter by", l.Label)
		return
	}
	m.lens = &l
	for i := range m.panes {
		m.panes[i].openLens(m.lensIn(i, l))
	}
	counts := ""
	for i, p := range m.panes {
		if p.lens != nil {
			counts += fmt.Sprintf(" · pane %d: %d", i+1, p.lens.mentions)
		}
	}
	m.status = fmt.Sprintf("lens %q%s mentions — ctrl+p shows every document's count, esc returns", l.Label, counts)
}

func (m Model) updateSearch(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Cancel):
			m.mode = modeRead
			return m, nil
		case key.Matches(k, m.keys.Select):
			m.mode = modeRead
			p := m.focused()
			cmd := p.runSearch(m.prompt.Value())
			if p.search.active() && len(p.search.matches) == 0 {
				m.status = fmt.Sprintf("no match for %q", m.prompt.Value())
			}
			m.followLink()
			return m, cmd
		}
	}
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.Update(msg)
	return m, cmd
}

// wheel scrolls the pane under the mouse pointer.
func (m *Model) wheel(msg tea.MouseWheelMsg) {
	if m.mode != modeRead {
		return
	}
	var n int
	switch msg.Button {
	case tea.MouseWheelDown:
		n = wheelLines
	case tea.MouseWheelUp:
		n = -wheelLines
	default:
		return
	}
	target := m.focus
	if m.layout.arrange != single {
		for i, r := range m.layout.panes {
			if r.contains(msg.X, msg.Y) {
				target = i
			}
		}
	}
	m.panes[target].scroll(n)
	if target == m.focus {
		m.followLink()
	}
}
