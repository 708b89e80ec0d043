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
	for i := range n {
		tab.put(fmt.Sprintf("w%dx", i), int32(i))
	}
	for i := range n {
		if id, ok := tab.get(fmt.Sprintf("W%dX", i)); !ok || id != int32(i) {
			t.Fatalf("word %d: got %d, %v", i, id, ok)
		}
	}
	if _, ok := tab.get("w100000x"); ok {
		t.Error("found a word never put")
	}
}
