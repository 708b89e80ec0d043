package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"parallax/corpus/internal/swar"
)

// Every byte of a document or a file name is untrusted. Lip Gloss passes
// control sequences through untouched and the Bubble Tea renderer acts on
// some of them (bare CR, DCS, APC, C1), so the only safe place to neutralise
// them is here, once, before any text leaves this package.
//
// The rule: nothing that a terminal interprets survives. The introducer of
// an escape sequence (ESC, or an 8-bit C1 introducer) is replaced by a
// visible placeholder and the rest of the sequence stays as plain printable
// text, so a reader sees exactly what the file holds (␛[31m, ␛]52;c;…) and
// the terminal sees nothing it acts on.

// SanitizeText makes document text safe to print: newlines and tabs are
// kept (tabs are expanded to spaces afterwards, during normalization), every
// other control character, DEL, C1 control, bidirectional control and
// zero-width format character becomes a visible placeholder. Invalid UTF-8
// becomes U+FFFD.
func SanitizeText(s string) string {
	return sanitize(s, true)
}

// SanitizeName makes a file name or an error message safe to print on one
// line: like SanitizeText, but newlines and tabs are shown as ␊ and ␉.
func SanitizeName(s string) string {
	return sanitize(s, false)
}

func sanitize(s string, text bool) string {
	if isPlain(s, text) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	var prev rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			prev = utf8.RuneError
			continue
		}
		i += size
		switch {
		case (r == '\n' || r == '\t') && text:
			b.WriteRune(r)
		case r == zeroWidthJoiner && isEmojiJoin(prev, s[i:]):
			// Inside an emoji sequence the joiner hides nothing, but
			// terminals disagree on whether it joins the emoji into one
			// glyph (2 cells) or not (2 each), which shifts everything
			// after it on the line: it is dropped, and the emoji show
			// side by side.
		case r == softHyphen:
			// An invisible hyphenation hint; terminals disagree on its
			// width, so it is dropped rather than shown.
		default:
			if p, ok := placeholder(r); ok {
				b.WriteString(p)
			} else {
				b.WriteRune(r)
			}
		}
		prev = r
	}
	return b.String()
}

const (
	zeroWidthJoiner = '\u200d'
	softHyphen      = '\u00ad'
)

// isPlain reports whether s needs no change: printable ASCII, newlines
// and tabs (in text) and any non-ASCII rune that is valid and not special. It is
// the fast path for the overwhelming majority of paragraphs.
func isPlain(s string, text bool) bool {
	for i := 0; i < len(s); i++ {
		for i+8 <= len(s) && printable8(swar.Load64(s[i:])) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			continue
		}
		if (c == '\n' || c == '\t') && text {
			continue
		}
		if c < 0x80 {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if _, bad := placeholder(r); bad || r == softHyphen || r == zeroWidthJoiner {
			return false
		}
		i += size - 1
	}
	return true
}

// printable8 reports whether 8 packed bytes are all printable ASCII
// (0x20 to 0x7e). Once no byte has its top bit set, adding a constant to
// every byte cannot carry from one byte into the next: adding 0x60 sets
// the top bit exactly of the bytes from 0x20 up, and adding 1 sets it
// only for 0x7f.
func printable8(x uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	return x&high == 0 && (x+0x60*ones)&high == high && (x+ones)&high == 0
}

// placeholder returns the visible stand-in for a rune the terminal would
// act on or that would make text read differently from what it is.
func placeholder(r rune) (string, bool) {
	switch {
	case r < 0x20:
		// C0 controls: the Unicode control pictures ␀ … ␟ (␛ for ESC).
		return string(rune(0x2400 + r)), true
	case r == 0x7f:
		return "␡", true
	case r >= 0x80 && r <= 0x9f:
		// C1 controls, including the 8-bit CSI 0x9B.
		return fmt.Sprintf("<U+%04X>", r), true
	case isBidiControl(r) || isInvisibleFormat(r):
		return fmt.Sprintf("<U+%04X>", r), true
	}
	return "", false
}

// isBidiControl covers the embedding, override, isolate and mark characters
// that can reorder text on screen (CVE-2021-42574, "Trojan Source").
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	}
	return false
}

// isInvisibleFormat covers zero-width and other invisible format characters
// that hide text or split words without showing anything, plus the
// line and paragraph separators that some terminals treat as newlines.
func isInvisibleFormat(r rune) bool {
	switch r {
	case 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
		0xfeff, 0x180e, 0x2028, 0x2029, 0xfff9, 0xfffa, 0xfffb:
		return true
	}
	if r >= 0x206a && r <= 0x206f { // deprecated invisible format controls
		return true
	}
	// Tag characters are invisible and have been used to smuggle hidden
	// ASCII text; the rare subdivision flags that use them lose their
	// picture, which is the safer failure.
	return r >= 0xe0000 && r <= 0xe007f
}

// isEmojiJoin reports whether a zero-width joiner sits between two emoji
// (👩‍💻): there it is part of one glyph, not a hidden character.
func isEmojiJoin(prev rune, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	return isEmojiRune(prev) && isEmojiRune(next)
}

func isEmojiRune(r rune) bool {
	return (r >= 0x1f000 && r <= 0x1faff) || (r >= 0x2600 && r <= 0x27bf) || r == 0xfe0f ||
		(r >= 0x1f3fb && r <= 0x1f3ff)
}
