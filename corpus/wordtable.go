package corpus

import (
	"sync/atomic"
	"unsafe"

	"parallax/corpus/internal/swar"
	"parallax/corpus/words"
)

// wordTable maps words to their entries (term id and kind), ignoring
// ASCII case, without
// allocating on lookups. It is the innermost loop of indexing (one probe
// per word of the corpus), so it is built for the memory cache:
// open-addressing tables whose slots hold the word itself, lower-cased and
// padded with zeros, rather than a pointer into some document's text. A
// probe reads one slot and compares one or three machine words. Most
// words of prose fit in 8 bytes: they have a table of 16-byte slots,
// which stays small enough for the processor's cache; words of 9 to 24
// bytes have 32-byte slots; longer ones (rare) an ordinary map.
//
// One table serves all the loading workers (see vocab.forms): a lookup
// takes no lock. A slot is written once and published by an atomic
// store of its (first) key word, after the rest of it; a table that is
// full is copied into a larger one (see put), and readers still holding
// the old one see every slot it had. Only the map of long words needs
// the writers' lock for reading too, while there are writers.
type wordTable struct {
	short  []shortSlot
	medium []mediumSlot
	used   [2]int           // slots used in short and medium
	long   map[string]entry // lower-cased words longer than 24 bytes
}

// maxSlotWord is the longest word a slot holds; longer ones go in the
// map, which concurrent readers may only read under the writers' lock.
const maxSlotWord = 24

// entry is what the table knows of a word form: its term id (or stopID)
// and its kind for the names collector. It fits in a slot's padding.
type entry struct {
	id   int32
	kind words.Kind
}

type shortSlot struct {
	key uint64 // zero: empty (a word never holds a zero byte)
	entry
}

type mediumSlot struct {
	key [3]uint64 // key[0] zero: empty
	entry
}

func newWordTable() *wordTable { return newWordTableFor(0) }

// newWordTableFor makes a table with room for about n short and n medium
// words before it grows.
func newWordTableFor(n int) *wordTable {
	slots := func(least, most int) int {
		k := least
		for k < most && k*3 < n*4 {
			k *= 2
		}
		return k
	}
	return &wordTable{
		short:  touched(make([]shortSlot, slots(1<<12, 1<<18))),
		medium: touched(make([]mediumSlot, slots(1<<10, 1<<18))),
		long:   map[string]entry{},
	}
}

// pack8 packs a word of at most 8 bytes, ASCII letters lower-cased, into
// a machine word, first byte lowest.
func pack8(w string) uint64 {
	if len(w) == 8 {
		return lower8(swar.Load64(w))
	}
	var x uint64
	for i := 0; i < len(w); i++ {
		x |= uint64(lowerASCII[w[i]]) << (8 * i)
	}
	return x
}

// pack24 packs a word of 9 to 24 bytes like pack8.
func pack24(w string) (k [3]uint64) {
	for j := 0; len(w) > 0; j++ {
		if len(w) >= 8 {
			k[j], w = lower8(swar.Load64(w)), w[8:]
		} else {
			k[j], w = pack8(w), ""
		}
	}
	return k
}

// slotOf spreads a key over a table of mask+1 slots.
func slotOf(x uint64, mask int) int {
	x *= 0x9e3779b97f4a7c15
	return int(x>>32) & mask
}

func hashMedium(k *[3]uint64) uint64 {
	return k[0] ^ k[1]*0xc2b2ae3d27d4eb4f ^ k[2]*0x165667b19e3779f9
}

func (t *wordTable) get(w string) (entry, bool) {
	switch {
	case len(w) == 0:
		return entry{}, false // its key would be an empty slot's
	case len(w) <= 8:
		return t.getShort(pack8(w))
	case len(w) <= maxSlotWord:
		return t.getMedium(pack24(w))
	}
	var room [64]byte
	e, ok := t.long[string(lowerLong(room[:0], w))] // looking up does not copy the bytes
	return e, ok
}

// getIn looks up the word text[start:end]. A word that has 8 bytes of
// text from its start on (most do) is packed by whole 8-byte loads,
// masked to its length, rather than byte by byte: this is the indexing's
// innermost loop.
func (t *wordTable) getIn(text string, start, end int) (entry, bool) {
	n := end - start
	if n == 0 || n > maxSlotWord || start+(n+7)&^7 > len(text) { // its last load would pass the end
		return t.get(text[start:end])
	}
	if n <= 8 {
		return t.getShort(lower8(swar.Load64(text[start:]) & lowBytes(n)))
	}
	var k [3]uint64
	for j := 0; start < end; j, start = j+1, start+8 {
		k[j] = lower8(swar.Load64(text[start:]) & lowBytes(end-start))
	}
	return t.getMedium(k)
}

