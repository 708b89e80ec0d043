package words

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceScan is the first, plainly written version of Scan, kept to
// check that the faster one finds exactly the same words.
func referenceScan(text string, fn func(start, end int)) {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !refWordRune(r) {
			i += size
			continue
		}
		if n := refURLLength(text[i:]); n > 0 {
			i += n
			continue
		}
		end := refInitials(text, i)
		next := end
		if end < 0 {
			next = refWord(text, i)
			end = next
			word := text[i:next]
			for _, a := range []string{"'", "’"} {
				if len(word) > len(a)+1 && (strings.HasSuffix(word, a+"s") || strings.HasSuffix(word, a+"S")) {
					end = next - len(a) - 1
				}
			}
		}
		fn(i, end)
		i = next
	}
}

func refWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func refURLLength(s string) int {
	lower := strings.ToLower(s[:min(len(s), 8)])
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "www.") {
		return 0
	}
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(")]>\"", r) })
	if end < 0 {
		return len(s)
	}
	return end
}

func refInitials(text string, i int) int {
	n := 0
	for {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) || i+size >= len(text) || text[i+size] != '.' {
			break
		}
		i += size + 1
		n++
	}
	if n < 2 {
		return -1
	}
	return i
}

func refWord(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if refWordRune(r) {
			i += size
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		if (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next) {
			i += size
			continue
		}
		if (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
			i += size
			continue
		}
		return i
	}
	return i
}

func scanSpans(scan func(string, func(int, int)), text string) [][2]int {
	var out [][2]int
	scan(text, func(start, end int) { out = append(out, [2]int{start, end}) })
	return out
}

func TestScanMatchesReference(t *testing.T) {
	for _, s := range []string{
		"Musk’s U.S.-based far-right 4,200 o’clock 1.8 don't Bob's BOB'S it’S",
		"see https://example.com/a?b=c) and WWW.Example.org, Http://x when whom",
		"é café naïve Ελλάδα Москва 日本語 e\u0301 \u0301x a.b.c. x’ ’s 's s",
		"\xff\xfe word\xffword 3.x x.3 ,5 5, 'a a' U.S",
	} {
		if got, want := scanSpans(Scan, s), scanSpans(referenceScan, s); !slices.Equal(got, want) {
			t.Errorf("Scan(%q)\n got %v\nwant %v", s, got, want)
		}
	}
}

func FuzzScanMatchesReference(f *testing.F) {
	for _, s := range []string{"Musk’s U.S.-based 4,200", "https://x y", "a.b.", "x’s’s", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := scanSpans(Scan, s), scanSpans(referenceScan, s); !slices.Equal(got, want) {
			t.Fatalf("Scan(%q)\n got %v\nwant %v", s, got, want)
		}
	})
}
