package corpus

import (
	"fmt"
	"strings"
	"testing"

	"parallax/corpus/internal/swar"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantText string
		wantName string
	}{
		{"plain", "plain text, café 日本", "plain text, café 日本", "plain text, café 日本"},
		{"empty", "", "", ""},
		{"CSI colour", "\x1b[31mred\x1b[0m", "␛[31mred␛[0m", "␛[31mred␛[0m"},
		{"clear screen", "a\x1b[2J\x1b[Hb", "a␛[2J␛[Hb", "a␛[2J␛[Hb"},
		{"OSC 52 clipboard with BEL", "\x1b]52;c;ZWNobyBoaQ==\x07", "␛]52;c;ZWNobyBoaQ==␇", "␛]52;c;ZWNobyBoaQ==␇"},
		{"OSC 8 link with ST", "\x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\", "␛]8;;http://x␛\\click␛]8;;␛\\", "␛]8;;http://x␛\\click␛]8;;␛\\"},
		{"DCS", "\x1bP+q\x1b\\", "␛P+q␛\\", "␛P+q␛\\"},
		{"BEL", "ding\a", "ding␇", "ding␇"},
		{"BS", "abc\b\b\bxyz", "abc␈␈␈xyz", "abc␈␈␈xyz"},
		{"DEL", "a\x7fb", "a␡b", "a␡b"},
		{"NUL", "a\x00b", "a␀b", "a␀b"},
		{"CR", "over\rwrite", "over␍write", "over␍write"},
		{"vertical tab and form feed", "\v\f", "␋␌", "␋␌"},
		{"C1 CSI as a rune", "\u009b31m", "<U+009B>31m", "<U+009B>31m"},
		{"C1 NEL and OSC runes", "\u0085\u009d", "<U+0085><U+009D>", "<U+0085><U+009D>"},
		{"raw byte 0x9B is invalid UTF-8", "\x9b31m", "\uFFFD31m", "\uFFFD31m"},
		{"each invalid byte replaced", "a\xff\xfeb\xc3", "a\uFFFD\uFFFDb\uFFFD", "a\uFFFD\uFFFDb\uFFFD"},
		{"RLO override", "abc\u202edcba", "abc<U+202E>dcba", "abc<U+202E>dcba"},
		{"embeddings", "\u202a\u202b\u202c\u202d", "<U+202A><U+202B><U+202C><U+202D>", "<U+202A><U+202B><U+202C><U+202D>"},
		{"isolates", "\u2066\u2067\u2068\u2069", "<U+2066><U+2067><U+2068><U+2069>", "<U+2066><U+2067><U+2068><U+2069>"},
		{"arabic letter mark and LRM/RLM", "\u061c\u200e\u200f", "<U+061C><U+200E><U+200F>", "<U+061C><U+200E><U+200F>"},
		{"zero-width space", "pass\u200bword", "pass<U+200B>word", "pass<U+200B>word"},
		{"zero-width non-joiner and word joiner", "\u200c\u2060", "<U+200C><U+2060>", "<U+200C><U+2060>"},
		{"BOM inside text", "a\ufeffb", "a<U+FEFF>b", "a<U+FEFF>b"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a<U+2028>b<U+2029>c", "a<U+2028>b<U+2029>c"},
		{"tag characters", "hi\U000e0041\U000e007f", "hi<U+E0041><U+E007F>", "hi<U+E0041><U+E007F>"},
		{"soft hyphen dropped", "co\u00adop", "coop", "coop"},
		// Terminals disagree on joined emoji widths: the joiner is dropped.
		{"ZWJ inside emoji dropped", "👩\u200d💻", "👩💻", "👩💻"},
		{"ZWJ family with skin tone and VS16", "👨🏽\u200d👩\u200d👧 ❤\ufe0f\u200d🔥", "👨🏽👩👧 ❤\ufe0f🔥", "👨🏽👩👧 ❤\ufe0f🔥"},
		{"ZWJ between letters shown", "a\u200db", "a<U+200D>b", "a<U+200D>b"},
		{"ZWJ after emoji at end shown", "👩\u200d", "👩<U+200D>", "👩<U+200D>"},
		{"ZWJ before emoji at start shown", "\u200d💻", "<U+200D>💻", "<U+200D>💻"},
		{"ZWJ between emoji and letter shown", "👩\u200dx", "👩<U+200D>x", "👩<U+200D>x"},
		{"double ZWJ shown", "👩\u200d\u200d💻", "👩<U+200D><U+200D>💻", "👩<U+200D><U+200D>💻"},
		{"newline", "a\nb", "a\nb", "a␊b"},
		{"tab", "a\tb", "a\tb", "a␉b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SanitizeText(tt.in); got != tt.wantText {
				t.Errorf("SanitizeText(%q) = %q, want %q", tt.in, got, tt.wantText)
			}
			if got := SanitizeName(tt.in); got != tt.wantName {
				t.Errorf("SanitizeName(%q) = %q, want %q", tt.in, got, tt.wantName)
			}
			checkSafe(t, "SanitizeText", SanitizeText(tt.in), "\n\t")
			checkSafe(t, "SanitizeName", SanitizeName(tt.in), "")
		})
	}
}

