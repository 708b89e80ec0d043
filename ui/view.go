package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the whole screen: exactly height rows of at most width cells.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "parallax"
	if d := m.focused().doc; d != nil {
		v.WindowTitle = "parallax — " + d.Title
	}
	return v
}

func (m Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	l := m.layout
	body := make([]string, 0, m.height)
	switch {
	case m.mode == modeHelp:
		body = append(body, m.helpRows(m.height-l.footer.h)...)
	case l.arrange == sideBySide:
		left := strings.Split(m.paneView(0), "\n")
		right := strings.Split(m.paneView(1), "\n")
		div := m.styles.divider.Render("│")
		for y := 0; y < l.panes[0].h; y++ {
			body = append(body, left[y]+div+right[y])
		}
	case l.arrange == stacked:
		body = append(body, strings.Split(m.paneView(0), "\n")...)
		body = append(body, m.styles.divider.Render(strings.Repeat("─", m.width)))
		body = append(body, strings.Split(m.paneView(1), "\n")...)
	default:
		body = append(body, strings.Split(m.paneView(m.focus), "\n")...)
	}
	if l.panel.h > 0 && m.mode != modeHelp {
		body = append(body, m.termsPanel(l.panel.w, l.panel.h)...)
	}
	if l.footer.h > 0 {
		body = append(body, m.footer())
	}
	return strings.Join(body, "\n")
}

// paneView is a pane, or the palette or lens chooser open over it.
func (m Model) paneView(i int) string {
	if i == m.focus {
		switch m.mode {
		case modePalette:
			return m.palette.View(&m.styles)
		case modeLens:
			return m.chooser.View(&m.styles)
		case modeSkipped:
			return m.skipped.View(&m.styles)
		case modeMarks:
			return m.marksView.View(&m.styles)
		}
	}
	var marks *termMarks
	if m.highlight {
		if c := m.contrast(); c != nil {
			marks = c.marks[i]
		}
	}
	return m.panes[i].View(&m.styles, i == m.focus, marks)
}

// footer is the bottom row: the search prompt when it is open, otherwise
// the status (a message, the skipped files, the pane shown) and the keys.
func (m Model) footer() string {
	st := &m.styles
	if m.mode == modeSearch {
		return fit(m.prompt.View(), m.width)
	}
	if m.load != nil && m.status == "" {
		return fit(m.load.view(m.width), m.width)
	}
	left := m.status
	if left == "" {
		var notes []string
		if m.linkedScroll {
			notes = append(notes, "linked scrolling")
		}
		if m.layout.arrange == single {
			notes = append(notes, fmt.Sprintf("pane %d/2 (tab: other)", m.focus+1))
		}
		if n := len(m.corpus.Skipped); n > 0 {
			notes = append(notes, fmt.Sprintf("%d skipped (S)", n))
		}
		left = strings.Join(notes, " · ")
	}
	if left != "" {
		left = " " + left + " "
	}
	left = ansi.Truncate(left, m.width, "…")
	room := m.width - ansi.StringWidth(left) - 1
	keys := m.footerKeys(room)
	gap := max(0, m.width-ansi.StringWidth(left)-ansi.StringWidth(keys))
	return fit(st.status.Render(left)+strings.Repeat(" ", gap)+keys, m.width)
}

// footerKeys is the short key help in at most width columns. When not
// every key fits it drops keys from the end but keeps "? help", which
// says where the others are, and "q quit" while it can. (bubbles' ShortHelpView adds an item that
// does not fit when its ellipsis would not fit either, and cutting that
// leaves a bare separator.)
func (m Model) footerKeys(width int) string {
	hs := &m.help.Styles
	sep := hs.ShortSeparator.Inline(true).Render(m.help.ShortSeparator)
	sepW := lipgloss.Width(sep)
	type item struct {
		text string
		w    int
		keep int // 2 for help, 1 for quit: dropped last
	}
	var items []item
	total := 0
	for _, b := range m.keys.ShortHelp() {
		if !b.Enabled() {
			continue
		}
		text := hs.ShortKey.Inline(true).Render(b.Help().Key) + " " + hs.ShortDesc.Inline(true).Render(b.Help().Desc)
		it := item{text: text, w: lipgloss.Width(text)}
		switch b.Help().Key {
		case m.keys.Help.Help().Key:
			it.keep = 2
		case m.keys.Quit.Help().Key:
			it.keep = 1
		}
		if len(items) > 0 {
			total += sepW
		}
		total += it.w
		items = append(items, it)
	}
	for total > width && len(items) > 0 {
		drop := len(items) - 1
		for i, it := range items {
			if it.keep <= items[drop].keep {
				drop = i // the last of the least kept
			}
		}
		total -= items[drop].w
		if len(items) > 1 {
			total -= sepW
		}
		items = append(items[:drop], items[drop+1:]...)
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.text
	}
	return strings.Join(parts, sep)
}

