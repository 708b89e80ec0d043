package swar

import "testing"

// Every byte value, at every position among other bytes, is classed as
// the obvious byte test classes it.
func TestWordBytes(t *testing.T) {
	isWord := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	for c := range 0x80 {
		for pos := range 8 {
			b := []byte("x.Z 9_~@")
			b[pos] = byte(c)
			got := WordBytes(Load64(string(b)))
			for i := range 8 {
				if want := isWord(b[i]); (got>>(8*i+7))&1 == 1 != want {
					t.Fatalf("byte %#x at %d of %q: marked %v, want %v", b[i], i, b, !want, want)
				}
			}
		}
	}
}

func TestLoad64(t *testing.T) {
	if got := Load64("abcdefgh+"); got != 0x6867666564636261 {
		t.Errorf("Load64 = %#x", got)
	}
}
