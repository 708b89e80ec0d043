package ui

import (
	col "image/color"

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

// newStyles builds the palette for a dark or light background. Without
// colour (NO_COLOR) every colour is dropped and meaning is carried by bold,
// reverse, underline and italics alone. The colours are true colour; Bubble
// Tea brings them down to what the terminal shows (256 or 16 colours).
func newStyles(isDark, color bool) styles {
	ld := func(light, dark string) col.Color {
		if !color {
			return lipgloss.NoColor{}
		}
		return lipgloss.LightDark(isDark)(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := ld("#005F87", "#5FAFFF")
	subtle := ld("#6C6C6C", "#8A8A8A")
	faint := ld("#A8A8A8", "#585858")
	matchBg := ld("#FFD75F", "#875F00")
	matchFg := ld("#000000", "#FFFFFF")
	barBg := ld("#E4E4E4", "#303030")
	errFg := ld("#AF0000", "#FF5F5F")
	linkFg := ld("#AF5F00", "#FFAF5F")
	sharedFg := ld("#005F00", "#87D787")
	ownFg := ld("#870087", "#FF87FF")

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
	if !color {
		// Backgrounds are gone: a search match is shown reversed, the
		// current one reversed, bold and underlined.
		s.match = lipgloss.NewStyle().Reverse(true)
		s.dim = lipgloss.NewStyle().Faint(true)
		s.folded = lipgloss.NewStyle().Faint(true).Italic(true)
		s.help = help.Styles{
			ShortKey: lipgloss.NewStyle().Bold(true), FullKey: lipgloss.NewStyle().Bold(true),
			ShortDesc: lipgloss.NewStyle(), FullDesc: lipgloss.NewStyle(),
			ShortSeparator: lipgloss.NewStyle(), FullSeparator: lipgloss.NewStyle(), Ellipsis: lipgloss.NewStyle(),
		}
		plain := textinput.StyleState{Placeholder: lipgloss.NewStyle().Faint(true), Prompt: lipgloss.NewStyle().Bold(true)}
		s.textinput.Focused, s.textinput.Blurred = plain, plain
		s.textinput.Cursor.Color = lipgloss.NoColor{}
	}
	return s
}
