package ui

// Layout decisions live here and only here, recomputed from the window
// size on every resize.

const (
	// sideBySideMinWidth is the narrowest window that shows the two panes
	// next to each other; below it they are stacked.
	sideBySideMinWidth = 80
	// stackedMinHeight is the lowest window that stacks both panes; below
	// it (and below sideBySideMinWidth) only the focused pane is shown.
	stackedMinHeight = 14
)

type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

type arrangement int

const (
	sideBySide arrangement = iota
	stacked
	single // only the focused pane is on screen
)

// screenLayout names every rectangle of the screen.
type screenLayout struct {
	arrange arrangement
	panes   [2]rect
	divider rect // the column or row between the panes, if any
	panel   rect // the terms panel, when shown
	footer  rect
}

// computeLayout divides a width × height window. The footer takes the
// last row when there are at least three; the terms panel, when asked
// for, takes up to termsPanelHeight rows above it but never more than a
// third of the window; the panes share the rest.
func computeLayout(width, height int, panel bool) screenLayout {
	width, height = max(0, width), max(0, height)
	var l screenLayout
	body := height
	if height >= 3 {
		body = height - 1
		l.footer = rect{0, body, width, 1}
	}
	if panel {
		if h := min(termsPanelHeight, body/3); h >= 3 {
			body -= h
			l.panel = rect{0, body, width, h}
		}
	}
	switch {
	case width >= sideBySideMinWidth:
		l.arrange = sideBySide
		left := (width - 1) / 2
		l.panes[0] = rect{0, 0, left, body}
		l.divider = rect{left, 0, 1, body}
		l.panes[1] = rect{left + 1, 0, width - left - 1, body}
	case body >= stackedMinHeight:
		l.arrange = stacked
		top := (body - 1) / 2
		l.panes[0] = rect{0, 0, width, top}
		l.divider = rect{0, top, width, 1}
		l.panes[1] = rect{0, top + 1, width, body - top - 1}
	default:
		// Both panes keep the full size so that switching is instant and
		// the hidden one keeps its place; only the focused one is drawn.
		l.arrange = single
		l.panes[0] = rect{0, 0, width, body}
		l.panes[1] = l.panes[0]
	}
	return l
}