// helpRowsUnclipped is the help box, whatever the window's height.
func (m Model) helpRowsUnclipped() []string { return strings.Split(m.helpBox(), "\n") }

// helpRows renders the full key help centred in the body area, scrolled
// when it is taller than the window.
func (m Model) helpRows(height int) []string {
	return m.clipHelp(m.helpBox(), height)
}

// helpBox is the key help in a box. The groups stand side by side when
// they fit and one under another when they do not.
func (m Model) helpBox() string {
	var cols []string
	for _, group := range m.keys.FullHelp() {
		cols = append(cols, m.help.FullHelpView([][]key.Binding{group}))
	}
	// Pack the columns into as few rows as the width allows.
	var packed, row []string
	for _, c := range cols {
		wide := lipgloss.JoinHorizontal(lipgloss.Top, intersperse(append(slices.Clone(row), c), "    ")...)
		if len(row) > 0 && lipgloss.Width(wide)+4 > m.width {
			packed = append(packed, lipgloss.JoinHorizontal(lipgloss.Top, intersperse(row, "    ")...))
			row = nil
		}
		row = append(slices.Clone(row), c)
	}
	packed = append(packed, lipgloss.JoinHorizontal(lipgloss.Top, intersperse(row, "    ")...))
	keys := lipgloss.JoinVertical(lipgloss.Left, intersperse(packed, "")...)
	content := m.styles.heading.Render("parallax — keys") + "\n\n" + keys + "\n\n" +
		m.styles.dim.Render("?, esc or q closes this help")
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).
		BorderForeground(m.styles.paletteBorder.GetForeground()).Padding(0, 1).Render(content)
	if lipgloss.Width(box) > m.width {
		return m.helpList()
	}
	return box
}

// helpList is the key help for a window too narrow for the box: one key
// per line, without a border, each line cut with an ellipsis.
func (m Model) helpList() string {
	lines := []string{m.styles.heading.Render("parallax — keys")}
	for _, group := range m.keys.FullHelp() {
		lines = append(lines, "")
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			h := b.Help()
			lines = append(lines, m.styles.help.FullKey.Render(h.Key)+" "+h.Desc)
		}
	}
	lines = append(lines, "", m.styles.dim.Render("?, esc or q closes this help"))
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return strings.Join(lines, "\n")
}

// clipHelp places the help box in the body area.
func (m Model) clipHelp(box string, height int) []string {
	rows := strings.Split(box, "\n")
	if total := len(rows); total <= height {
		rows = strings.Split(lipgloss.Place(m.width, height, lipgloss.Center, lipgloss.Center, box), "\n")
	} else {
		// Too tall for the window: it scrolls (j/k, space/b), and the
		// last row says there is more.
		off := min(max(0, m.helpOffset), total-height)
		rows = rows[off : off+height]
		if off > 0 && height > 2 {
			rows[0] = m.styles.dim.Render("↑ more: k or b scroll back")
		}
		if off+height < total && height > 1 {
			rows[height-1] = m.styles.dim.Render("↓ more: j/k or space/b scroll")
		}
		// Centred across, as a box that fits is.
		if pad := (m.width - lipgloss.Width(box)) / 2; pad > 0 {
			for i := range rows {
				rows[i] = strings.Repeat(" ", pad) + rows[i]
			}
		}
		for i := range rows {
			rows[i] = ansi.Truncate(rows[i], m.width, "…")
		}
	}
	out := make([]string, height)
	for i := range out {
		if i < len(rows) {
			out[i] = fit(rows[i], m.width)
		} else {
			out[i] = strings.Repeat(" ", m.width)
		}
	}
	return out
}

func intersperse(items []string, sep string) []string {
	out := make([]string, 0, 2*len(items))
	for i, it := range items {
		if i > 0 {
			out = append(out, sep)
		}
		out = append(out, it)
	}
	return out
}
