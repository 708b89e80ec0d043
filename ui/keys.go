package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key the reader answers to. package main fills it (see
// keymap.go); the help overlay and the footer render from the same struct,
// so what is shown is always what works.
type KeyMap struct {
	// Reading.
	LineDown, LineUp         key.Binding
	PageDown, PageUp         key.Binding
	HalfPageDown, HalfPageUp key.Binding
	Top, Bottom              key.Binding

	// Panes and documents.
	SwitchFocus key.Binding
	Swap        key.Binding
	Palette     key.Binding
	Back        key.Binding

	// Search in the focused document.
	Search, NextMatch, PrevMatch key.Binding

	// Comparing the two documents.
	Align, LinkScroll, Related key.Binding
	Terms, Highlight, Lens     key.Binding

	// Lists and prompts (palette, search prompt, overlays).
	ListUp, ListDown key.Binding
	Select, Cancel   key.Binding
	PaletteOrder     key.Binding // in the palette: by relevance, source or date

	// Sessions: marks, copying, exporting.
	SetMark, JumpMark, Marks key.Binding
	Copy, Export             key.Binding

	Skipped    key.Binding // the list of files that were not loaded
	Help, Quit key.Binding
}

// ShortHelp is the one-line footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Palette, k.SwitchFocus, k.Align, k.Related, k.Terms, k.Lens, k.Search, k.Help, k.Quit}
}

// FullHelp is the help overlay, one column per group.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.LineDown, k.LineUp, k.PageDown, k.PageUp, k.HalfPageDown, k.HalfPageUp, k.Top, k.Bottom},
		{k.SwitchFocus, k.Swap, k.Palette, k.Back, k.Search, k.NextMatch, k.PrevMatch},
		{k.Align, k.LinkScroll, k.Related, k.Terms, k.Highlight, k.Lens},
		{k.SetMark, k.JumpMark, k.Marks, k.Copy, k.Export},
		{k.ListUp, k.ListDown, k.Select, k.Cancel, k.PaletteOrder, k.Skipped, k.Help, k.Quit},
	}
}
