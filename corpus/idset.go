package corpus

import "math/bits"

// idSet is a set of term ids that lists them in order without sorting:
// a bitmap over the vocabulary, plus a summary bit per bitmap word so that
// listing skips the empty stretches of a large vocabulary. Sorting each
// document's terms cost a tenth of the whole load.
type idSet struct {
	bits    []uint64 // bit id%64 of word id/64
	summary []uint64 // bit w%64 of word w/64: bits[w] is not zero
	n       int
}

func (s *idSet) add(id int32) {
	w := int(id) >> 6
	if w >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, w+1-len(s.bits)+256)...)
		s.summary = append(s.summary, make([]uint64, len(s.bits)/64+1-len(s.summary))...)
	}
	if s.bits[w] == 0 {
		s.summary[w>>6] |= 1 << (w & 63)
	}
	s.bits[w] |= 1 << (id & 63)
	s.n++
}

// drain appends the ids of the set to out in increasing order, and
// empties the set.
func (s *idSet) drain(out []int32) []int32 {
	for sw, sum := range s.summary {
		for sum != 0 {
			w := sw<<6 | bits.TrailingZeros64(sum)
			sum &= sum - 1
			for b := s.bits[w]; b != 0; b &= b - 1 {
				out = append(out, int32(w<<6|bits.TrailingZeros64(b)))
			}
			s.bits[w] = 0
		}
		s.summary[sw] = 0
	}
	s.n = 0
	return out
}
