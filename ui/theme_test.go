package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// colourSGR finds SGR sequences that set a foreground or background
// colour (30–37, 38, 40–47, 48, 90–97, 100–107).
var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*?(?:^|;|\[)(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;|m)`)

// With NO_COLOR there is no colour in the frame, and focus, matches, the
// linked paragraph and highlighted terms stay visible through bold,
// reverse and underline.
func TestNoColorFrame(t *testing.T) {
	m := New(sampleCorpus(t), testKeyMap(), WithTheme("auto", true))
	m = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(t, m, tea.BackgroundColorMsg{})
	m = press(t, m, "/")
	m = typeText(t, m, "gate")
	m = press(t, m, "enter", "h")
	view := m.View().Content
	if loc := colourSGR.FindStringIndex(view); loc != nil {
		t.Fatalf("colour code %q in a NO_COLOR frame", view[loc[0]:loc[1]])
	}
	for _, attr := range []string{"\x1b[1;7m", "\x1b[7m", "\x1b[4m"} { // bold+reverse header, reversed match, underlined shared term
		if !strings.Contains(view, attr) && !strings.Contains(view, strings.Replace(attr, "m", ";", 1)) {
			t.Errorf("no %q in the frame: focus, matches or terms are invisible without colour", attr)
		}
	}
	golden.RequireEqual(t, []byte(view))
}

// A light theme chosen in the configuration holds whatever the terminal
// says about its background.
func TestThemeFromConfigWins(t *testing.T) {
	m := New(sampleCorpus(t), testKeyMap(), WithTheme("light", false))
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = update(t, m, tea.BackgroundColorMsg{}) // a dark background
	if m.styles.isDark {
		t.Error("the configured light theme was replaced by the terminal's dark background")
	}
	auto := update(t, newTestModel(t, sampleCorpus(t), 80, 24), tea.BackgroundColorMsg{})
	if !auto.styles.isDark {
		t.Error("auto did not follow the terminal's dark background")
	}
}
