package corpus

// minRepeats is how often a paragraph must occur in one document to count
// as boilerplate (an advertising block, a newsletter plug, a share bar).
const minRepeats = 3

// foldRepeats marks every paragraph that occurs minRepeats or more times
// in the document. Paragraphs are compared after collapsing white space and
// case, so a block pasted with different spacing still counts as the same.
func foldRepeats(paras []Paragraph) {
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = p.Text
	}
	// A cheap key (the ends) finds the candidates; only those are hashed
	// whole.
	quick := make(map[quickKey]int, len(texts))
	for _, t := range texts {
		quick[quickKeyOf(t)]++
	}
	keys := make([]uint64, len(texts))
	counts := make(map[uint64]int)
	for i, t := range texts {
		if quick[quickKeyOf(t)] >= minRepeats {
			keys[i] = repeatKey(t)
			counts[keys[i]]++
		}
	}
	seen := make(map[uint64]int)
	for i := range texts {
		if total := counts[keys[i]]; keys[i] != 0 && total >= minRepeats {
			seen[keys[i]]++
			paras[i].Repeat = &Repeat{Occurrence: seen[keys[i]], Total: total}
		}
	}
}

// quickKey is a paragraph's first and last 16 bytes that are not white
// space, lower-cased: equal for copies, whatever their spacing and case,
// and rarely equal otherwise.
type quickKey struct {
	head, tail [16]byte
}

func quickKeyOf(s string) quickKey {
	var k quickKey
	n := 0
	for i := 0; i < len(s) && n < len(k.head); i++ {
		if c := s[i]; !isBlankByte(c) {
			k.head[n] = lowerByte(c)
			n++
		}
	}
	n = 0
	for i := len(s) - 1; i >= 0 && n < len(k.tail); i-- {
		if c := s[i]; !isBlankByte(c) {
			k.tail[n] = lowerByte(c)
			n++
		}
	}
	return k
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
