package corpus

// wordTable maps words to term ids, ignoring ASCII case, without
// allocating on lookups: an open-addressing hash table with linear
// probing. It is the innermost loop of indexing (one probe per word of
// the corpus), where Go's map with a lower-cased key string cost twice
// as much.
type wordTable struct {
	slots []wordSlot
	used  int
}

type wordSlot struct {
	hash uint64
	word string // as first seen; matched ignoring ASCII case
	id   int32
}

func newWordTable() wordTable { return wordTable{slots: make([]wordSlot, 1<<12)} }

// hashFold is FNV-1a over the word with ASCII letters lower-cased.
func hashFold(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h | 1 // 0 marks an empty slot
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if x|0x20 != y|0x20 || x|0x20 < 'a' || x|0x20 > 'z' {
			return false
		}
	}
	return true
}

func (t *wordTable) get(w string) (int32, bool) {
	h := hashFold(w)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.hash == 0 {
			return 0, false
		}
		if s.hash == h && equalFold(s.word, w) {
			return s.id, true
		}
	}
}

func (t *wordTable) put(w string, id int32) {
	if (t.used+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	t.insert(wordSlot{hash: hashFold(w), word: w, id: id})
	t.used++
}

func (t *wordTable) insert(s wordSlot) {
	mask := uint64(len(t.slots) - 1)
	for i := s.hash & mask; ; i = (i + 1) & mask {
		if t.slots[i].hash == 0 {
			t.slots[i] = s
			return
		}
	}
}

func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	for _, s := range old {
		if s.hash != 0 {
			t.insert(s)
		}
	}
}
