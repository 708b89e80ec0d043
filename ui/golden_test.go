package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// Golden snapshots of whole frames at fixed sizes. Regenerate with
//
//	go test ./ui -run Golden -update
//
// and read the diff of testdata/ before committing. Most snapshots are
// stripped of escape sequences, so they show layout and text only and
// do not depend on the colour profile; TestGoldenStyled keeps them to
// catch style regressions. (Lip Gloss v2 renders styles as full-colour
// SGR sequences whatever the terminal, and the reader's styles are dark
// until a BackgroundColorMsg says otherwise, so the styled frame does
// not depend on the environment either.)

func TestGolden(t *testing.T) {
	cases := []struct {
		name          string
		width, height int
		keys          []string
		text          string
	}{
		{name: "sample_80x24", width: 80, height: 24},
		{name: "sample_120x40", width: 120, height: 40},
		{name: "palette_herald_80x24", width: 80, height: 24, keys: []string{"ctrl+p"}, text: "herald"},
		{name: "help_100x30", width: 100, height: 30, keys: []string{"?"}},
		{name: "terms_120x40", width: 120, height: 40, keys: []string{"i"}},
		{name: "terms_80x24", width: 80, height: 24, keys: []string{"i"}},
		{name: "stacked_79x30", width: 79, height: 30},
		{name: "lens_breck_80x24", width: 80, height: 24, keys: []string{"e"}, text: "Breck\n"},
		{name: "search_gate_80x24", width: 80, height: 24, keys: []string{"/"}, text: "gate\n"},
	}
	c := sampleCorpus(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestModel(t, c, tc.width, tc.height)
			m = applyOverlay(t, m, tc.keys, tc.text)
			view := m.View().Content
			checkFrame(t, m, tc.width, tc.height)
			if rows := strings.Count(view, "\n") + 1; rows != tc.height {
				t.Errorf("frame has %d rows, want %d", rows, tc.height)
			}
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func TestGoldenStyled(t *testing.T) {
	c := sampleCorpus(t)
	t.Run("sample_80x24", func(t *testing.T) {
		m := newTestModel(t, c, 80, 24)
		golden.RequireEqual(t, []byte(m.View().Content))
	})
	t.Run("search_highlight_80x24", func(t *testing.T) {
		m := newTestModel(t, c, 80, 24)
		m = applyOverlay(t, m, []string{"h", "/"}, "gate\n")
		golden.RequireEqual(t, []byte(m.View().Content))
	})
}
