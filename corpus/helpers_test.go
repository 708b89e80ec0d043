package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// unsafeRune reports why r must never reach a terminal from this package,
// or "" when it is allowed. allow lists the control characters the caller
// accepts (such as '\n' in document text).
func unsafeRune(r rune, allow string) string {
	switch {
	case r < 0x20 && !strings.ContainsRune(allow, r):
		return "C0 control"
	case r >= 0x7f && r <= 0x9f:
		return "DEL or C1 control"
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x061c, r == 0x200e, r == 0x200f:
		return "bidi control"
	case r == 0x200b, r == 0x200c, r == 0x2060, r == 0xfeff, r == 0x2028, r == 0x2029, r == 0x00ad:
		return "invisible format character"
	case r >= 0xe0000 && r <= 0xe007f:
		return "tag character"
	}
	return ""
}

// checkSafe fails the test when s is not valid UTF-8 or holds a rune a
// terminal would act on (or that hides or reorders text). A zero-width
// joiner is accepted only between two non-ASCII symbols (an emoji sequence).
func checkSafe(t testing.TB, what, s, allow string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s is not valid UTF-8: %q", what, s)
	}
	runes := []rune(s)
	for i, r := range runes {
		if why := unsafeRune(r, allow); why != "" {
			t.Fatalf("%s holds %s %U at rune %d: %q", what, why, r, i, s)
		}
		if r == 0x200d {
			if i == 0 || i == len(runes)-1 || runes[i-1] < 0x2000 || runes[i+1] < 0x2000 {
				t.Fatalf("%s holds a zero-width joiner outside an emoji sequence: %q", what, s)
			}
		}
	}
}
