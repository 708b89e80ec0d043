package corpus

import "sort"

// docVec holds a document's term counts, sorted by term id, each packed
// in 4 bytes as id<<8 | count. Counts of 255 and more (a few frequent
// terms of long documents) are kept whole in a small map. Half the size
// of separate id and count arrays: with 100,000 short documents, the
// difference decides whether the model fits in memory beside the text.
type docVec struct {
	packed []uint32
	large  map[int32]uint32 // counts of 255 and more; nil when none
}

// maxTerms is the number of term ids a packed vector can hold.
const maxTerms = 1 << 24

func newDocVec(ids []int32, counts []uint32) docVec {
	v := docVec{packed: make([]uint32, len(ids))}
	for i, id := range ids {
		c := counts[i]
		if c >= 0xff {
			if v.large == nil {
				v.large = map[int32]uint32{}
			}
			v.large[id] = c
			c = 0xff
		}
		v.packed[i] = uint32(id)<<8 | c
	}
	return v
}

func (v *docVec) len() int { return len(v.packed) }

// term is the id of the i-th term.
func (v *docVec) term(i int) int32 { return int32(v.packed[i] >> 8) }

// count is how often the i-th term occurs.
func (v *docVec) count(i int) uint32 {
	if c := v.packed[i] & 0xff; c < 0xff {
		return c
	}
	return v.large[v.term(i)]
}

// find returns the index of term id, or -1.
func (v *docVec) find(id int32) int {
	i := sort.Search(len(v.packed), func(i int) bool { return v.term(i) >= id })
	if i < len(v.packed) && v.term(i) == id {
		return i
	}
	return -1
}
