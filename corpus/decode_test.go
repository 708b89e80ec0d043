package corpus

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, order binary.ByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	out := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(out[2*i:], u)
	}
	return out
}

func TestDecode(t *testing.T) {
	const text = "Héllo, 世界 — “quotes” 👩‍💻\nline two"
	tests := []struct {
		name    string
		raw     []byte
		want    string
		wantEnc string
	}{
		{"plain ASCII", []byte("hello"), "hello", "utf-8"},
		{"UTF-8", []byte(text), text, "utf-8"},
		{"UTF-8 BOM stripped", append([]byte{0xef, 0xbb, 0xbf}, text...), text, "utf-8"},
		{"UTF-16LE BOM", utf16Bytes(text, binary.LittleEndian, true), text, "utf-16le"},
		{"UTF-16BE BOM", utf16Bytes(text, binary.BigEndian, true), text, "utf-16be"},
		{"UTF-16LE BOM only", []byte{0xff, 0xfe}, "", "utf-16le"},
		{"Windows-1252 e acute", []byte("caf\xe9"), "café", "windows-1252"},
		{"Windows-1252 curly quotes", []byte("\x93quoted\x94"), "“quoted”", "windows-1252"},
		{"Windows-1252 euro and dash", []byte("\x80 5 \x96 \x85"), "€ 5 – …", "windows-1252"},
		{"Windows-1252 byte 0x9B is a guillemet, not CSI", []byte("a\x9bb"), "a›b", "windows-1252"},
		{"Latin-1 range", []byte("na\xefve \xc6ther \xff"), "naïve Æther ÿ", "windows-1252"},
		{"hole 0x81 gives U+FFFD", []byte("caf\xe9 \x81"), "caf\uFFFD \uFFFD", "utf-8 (invalid bytes replaced)"},
		{"hole keeps valid UTF-8", []byte("日本 \x81 x"), "日本 \uFFFD x", "utf-8 (invalid bytes replaced)"},
		{"each hole byte replaced", []byte("a\x8d b\x8f c\x90 d\x9d"), "a\uFFFD b\uFFFD c\uFFFD d\uFFFD", "utf-8 (invalid bytes replaced)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc := decode(tt.raw)
			if got != tt.want || enc != tt.wantEnc {
				t.Errorf("decode(%q) = %q, %q; want %q, %q", tt.raw, got, enc, tt.want, tt.wantEnc)
			}
		})
	}
}

// The rule in decode.go says "each invalid byte becomes U+FFFD".
func TestDecodeEachInvalidByte(t *testing.T) {
	got, _ := decode([]byte("a\x81\x81b"))
	if want := "a\uFFFD\uFFFDb"; got != want {
		t.Errorf("decode(%q) = %q, want %q: bytes.ToValidUTF8 replaces a run of invalid bytes with one U+FFFD", "a\x81\x81b", got, want)
	}
}

func TestDecodeUTF16Odd(t *testing.T) {
	// A truncated final code unit and an unpaired surrogate must not leak
	// invalid UTF-8.
	raw := append(utf16Bytes("ab", binary.LittleEndian, true), 0x00, 0xd8, 'c', 0, 'x')
	got, enc := decode(raw)
	if enc != "utf-16le" {
		t.Errorf("encoding = %q", enc)
	}
	checkSafe(t, "decoded UTF-16", SanitizeText(got), "\n\t")
	if got[:2] != "ab" {
		t.Errorf("decode = %q, want prefix ab", got)
	}
}

func TestParseUTF16(t *testing.T) {
	raw := utf16Bytes("Floodgate Fails in Marrowby\r\n\r\nThe gate gave way at dawn.\r\n", binary.BigEndian, true)
	doc := Parse("u16.txt", raw)
	if doc.Title != "Floodgate Fails in Marrowby" || len(doc.Paragraphs) != 2 || doc.Encoding != "utf-16be" {
		t.Errorf("Parse(UTF-16BE) = title %q, %d paragraphs, encoding %q", doc.Title, len(doc.Paragraphs), doc.Encoding)
	}
	if looksBinary(raw) {
		t.Error("UTF-16 with BOM looks binary")
	}
}

func TestLooksBinary(t *testing.T) {
	tests := []struct {
		name string
		head []byte
		want bool
	}{
		{"empty", nil, false},
		{"text", []byte("hello\tworld\r\n\f"), false},
		{"NUL", []byte("hello\x00world"), true},
		{"UTF-16LE with NULs", utf16Bytes("hello", binary.LittleEndian, true), false},
		{"UTF-16 without BOM", utf16Bytes("hello", binary.LittleEndian, false), true},
		{"escape sequences are text", []byte("\x1b[31mred\x1b[0m plain text"), false},
		{"many controls", []byte("\x01\x02\x03\x04abcdef"), true},
		{"few controls", []byte("\x07 a bell in a long line of ordinary text"), false},
	}
	for _, tt := range tests {
		if got := looksBinary(tt.head); got != tt.want {
			t.Errorf("%s: looksBinary(%q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
}

// looksBinary skips runs of 8 bytes with no control byte; it must count
// exactly as the plain loop does.
func TestLooksBinaryCountsEveryControlByte(t *testing.T) {
	plain := func(head []byte) bool {
		controls := 0
		for _, c := range head {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
				controls++
			}
		}
		return controls*10 > len(head)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []byte("ab \n\t\x01\x02\x1f\x7f\x80\xff\x20\x21")
	for round := range 5000 {
		head := make([]byte, rng.IntN(100))
		for i := range head {
			head[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if bytes.IndexByte(head, 0) >= 0 {
			continue
		}
		if got, want := looksBinary(head), plain(head); got != want {
			t.Fatalf("round %d: looksBinary(%q) = %v, want %v", round, head, got, want)
		}
	}
}
