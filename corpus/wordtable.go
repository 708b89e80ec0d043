package corpus

// wordTable maps words to term ids, ignoring ASCII case, without
// allocating on lookups. It is the innermost loop of indexing (one probe
// per word of the corpus), so it is built for the memory cache: an
// open-addressing table whose slots hold the word itself, lower-cased and
// padded with zeros, rather than a pointer into some document's text. A
// probe reads one slot and compares three machine words. Words too long
// for a slot (rare in prose) go to an ordinary map.
type wordTable struct {
	slots []wordSlot
	used  int
	long  map[string]int32 // lower-cased words longer than slotKeyLen
}

// slotKeyLen is the longest word a slot holds.
const slotKeyLen = 24

type wordKey [slotKeyLen / 8]uint64

type wordSlot struct {
	key  wordKey // all zero: empty (a word never holds a zero byte)
	hash uint32
	id   int32
}

func newWordTable() wordTable {
	return wordTable{slots: make([]wordSlot, 1<<12), long: map[string]int32{}}
}

// wordKeyOf packs a word of at most slotKeyLen bytes, ASCII letters
// lower-cased, into a key, and hashes it.
func wordKeyOf(w string) (k wordKey, h uint32) {
	for i := 0; i < len(w); i++ {
		k[i>>3] |= uint64(lowerASCII[w[i]]) << (8 * (i & 7))
	}
	x := k[0]*0x9e3779b97f4a7c15 ^ k[1]*0xc2b2ae3d27d4eb4f ^ k[2]*0x165667b19e3779f9
	x ^= x >> 29
	x *= 0xbf58476d1ce4e5b9
	return k, uint32(x>>32) | 1
}

var lowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = lowerByte(byte(c))
	}
	return t
}()

func (t *wordTable) get(w string) (int32, bool) {
	if len(w) > slotKeyLen {
		id, ok := t.long[asciiLower(w)]
		return id, ok
	}
	k, h := wordKeyOf(w)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k {
			return s.id, true
		}
		if s.key[0] == 0 {
			return 0, false
		}
	}
}

func (t *wordTable) put(w string, id int32) {
	if len(w) > slotKeyLen {
		t.long[asciiLower(w)] = id
		return
	}
	if (t.used+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	k, h := wordKeyOf(w)
	t.insert(wordSlot{key: k, hash: h, id: id})
	t.used++
}

func (t *wordTable) insert(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	for i := s.hash & mask; ; i = (i + 1) & mask {
		if t.slots[i].key[0] == 0 {
			t.slots[i] = s
			return
		}
	}
}

func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	for _, s := range old {
		if s.key[0] != 0 {
			t.insert(s)
		}
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
