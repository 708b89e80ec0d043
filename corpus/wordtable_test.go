package corpus

import (
	"fmt"
	"strings"
	"testing"

	"parallax/corpus/internal/swar"
	"parallax/corpus/words"
)

// entryFor is a distinct entry for test word i, kind included.
func entryFor(i int) entry { return entry{id: int32(i), kind: words.Kind(i % 32)} }

func TestWordTableIgnoresASCIICaseOnly(t *testing.T) {
	tab := newWordTable()
	long := strings.Repeat("Internationalisation", 2)
	forms := []string{"the", "Musk", "o’clock", "Ελλάδα", "4,200", "U.S.", long, "abcdefghijklmnopqrstuvwx"}
	for i, w := range forms {
		tab = tab.put(w, entryFor(i))
	}
	for i, w := range forms {
		for _, form := range []string{w, strings.ToUpper(w), strings.ToLower(w)} {
			e, ok := tab.get(form)
			if strings.ToLower(form) != strings.ToLower(w) || form != w && strings.ToUpper(w) != w && !isASCIIString(w) {
				continue // non-ASCII case changes make a different word
			}
			if !ok || e != entryFor(i) {
				t.Errorf("get(%q) = %v, %v; want %v (put as %q)", form, e, ok, entryFor(i), w)
			}
		}
	}
	for _, w := range []string{"th", "thee", "ελλάδα", "abcdefghijklmnopqrstuvwxy", long[:len(long)-1], "Musk’"} {
		if e, ok := tab.get(w); ok {
			t.Errorf("get(%q) = %v; it was never put", w, e)
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
	forms := []string{"w%dx", "medium-length-%d", "a-word-longer-than-a-slot-%d"}
	for i := range n {
		for f, form := range forms {
			tab = tab.put(fmt.Sprintf(form, i), entryFor(3*i+f))
		}
	}
	for i := range n {
		for f, form := range forms {
			w := strings.ToUpper(fmt.Sprintf(form, i))
			if e, ok := tab.get(w); !ok || e != entryFor(3*i+f) {
				t.Fatalf("%q: got %v, %v", w, e, ok)
			}
		}
	}
	for _, form := range forms {
		if w := fmt.Sprintf(form, n); func() bool { _, ok := tab.get(w); return ok }() {
			t.Errorf("found %q, never put", w)
		}
	}
}

func TestLower8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			x := uint64(c) << (8 * pos)
			if got, want := lower8(x), uint64(lowerASCII[c])<<(8*pos); got != want {
				t.Fatalf("lower8 of byte %#x at %d = %#x, want %#x", c, pos, got, want)
			}
		}
	}
	w := "MuSK’s@[Z`az{"
	var b []byte
	for i := 0; i+8 <= len(w); i++ {
		x := lower8(swar.Load64(w[i:]))
		b = b[:0]
		for j := range 8 {
			b = append(b, byte(x>>(8*j)))
		}
		if got, want := string(b), asciiLower(w[i:i+8]); got != want {
			t.Errorf("lower8(%q) = %q, want %q", w[i:i+8], got, want)
		}
	}
}

func TestWordTableEmptyWord(t *testing.T) {
	tab := newWordTable()
	tab = tab.put("", entryFor(7))
	if e, ok := tab.get(""); ok {
		t.Errorf("get(\"\") = %v, true; the empty word is never stored", e)
	}
	tab = tab.put("a", entryFor(1))
	if e, ok := tab.get("a"); !ok || e != entryFor(1) {
		t.Errorf("get(a) = %v, %v after putting the empty word", e, ok)
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

// getIn packs words with whole loads from the text around them; it must
// find exactly what get finds for the word alone, wherever the word sits
// (near the end of the text too) and whatever follows it.
func TestWordTableGetInMatchesGet(t *testing.T) {
	text := "The MUSK’s o’clock Ελλάδα, 4,200 U.S. Internationalisation-of-THINGS ab"
	tab := newWordTable()
	i := 0
	for start := 0; start < len(text); start++ {
		for end := start + 1; end <= len(text) && end-start <= 30; end++ {
			if (start+end)%3 == 0 {
				tab = tab.put(text[start:end], entryFor(i))
				i++
			}
		}
	}
	for start := 0; start <= len(text); start++ {
		for end := start; end <= len(text) && end-start <= 30; end++ {
			want, wantOK := tab.get(text[start:end])
			if got, ok := tab.getIn(text, start, end); got != want || ok != wantOK {
				t.Fatalf("getIn(%q) = %v, %v; get = %v, %v", text[start:end], got, ok, want, wantOK)
			}
		}
	}
}

// Two workers looking up the same words in a shared vocabulary, while its
// table of forms grows under them, must agree on every word's term id, in
// any case, and long words (in the table's map) must work the same. Run
// with -race, it also checks that the slots are published by atomic
// stores (a plain store of a key is reported).
func TestVocabFormsSharedByWorkers(t *testing.T) {
	v := newVocab() // a small table: it grows many times below
	var text []string
	for i := range 6000 {
		switch i % 3 {
		case 0:
			text = append(text, fmt.Sprintf("w%dx", i))
		case 1:
			text = append(text, fmt.Sprintf("Mediumword%dx", i))
		default:
			text = append(text, fmt.Sprintf("averyveryverylongwordindeed%dx", i))
		}
	}
	ids := make([][]int32, 2)
	done := make(chan int)
	for w := range 2 {
		go func() {
			terms := newTermizer(v, 0)
			for round := range 2 {
				for i := range text {
					k := i
					if w == 1 {
						k = len(text) - 1 - i // the other end first
					}
					word := text[k]
					if round == 1 {
						word = strings.ToUpper(word)
					}
					e := terms.lookup(word, 0, len(word))
					if round == 0 {
						ids[w] = append(ids[w], e.id)
					} else if want := ids[w][i]; e.id != want {
						t.Errorf("worker %d: %q is %d, was %d in lower case", w, word, e.id, want)
					}
				}
			}
			done <- w
		}()
	}
	<-done
	<-done
	for i := range text {
		if a, b := ids[0][i], ids[1][len(text)-1-i]; a != b || a == stopID {
			t.Fatalf("%q: worker 0 says %d, worker 1 says %d", text[i], a, b)
		}
	}
	if len(v.stems) != len(text) {
		t.Errorf("%d stems for %d distinct words", len(v.stems), len(text))
	}
}
