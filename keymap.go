package main

import (
	"parallax/ui"

	"charm.land/bubbles/v2/key"
)

// defaultKeyMap is the one place where parallax's keys are chosen. The help
// overlay and the footer are rendered from it.
func defaultKeyMap() ui.KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return ui.KeyMap{
		LineDown:     b("j/↓", "line down", "j", "down"),
		LineUp:       b("k/↑", "line up", "k", "up"),
		PageDown:     b("space/f", "page down", "space", "pgdown", "f"),
		PageUp:       b("b/pgup", "page up", "b", "pgup"),
		HalfPageDown: b("ctrl+d", "half page down", "ctrl+d"),
		HalfPageUp:   b("ctrl+u", "half page up", "ctrl+u"),
		Top:          b("g/home", "top", "g", "home"),
		Bottom:       b("G/end", "bottom", "G", "end"),

		SwitchFocus: b("tab", "other pane", "tab"),
		Swap:        b("s", "swap panes", "s"),
		Palette:     b("o/ctrl+p", "open document", "ctrl+p", "o"), // not "ctrl+p/o": ctrl+o is back
		Back:        b("⌫/ctrl+o", "back", "backspace", "ctrl+o"),

		Search:    b("/", "search", "/"),
		NextMatch: b("n", "next match", "n"),
		PrevMatch: b("N", "previous match", "N"),

		Align:      b("a", "link matching passage", "a"),
		LinkScroll: b("L", "linked scrolling on/off", "L"),
		Related:    b("r", "related document", "r"),
		Terms:      b("i", "terms panel", "i"),
		Highlight:  b("h", "highlight terms", "h"),
		Lens:       b("e", "event lens", "e"),

		ListUp:   b("↑/ctrl+p", "previous in list", "up", "ctrl+p"),
		ListDown: b("↓/ctrl+n", "next in list", "down", "ctrl+n"),
		Select:   b("enter", "choose", "enter"),
		Cancel:   b("esc", "close / clear search", "esc"),

		PaletteOrder: b("ctrl+t", "palette: sort by source/date", "ctrl+t"),

		SetMark:  b("m", "set mark (then a letter)", "m"),
		JumpMark: b("'", "go to mark (then a letter)", "'"),
		Marks:    b("M", "list marks", "M"),
		Copy:     b("y", "copy paragraph", "y"),
		Export:   b("w", "export comparison", "w"),

		Skipped: b("S", "skipped files", "S"),
		Help:    b("?", "help", "?"),
		Quit:    b("q", "quit", "q", "ctrl+c"),
	}
}
