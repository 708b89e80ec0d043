package formats

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// collapseByRune is white-space collapsing done a rune at a time, as
// renderer.text did before it copied runs of text whole: the reference
// that the fast path must match, byte for byte.
func (r *renderer) collapseByRune(s string) {
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0' {
			r.space = true
			continue
		}
		if r.cur.Len() == 0 && r.prefix == "" {
			r.lineStart = true
		}
		r.start()
		if r.space && !r.lineStart {
			r.cur.WriteByte(' ')
		}
		r.space = false
		r.lineStart = false
		r.cur.WriteRune(c)
	}
}

// randomText strings together pieces that test every branch: single and
// double spaces, other white space, no-break spaces, a lone 0xc2 and
// other invalid bytes, multi-byte letters, and bytes next to ' ' in value.
func randomText(rng *rand.Rand) string {
	pieces := []string{"a", "word", "longerword", " ", "  ", "\t", "\n", "\r", "\f",
		"\u00a0", "\xc2", "\xa0", "\xff", "é", "中", "!", "\x1f", "\x00", "\x7f", "0123456789"}
	var b strings.Builder
	for range rng.IntN(40) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func TestTextCollapsesLikeRuneByRune(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		a, b, state := randomText(rng), randomText(rng), rng.IntN(16)
		var got, want renderer
		for _, r := range []*renderer{&got, &want} {
			r.space, r.lineStart = state&1 != 0, state&2 != 0
			if state&4 != 0 {
				r.prefix = "• "
			}
			if state&8 != 0 {
				r.cur.WriteString("q")
			}
		}
		got.text(a)
		got.text(b)
		want.collapseByRune(a)
		want.collapseByRune(b)
		if got.cur.String() != want.cur.String() || got.space != want.space || got.lineStart != want.lineStart || got.prefix != want.prefix {
			t.Fatalf("text(%q), text(%q) from state %d: %q (space %v, line start %v), want %q (%v, %v)",
				a, b, state, got.cur.String(), got.space, got.lineStart, want.cur.String(), want.space, want.lineStart)
		}
	}
}
