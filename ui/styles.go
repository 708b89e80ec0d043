package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// styles is the reader's palette. Every style that carries meaning (focus,
// matches, the current match) also uses bold, reverse or underline, so it
// stays visible without colour.
type styles struct {
	isDark bool

	headerFocused, headerBlurred lipgloss.Style
	headerPath, headerPos        lipgloss.Style
	divider                      lipgloss.Style
	text, heading, dim           lipgloss.Style
	folded                       lipgloss.Style
	match, currentMatch          lipgloss.Style
	gutterMatch, gutterLink      lipgloss.Style
	sharedTerm, ownTerm, lensHit lipgloss.Style
	panelTitle, panelHeading     lipgloss.Style
	headingAccent, quote, code   lipgloss.Style
	quoteBar                     lipgloss.Style
	footer, status, errorText    lipgloss.Style

	paletteBorder, paletteTitle  lipgloss.Style
	paletteSelected, paletteItem lipgloss.Style
	paletteMatch, paletteMeta    lipgloss.Style

	help      help.Styles
	textinput textinput.Styles
}

func newStyles(isDark bool) styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#005F87"), lipgloss.Color("#5FAFFF"))
	subtle := ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
	faint := ld(lipgloss.Color("#A8A8A8"), lipgloss.Color("#585858"))
	matchBg := ld(lipgloss.Color("#FFD75F"), lipgloss.Color("#875F00"))
	matchFg := ld(lipgloss.Color("#000000"), lipgloss.Color("#FFFFFF"))
	barBg := ld(lipgloss.Color("#E4E4E4"), lipgloss.Color("#303030"))
	errFg := ld(lipgloss.Color("#AF0000"), lipgloss.Color("#FF5F5F"))
	linkFg := ld(lipgloss.Color("#AF5F00"), lipgloss.Color("#FFAF5F"))
	sharedFg := ld(lipgloss.Color("#005F00"), lipgloss.Color("#87D787"))
	ownFg := ld(lipgloss.Color("#870087"), lipgloss.Color("#FF87FF"))

	s := styles{isDark: isDark}
	s.headerFocused = lipgloss.NewStyle().Bold(true).Reverse(true).Foreground(accent)
	s.headerBlurred = lipgloss.NewStyle().Foreground(subtle)
	s.headerPath = lipgloss.NewStyle().Foreground(subtle)
	s.headerPos = lipgloss.NewStyle().Foreground(subtle)
	s.divider = lipgloss.NewStyle().Foreground(faint)
	s.text = lipgloss.NewStyle()
	s.heading = lipgloss.NewStyle().Bold(true)
	s.dim = lipgloss.NewStyle().Foreground(subtle)
	s.folded = lipgloss.NewStyle().Foreground(subtle).Italic(true)
	s.match = lipgloss.NewStyle().Background(matchBg).Foreground(matchFg)
	s.currentMatch = lipgloss.NewStyle().Background(matchBg).Foreground(matchFg).Bold(true).Underline(true).Reverse(true)
	s.gutterMatch = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.gutterLink = lipgloss.NewStyle().Foreground(linkFg).Bold(true)
	// Shared terms are underlined, a document's own distinctive terms bold:
	// both stay distinct without colour, and the colours are picked per
	// background.
	s.sharedTerm = lipgloss.NewStyle().Underline(true).Foreground(sharedFg)
	s.ownTerm = lipgloss.NewStyle().Bold(true).Foreground(ownFg)
	s.lensHit = lipgloss.NewStyle().Reverse(true).Bold(true).Foreground(linkFg)
	s.panelTitle = lipgloss.NewStyle().Bold(true).Background(barBg).Foreground(accent)
	s.headingAccent = lipgloss.NewStyle().Foreground(accent)
	s.quote = lipgloss.NewStyle().Italic(true).Foreground(subtle)
	s.code = lipgloss.NewStyle().Foreground(subtle)
	s.quoteBar = lipgloss.NewStyle().Foreground(faint)
	s.panelHeading = lipgloss.NewStyle().Bold(true).Foreground(subtle)
	s.footer = lipgloss.NewStyle().Background(barBg)
	s.status = lipgloss.NewStyle().Background(barBg).Foreground(accent).Bold(true)
	s.errorText = lipgloss.NewStyle().Foreground(errFg).Bold(true)

	s.paletteBorder = lipgloss.NewStyle().Foreground(accent)
	s.paletteTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.paletteSelected = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.paletteItem = lipgloss.NewStyle()
	s.paletteMatch = lipgloss.NewStyle().Underline(true).Bold(true).Foreground(accent)
	s.paletteMeta = lipgloss.NewStyle().Foreground(subtle)

	s.help = help.DefaultStyles(isDark)
	s.textinput = textinput.DefaultStyles(isDark)
	return s
}
