// Package words turns English text into the units the text model counts:
// tokens (lower-cased, stop words marked, Snowball-stemmed), sentences and
// names. It is pure: no I/O, no state but a stem cache.
package words

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	porter2 "github.com/blevesearch/snowballstem/english"
	"github.com/kljensen/snowball/english"

	"parallax/corpus/internal/swar"
)

// Token is one word of a text.
type Token struct {
	// Start and End are the byte range of the word in the text, possessive
	// "’s" excluded.
	Start, End int
	// Lower is the word lower-cased, with curly apostrophes made straight.
	Lower string
	// Stem is the Snowball (Porter2) stem of Lower; it is what the text
	// model counts. Stop words have an empty Stem.
	Stem string
}

// Tokenize splits text into words: runs of letters and digits, where
//   - an apostrophe between letters joins them (o’clock, don’t) and a
//     final possessive ’s is dropped (Musk’s → musk);
//   - a hyphen splits (far-right → far, right);
//   - initials with full stops stay one token (U.S., U.S.A.);
//   - a full stop or comma between digits joins them (1.8, 4,200);
//   - web addresses are skipped.
func Tokenize(text string) []Token {
	var out []Token
	ForEach(text, func(t Token) { out = append(out, t) })
	return out
}

// ForEach calls fn for every token of text, in order.
func ForEach(text string, fn func(Token)) {
	Scan(text, func(start, end int) {
		lower := Lower(text[start:end])
		fn(Token{Start: start, End: end, Lower: lower, Stem: Stem(lower)})
	})
}

// Lower is a word as the text model spells it: lower case, with curly
// apostrophes made straight.
func Lower(word string) string {
	return strings.ToLower(strings.ReplaceAll(word, "’", "'"))
}

// Scan calls fn with the byte range of every word of text, following the
// rules of Tokenize, without allocating: the text model runs it over
// whole corpora, so ASCII, the bulk of the text, takes the short paths.
func Scan(text string, fn func(start, end int)) {
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += size
			continue
		}
		if c|0x20 == 'h' || c|0x20 == 'w' {
			if n := urlLength(text[i:]); n > 0 {
				i += n // a web address is not prose
				continue
			}
		}
		if end := scanInitials(text, i); end >= 0 {
			fn(i, end)
			i = end
			continue
		}
		next := scanWord(text, i)
		fn(i, trimPossessive(text, i, next))
		i = next
	}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// urlLength is the length of the web address at the start of s, or 0.
func urlLength(s string) int {
	if len(s) < 4 || s[1]|0x20 != 't' && s[1]|0x20 != 'w' {
		return 0 // most words starting with h or w: have, which, were…
	}
	if !hasPrefixFold(s, "http://") && !hasPrefixFold(s, "https://") && !hasPrefixFold(s, "www.") {
		return 0
	}
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ')' || r == ']' || r == '>' || r == '"' })
	if end < 0 {
		return len(s)
	}
	return end
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		// Skip whole blocks of ASCII letters and digits, then go to the
		// first other byte.
		if i+8 <= len(text) {
			x := swar.Load64(text[i:])
			stop := (^swar.WordBytes(x&^swar.Highs) | x) & swar.Highs
			if stop == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(stop) / 8
		}
		c := text[i]
		if asciiWord[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if (c == '\'' || c == '.' || c == ',') && joinsWord(text, i, 1, rune(c)) {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) || r == '’' && joinsWord(text, i, size, r) {
			i += size
			continue
		}
		return i
	}
	return i
}

// joinsWord reports whether the apostrophe, full stop or comma r at
// text[i:i+size] joins the runes on either side into one word: an
// apostrophe between letters (o’clock), a full stop or comma between
// digits (1.8, 4,200).
func joinsWord(text string, i, size int, r rune) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if isApostrophe(r) {
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	}
	return unicode.IsDigit(prev) && unicode.IsDigit(next)
}

// scanInitials recognises U.S., U.K., U.S.A.: single letters each followed
// by a full stop, at least two of them. It returns the end of the run, or
// -1.
func scanInitials(text string, i int) int {
	if text[i] < utf8.RuneSelf && (i+1 >= len(text) || text[i+1] != '.') {
		return -1 // the common case: not even one initial
	}
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

// trimPossessive returns the end of the word text[start:end] without a
// final possessive ’s.
func trimPossessive(text string, start, end int) int {
	n := end - start
	if n < 3 || text[end-1]|0x20 != 's' {
		return end
	}
	if text[end-2] == '\'' {
		return end - 2
	}
	if n > 4 && text[end-4:end-1] == "’" {
		return end - 4
	}
	return end
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// stems caches Stem for callers without a Stemmer of their own.
var stems sync.Map

// Stem returns the Snowball English stem of a lower-case word, or "" for
// a stop word. Numbers and initials are kept as they are.
func Stem(lower string) string {
	if v, ok := stems.Load(lower); ok {
		return v.(string)
	}
	s := stem(lower)
	stems.Store(lower, s)
	return s
}

// StemUncached is Stem without the shared cache, for callers that keep
// their own (the indexer), so the cache does not hold a whole corpus's
// vocabulary for the life of the program.
func StemUncached(lower string) string { return stem(lower) }

func stem(lower string) string {
	if IsStopWord(lower) {
		return ""
	}
	if strings.ContainsAny(lower, ".,0123456789") || !isASCII(lower) {
		// Numbers, initials and non-English words are not stemmed.
		return lower
	}
	// The stemmer generated from Snowball's own definition of Porter2
	// gives the stems of kljensen/snowball's (whose stop list is used
	// above) three times as fast: on a corpus of short documents, where
	// most word forms are new, stemming was a tenth of the load.
	env := snowballstem.NewEnv(lower)
	porter2.Stem(env)
	return env.Current()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// IsStopWord reports whether a lower-case word carries no topic: the
// Snowball English list plus common function words of news prose and
// single letters.
func IsStopWord(lower string) bool {
	if english.IsStopWord(lower) || extraStopWords[lower] {
		return true
	}
	r, size := utf8.DecodeRuneInString(lower)
	return size == len(lower) && size > 0 && !unicode.IsDigit(r)
}

var extraStopWords = map[string]bool{
	"also": true, "would": true, "could": true, "may": true, "might": true,
	"must": true, "shall": true, "yet": true, "upon": true, "within": true,
	"without": true, "among": true, "amid": true, "amidst": true, "though": true,
	"although": true, "whether": true, "either": true, "neither": true,
	"many": true, "every": true, "another": true, "via": true, "per": true,
	"us": true, "one": true, "however": true, "thus": true, "since": true,
	"can't": true, "won't": true, "don't": true, "didn't": true, "doesn't": true,
	"isn't": true, "wasn't": true, "aren't": true, "weren't": true, "it's": true,
	"he's": true, "she's": true, "they're": true, "we're": true, "i'm": true,
	"i've": true, "you're": true, "that's": true, "there's": true, "let's": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
}