// Every C0 control, DEL and C1 control, alone and among plain text.
func TestSanitizeAllControls(t *testing.T) {
	for r := rune(0); r <= 0x9f; r++ {
		if r >= 0x20 && r < 0x7f {
			continue
		}
		for _, in := range []string{string(r), "x" + string(r) + "y", "é" + string(r)} {
			text, name := SanitizeText(in), SanitizeName(in)
			checkSafe(t, fmt.Sprintf("SanitizeText(%U)", r), text, "\n\t")
			checkSafe(t, fmt.Sprintf("SanitizeName(%U)", r), name, "")
			if (r == '\n' || r == '\t') != (text == in) {
				t.Errorf("SanitizeText(%q) = %q", in, text)
			}
			if name == in || strings.ContainsRune(name, r) {
				t.Errorf("SanitizeName(%q) = %q, control kept", in, name)
			}
		}
	}
}

func TestSanitizeIdempotent(t *testing.T) {
	for _, in := range []string{"\x1b[31m\u202e\u200b\x9b\u0085\n\t", "👩\u200d💻 a\u200db", "plain"} {
		for _, f := range []func(string) string{SanitizeText, SanitizeName} {
			once := f(in)
			if twice := f(once); twice != once {
				t.Errorf("not idempotent: %q -> %q -> %q", in, once, twice)
			}
		}
	}
}

func TestSanitizeNameSingleLine(t *testing.T) {
	got := SanitizeName("evil\nname\r\n\u2028\u0085.txt")
	if strings.ContainsAny(got, "\n\r\u2028\u2029\u0085") {
		t.Errorf("SanitizeName kept a line break: %q", got)
	}
	if want := "evil␊name␍␊<U+2028><U+0085>.txt"; got != want {
		t.Errorf("SanitizeName = %q, want %q", got, want)
	}
}

func TestPathErrorSanitized(t *testing.T) {
	err := &PathError{Path: "bad\x1b]52;c;x\x07\n", Reason: "no\nway\x9b"}
	if got, want := err.Error(), "bad␛]52;c;x␇␊: no␊way\uFFFD"; got != want {
		t.Errorf("PathError.Error() = %q, want %q", got, want)
	}
	if got := (Skipped{Path: "a.txt", Reason: "binary"}).String(); got != "a.txt: binary" {
		t.Errorf("Skipped.String() = %q", got)
	}
}

func TestPrintable8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := c >= 0x20 && c < 0x7f
			if got := printable8(swar.Load64(string(b))); got != want {
				t.Fatalf("printable8 with byte %#x at %d = %v, want %v", c, pos, got, want)
			}
		}
	}
}
