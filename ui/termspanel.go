package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"parallax/corpus"
)

// termsPanelHeight is the panel's height when the window has room.
const termsPanelHeight = 12

// termsNeedRoom is what i says in a window too low for the panel.
const termsNeedRoom = "the terms panel needs a taller window (10 rows or more)"

// termsPanel renders the vocabulary comparison of the two open documents:
// the shared terms across the top, then under each pane's side that
// document's distinctive terms and the names it mentions, with counts.
func (m Model) termsPanel(width, height int) []string {
	st := &m.styles
	rows := make([]string, 0, height)
	c := m.contrast()
	if c == nil {
		msg := " terms: open a document in both panes to compare them"
		if m.load != nil {
			msg = " terms: indexing… " + m.load.summary()
		}
		rows = append(rows, st.panelTitle.Render(fit(msg, width)))
		return padRows(rows, width, height)
	}
	shared := make([]string, 0, len(c.contrast.Shared))
	for _, t := range c.contrast.Shared {
		shared = append(shared, fmt.Sprintf("%s %d·%d", t.Term, t.CountA, t.CountB))
	}
	if len(shared) == 0 {
		shared = []string{"none"}
	}
	rows = append(rows, st.panelTitle.Render(fit(listThatFits(" shared: ", shared, width), width)))
	left := (width - 1) / 2
	right := width - left - 1
	// Both halves take the same layout, decided by the narrower one.
	twoColumns := min(left, right) >= 36
	a := m.termsSide(c.contrast.A, c.a, left, height-1, true, twoColumns)
	b := m.termsSide(c.contrast.B, c.b, right, height-1, false, twoColumns)
	div := st.divider.Render("│")
	for i := 0; i < height-1; i++ {
		rows = append(rows, a[i]+div+b[i])
	}
	return rows
}

// termsSide is one document's half of the panel: distinctive terms and
// names, in two columns when there is room and one after the other if not.
func (m Model) termsSide(terms []corpus.TermScore, doc *corpus.Document, width, height int, isA, twoColumns bool) []string {
	st := &m.styles
	distinct := []string{st.panelHeading.Render("distinctive")}
	for _, t := range terms {
		a, b := t.CountA, t.CountB
		if !isA {
			a, b = b, a
		}
		distinct = append(distinct, fmt.Sprintf("%s %s", st.ownTerm.Render(t.Term), st.dim.Render(fmt.Sprintf("%d·%d", a, b))))
	}
	if len(distinct) == 1 {
		distinct = append(distinct, st.dim.Render("none found"))
	}
	colW := (width - 3) / 2 // of the terms, when in two columns
	namesW := width - 1
	if twoColumns {
		namesW = width - colW - 2
	}
	names := []string{st.panelHeading.Render("names")}
	for _, n := range m.corpus.Model.Docs[doc.Index].Names {
		// A long name is cut, not its count.
		count := fmt.Sprintf("×%d", n.Count)
		name := ellipsize(n.Name, max(1, namesW-ansi.StringWidth(count)-1))
		names = append(names, fmt.Sprintf("%s %s", name, st.dim.Render(count)))
	}
	if len(names) == 1 {
		names = append(names, st.dim.Render("none found"))
	}
	if height < 4 { // too low for headings: terms and names only
		distinct, names = distinct[1:], names[1:]
	}
	rows := make([]string, height)
	if twoColumns {
		for i := range rows {
			rows[i] = " " + fit(cell(distinct, i), colW) + " " + fit(cell(names, i), namesW)
		}
		return rows
	}
	half := max(1, height/2)
	list := append(distinct[:min(len(distinct), height-half)], names...)
	for i := range rows {
		rows[i] = fit(" "+cell(list, i), width)
	}
	return rows
}

// listThatFits joins as many items as fit in width after the prefix,
// ending with ", …" when some are left out, so that no item is cut.
func listThatFits(prefix string, items []string, width int) string {
	out := prefix
	for i, item := range items {
		sep := ", "
		if i == 0 {
			sep = ""
		}
		more := ""
		if i < len(items)-1 {
			more = ", …"
		}
		if ansi.StringWidth(out+sep+item+more) > width {
			if i == 0 {
				return out + "…"
			}
			return out + ", …"
		}
		out += sep + item
	}
	return out
}

func cell(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

func padRows(rows []string, width, height int) []string {
	for len(rows) < height {
		rows = append(rows, strings.Repeat(" ", width))
	}
	for i := range rows {
		rows[i] = fit(rows[i], width)
	}
	return rows[:height]
}