// lowBytes masks the first n (up to 8) bytes of a packed word.
func lowBytes(n int) uint64 {
	if n >= 8 {
		return ^uint64(0)
	}
	return 1<<(8*n) - 1
}

func (t *wordTable) getShort(k uint64) (entry, bool) {
	mask := len(t.short) - 1
	for i := slotOf(k, mask); ; i = (i + 1) & mask {
		s := &t.short[i]
		key := atomic.LoadUint64(&s.key) // a plain load on amd64 and arm64
		if key == k {
			return s.entry, true
		}
		if key == 0 {
			return entry{}, false
		}
	}
}

func (t *wordTable) getMedium(k [3]uint64) (entry, bool) {
	mask := len(t.medium) - 1
	for i := slotOf(hashMedium(&k), mask); ; i = (i + 1) & mask {
		s := &t.medium[i]
		key := atomic.LoadUint64(&s.key[0])
		if key == k[0] && s.key[1] == k[1] && s.key[2] == k[2] {
			return s.entry, true
		}
		if key == 0 {
			return entry{}, false
		}
	}
}

// lowerLong appends w to dst with its ASCII letters lower-cased: the key
// of a long word in the map.
func lowerLong(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		dst = append(dst, lowerASCII[w[i]])
	}
	return dst
}

// put adds a word form that the table does not hold, and returns the
// table to use from now on: t, or a larger copy when t was full. Writers
// hold a lock; t stays whole for the readers still using it.
func (t *wordTable) put(w string, e entry) *wordTable {
	switch {
	case len(w) == 0:
	case len(w) <= 8:
		if (t.used[0]+1)*4 > len(t.short)*3 {
			bigger := *t
			bigger.short = growShort(t.short)
			t = &bigger
		}
		insertShort(t.short, shortSlot{key: pack8(w), entry: e})
		t.used[0]++
	case len(w) <= maxSlotWord:
		if (t.used[1]+1)*4 > len(t.medium)*3 {
			bigger := *t
			bigger.medium = growMedium(t.medium)
			t = &bigger
		}
		insertMedium(t.medium, mediumSlot{key: pack24(w), entry: e})
		t.used[1]++
	default:
		t.long[string(lowerLong(nil, w))] = e
	}
	return t
}

// insertShort and insertMedium fill an empty slot and then publish it by
// its key's (first) word.
func insertShort(slots []shortSlot, s shortSlot) {
	mask := len(slots) - 1
	for i := slotOf(s.key, mask); ; i = (i + 1) & mask {
		if slots[i].key == 0 {
			slots[i].entry = s.entry
			atomic.StoreUint64(&slots[i].key, s.key)
			return
		}
	}
}

func insertMedium(slots []mediumSlot, s mediumSlot) {
	mask := len(slots) - 1
	for i := slotOf(hashMedium(&s.key), mask); ; i = (i + 1) & mask {
		if slots[i].key[0] == 0 {
			slots[i].entry = s.entry
			slots[i].key[1], slots[i].key[2] = s.key[1], s.key[2]
			atomic.StoreUint64(&slots[i].key[0], s.key[0])
			return
		}
	}
}

func growShort(old []shortSlot) []shortSlot {
	slots := touched(make([]shortSlot, 2*len(old)))
	for _, s := range old {
		if s.key != 0 {
			insertShort(slots, s)
		}
	}
	return slots
}

func growMedium(old []mediumSlot) []mediumSlot {
	slots := touched(make([]mediumSlot, 2*len(old)))
	for _, s := range old {
		if s.key[0] != 0 {
			insertMedium(slots, s)
		}
	}
	return slots
}

// lower8 lower-cases the ASCII capitals among 8 packed bytes: a byte is a
// capital when adding 0x3f carries into its top bit (it is at least 'A')
// and adding 0x25 does not (it is at most 'Z'); bytes with the top bit
// already set (parts of UTF-8 sequences) are left alone.
func lower8(x uint64) uint64 {
	const ones = 0x0101010101010101
	low := x & (0x7f * ones)
	upper := (low + 0x3f*ones) &^ (low + 0x25*ones) &^ x & (0x80 * ones)
	return x | upper>>2
}

var lowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = lowerByte(byte(c))
	}
	return t
}()

// touched writes a zero into each 4 KiB page of s (a slice of zeros
// just made) and returns it. A probe reads a slot before it writes one: on a
// page fresh from the system that read maps the shared zero page, and
// the write then faults again, copying and flushing the other cores'
// address caches. Writing first costs one fault a page instead of two.
func touched[T any](s []T) []T {
	var zero T
	step := max(1, int(4096/unsafe.Sizeof(zero)))
	for i := 0; i < len(s); i += step {
		s[i] = zero
	}
	return s
}
