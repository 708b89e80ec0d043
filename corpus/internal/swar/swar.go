// Package swar treats 8 bytes of text as one machine word ("SIMD within a
// register"): the loaders' innermost loops (word counting, tokenizing,
// the word table) step over ASCII 8 bytes at a time with these.
package swar

const (
	Ones  = 0x0101010101010101 // 1 in every byte
	Highs = 0x80 * Ones        // the top bit of every byte: set in no ASCII byte
)

// Load64 reads the first 8 bytes of s, the first byte lowest (the
// compiler makes this one load).
func Load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// WordBytes marks with 0x80 the bytes of x that are ASCII letters or
// digits. Every byte of x must be ASCII (under 0x80): then no sum below
// carries from one byte into the next.
func WordBytes(x uint64) uint64 {
	lower := x | 0x20*Ones
	return ((lower+0x1f*Ones)&^(lower+0x05*Ones) | (x+0x50*Ones)&^(x+0x46*Ones)) & Highs
}
