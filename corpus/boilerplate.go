package corpus

import (
	"encoding/binary"
	"slices"
)

// minRepeats is how often a paragraph must occur in one document to count
// as boilerplate (an advertising block, a newsletter plug, a share bar).
const minRepeats = 3

// foldRepeats marks every paragraph that occurs minRepeats or more times
// in the document. Paragraphs are compared after collapsing white space and
// case, so a block pasted with different spacing still counts as the same.
func foldRepeats(paras []Paragraph) {
	// A cheap key (a hash of the ends) finds the candidates; only those
	// are hashed whole. Most documents have none: sorting the cheap keys
	// shows it without building a map.
	quick := make([]uint64, len(paras))
	for i, p := range paras {
		quick[i] = quickKeyOf(p.Text)
	}
	sorted := slices.Clone(quick)
	slices.Sort(sorted)
	repeated := map[uint64]bool{}
	for i := minRepeats - 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-minRepeats+1] {
			repeated[sorted[i]] = true
		}
	}
	if len(repeated) == 0 {
		return
	}
	keys := make([]uint64, len(paras))
	counts := make(map[uint64]int)
	for i, p := range paras {
		if repeated[quick[i]] {
			keys[i] = repeatKey(p.Text)
			counts[keys[i]]++
		}
	}
	seen := make(map[uint64]int)
	for i := range paras {
		if total := counts[keys[i]]; keys[i] != 0 && total >= minRepeats {
			seen[keys[i]]++
			paras[i].Repeat = &Repeat{Occurrence: seen[keys[i]], Total: total}
		}
	}
}

// quickKeyOf hashes a paragraph's first and last 16 bytes that are not
// white space, lower-cased: equal for copies, whatever their spacing and
// case, and rarely equal otherwise.
func quickKeyOf(s string) uint64 {
	var head, tail [16]byte
	n := 0
	for i := 0; i < len(s) && n < len(head); i++ {
		if c := s[i]; !isBlankByte(c) {
			head[n] = lowerByte(c)
			n++
		}
	}
	n = 0
	for i := len(s) - 1; i >= 0 && n < len(tail); i-- {
		if c := s[i]; !isBlankByte(c) {
			tail[n] = lowerByte(c)
			n++
		}
	}
	le := binary.LittleEndian
	var h uint64
	for _, x := range [4]uint64{le.Uint64(head[:8]), le.Uint64(head[8:]), le.Uint64(tail[:8]), le.Uint64(tail[8:])} {
		h = (h ^ x) * 0x9e3779b97f4a7c15
		h ^= h >> 29
	}
	return h
}

func isBlankByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// repeatKey hashes a paragraph (FNV-1a, 64 bits) as if lower-cased with
// every run of white space made one space, without building that string.
func repeatKey(s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isBlankByte(c) {
			space = true
			continue
		}
		if space && h != offset {
			h = (h ^ ' ') * prime
		}
		space = false
		h = (h ^ uint64(lowerByte(c))) * prime
	}
	return h
}
