package corpus

import (
	"fmt"
	"strings"
	"testing"
)

func TestWordTableIgnoresASCIICaseOnly(t *testing.T) {
	tab := newWordTable()
	long := strings.Repeat("Internationalisation", 2)
	words := []string{"the", "Musk", "o’clock", "Ελλάδα", "4,200", "U.S.", long, "abcdefghijklmnopqrstuvwx"}
	for i, w := range words {
		tab.put(w, int32(i))
	}
	for i, w := range words {
		for _, form := range []string{w, strings.ToUpper(w), strings.ToLower(w)} {
			id, ok := tab.get(form)
			if strings.ToLower(form) != strings.ToLower(w) || form != w && strings.ToUpper(w) != w && !isASCIIString(w) {
				continue // non-ASCII case changes make a different word
			}
			if !ok || id != int32(i) {
				t.Errorf("get(%q) = %d, %v; want %d (put as %q)", form, id, ok, i, w)
			}
		}
	}
	for _, w := range []string{"th", "thee", "ελλάδα", "abcdefghijklmnopqrstuvwxy", long[:len(long)-1], "Musk’"} {
		if id, ok := tab.get(w); ok {
			t.Errorf("get(%q) = %d; it was never put", w, id)
		}
	}
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestWordTableGrows(t *testing.T) {
	tab := newWordTable()
	const n = 100000
	forms := []string{"w%dx", "medium-length-%d", "a-word-longer-than-a-slot-%d"}
	for i := range n {
		for f, form := range forms {
			tab.put(fmt.Sprintf(form, i), int32(3*i+f))
		}
	}
	for i := range n {
		for f, form := range forms {
			w := strings.ToUpper(fmt.Sprintf(form, i))
			if id, ok := tab.get(w); !ok || id != int32(3*i+f) {
				t.Fatalf("%q: got %d, %v", w, id, ok)
			}
		}
	}
	for _, form := range forms {
		if w := fmt.Sprintf(form, n); func() bool { _, ok := tab.get(w); return ok }() {
			t.Errorf("found %q, never put", w)
		}
	}
}

func TestLower8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			x := uint64(c) << (8 * pos)
			if got, want := lower8(x), uint64(lowerASCII[c])<<(8*pos); got != want {
				t.Fatalf("lower8 of byte %#x at %d = %#x, want %#x", c, pos, got, want)
			}
		}
	}
	w := "MuSK’s@[Z`az{"
	var b []byte
	for i := 0; i+8 <= len(w); i++ {
		x := lower8(load64(w[i:]))
		b = b[:0]
		for j := range 8 {
			b = append(b, byte(x>>(8*j)))
		}
		if got, want := string(b), asciiLower(w[i:i+8]); got != want {
			t.Errorf("lower8(%q) = %q, want %q", w[i:i+8], got, want)
		}
	}
}

func TestWordTableEmptyWord(t *testing.T) {
	tab := newWordTable()
	tab.put("", 7)
	if id, ok := tab.get(""); ok {
		t.Errorf("get(\"\") = %d, true; the empty word is never stored", id)
	}
	tab.put("a", 1)
	if id, ok := tab.get("a"); !ok || id != 1 {
		t.Errorf("get(a) = %d, %v after putting the empty word", id, ok)
	}
}

// asciiLower lower-cases ASCII letters only, as the table's keys do.
func asciiLower(w string) string {
	b := []byte(w)
	for i, c := range b {
		b[i] = lowerASCII[c]
	}
	return string(b)
}
