package corpus

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"parallax/corpus/internal/swar"
)

// tabStop is the width tabs expand to. Articles use tabs for indentation,
// where four columns read better than eight.
const tabStop = 4

// longLine is the width above which a line is taken to be a whole,
// unwrapped paragraph rather than one line of hard-wrapped text. Scraped
// articles often put one paragraph per line with no blank line between;
// hard-wrapped text stays under 80 columns.
const longLine = 100

// shortLine is the width under which a line directly above a long line is
// taken to be a heading or a byline of its own.
const shortLine = 60

// Normalize turns decoded text into sanitized paragraphs:
//   - CRLF and lone CR become LF;
//   - control, bidi and zero-width characters become visible placeholders;
//   - tabs expand to spaces; trailing white space is dropped;
//   - runs of blank or white-space-only lines are one paragraph break;
//   - inside a block, a long line (an unwrapped paragraph) ending a
//     sentence, and a short line (heading, byline) followed by a long one,
//     end their paragraph; other lines are kept as written.
//
// The paragraphs are slices of one new string, so a document's text is
// held once in memory, whatever was trimmed or joined.
func Normalize(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = SanitizeText(text)

	var (
		buf    = make([]byte, 0, len(text))
		bounds [][2]int
		block  []string
		widths []int
	)
	flush := func() {
		widths = widths[:0]
		for _, l := range block {
			widths = append(widths, displayWidth(l, longLine+1))
		}
		start := len(buf)
		for i, l := range block {
			if start != len(buf) {
				buf = append(buf, '\n')
			}
			buf = append(buf, l...)
			if i == len(block)-1 || endsParagraph(l, widths[i], widths[i+1]) {
				bounds = append(bounds, [2]int{start, len(buf)})
				start = len(buf)
			}
		}
		block = block[:0]
	}
	for line := range strings.Lines(text) {
		line = strings.TrimRightFunc(expandTabs(strings.TrimSuffix(line, "\n")), unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			if len(block) > 0 {
				flush()
			}
			continue
		}
		block = append(block, line)
	}
	if len(block) > 0 {
		flush()
	}
	all := bytesToString(buf) // buf is not used again
	paras := make([]string, len(bounds))
	for i, b := range bounds {
		paras[i] = all[b[0]:b[1]]
	}
	return paras
}

// endsParagraph reports whether a line of a block (a run of non-blank
// lines) ends its paragraph, given its width and that of the next line.
func endsParagraph(line string, width, nextWidth int) bool {
	return width > longLine && endsSentence(line) || width <= shortLine && nextWidth > longLine
}

// endsSentence reports whether a line ends like the end of a sentence,
// allowing closing quotes and brackets after the punctuation.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"'”’»)]*_")
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return strings.HasSuffix(line, "…")
}

// expandTabs replaces tabs by spaces up to the next tab stop, measuring the
// text before each tab by display width.
func expandTabs(line string) string {
	if !strings.Contains(line, "\t") {
		return line
	}
	var b strings.Builder
	col := 0
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		b.WriteString(line[:i])
		col += ansi.StringWidth(line[:i])
		n := tabStop - col%tabStop
		b.WriteString(strings.Repeat(" ", n))
		col += n
		line = line[i+1:]
	}
}

// displayWidth is the width of a line in terminal cells, or any number
// at least limit when it is that wide (the caller only compares widths
// with limits). Only text with characters from the wide scripts (Hangul,
// CJK, emoji…) needs the full grapheme measure; elsewhere, after
// sanitizing, a rune is one cell and a combining accent none, so the
// count never exceeds the true width and stopping at limit is safe.
func displayWidth(s string, limit int) int {
	n := 0
	for i := 0; i < len(s) && n < limit; {
		if i+8 <= len(s) && swar.Load64(s[i:])&swar.Highs == 0 {
			i, n = i+8, n+8 // 8 ASCII bytes, 8 cells
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if mayBeWide(r) {
			return ansi.StringWidth(s)
		}
		i += size
		if !unicode.Is(unicode.Mn, r) { // a combining accent takes no cell
			n++
		}
	}
	return n
}

// asciiClass sorts ASCII bytes for countWords: bit 0 marks white space,
// bit 1 a letter or digit.
var asciiClass = func() (t [128]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\n':
			t[c] = 1
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			t[c] = 2
		}
	}
	return t
}()

// mayBeWide reports whether a rune belongs to a block with characters two
// cells wide: Hangul Jamo, technical symbols and dingbats (some emoji), CJK
// and everything from there up, emoji included. Latin, Greek, Cyrillic,
// punctuation such as ’ and “, currency and arrows are all narrow.
func mayBeWide(r rune) bool {
	return r >= 0x1100 && r <= 0x115f || r >= 0x2300 && r <= 0x23ff ||
		r >= 0x2600 && r <= 0x27bf || r >= 0x2b00 && r <= 0x2bff || r >= 0x2e80
}

// countWords counts whitespace-separated words that hold a letter or a
// digit (so Markdown's "#" and a lone dash do not count). It runs over
// every byte of the corpus, so ASCII is counted 8 bytes at a time
// (wordStartsASCII), and the rest rune by rune.
func countWords(paras []string) int {
	n := 0
	for _, p := range paras {
		starts, _ := countWordsIn(p, 0)
		n += starts
	}
	return n
}

// countWordsIn counts the words starting in p, given whether the word
// running into it was counted (1) or not (0), and says whether the word
// running out of it was.
func countWordsIn(p string, counted uint64) (int, uint64) {
	n := 0
	for i := 0; i < len(p); {
		var starts int
		starts, i, counted = wordStartsASCII(p, i, counted)
		n += starts
		if i == len(p) {
			break
		}
		c := p[i]
		if c < utf8.RuneSelf {
			class := uint64(asciiClass[c])
			space, word := class&1, class>>1
			n += int(word &^ counted)
			counted = (counted | word) &^ space
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		if unicode.IsSpace(r) {
			counted = 0
			continue
		}
		if counted == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			n++
			counted = 1
		}
	}
	return n, counted
}

// wordCounter counts words as countWords does, but from a paragraph's
// tokens (words.Scan) and the text between them: the indexer scans every
// paragraph anyway, and this spares it a second pass over the text. Call
// between and token in the order of the text, and end at the paragraph's
// end.
type wordCounter struct {
	n       int
	counted uint64 // 1 once the current word was counted
}

// between counts the text between two tokens (or before the first, after
// the last): usually one space, at times a web address Scan skipped.
func (w *wordCounter) between(s string) {
	if len(s) == 1 && s[0] == ' ' {
		w.counted = 0
		return
	}
	var n int
	n, w.counted = countWordsIn(s, w.counted)
	w.n += n
}

// token counts a token, which holds no white space.
func (w *wordCounter) token(s string) {
	if w.counted == 0 && s != "" && (s[0] < utf8.RuneSelf && asciiClass[s[0]] == 2 || hasLetterOrDigit(s)) {
		w.n++
		w.counted = 1
	}
}

// end ends the paragraph: the next one starts a word.
func (w *wordCounter) end() { w.counted = 0 }

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// wordStartsASCII counts the words starting in p from i on, 8 bytes at a
// time for as long as they are ASCII, given whether the word running in
// was counted. It returns the count, where it stopped, and whether the
// word running out was counted. A word starts at a letter or digit when
// the nearest letter, digit or space before it is a space: punctuation is
// looked through ("(the", "4,200").
func wordStartsASCII(p string, i int, counted uint64) (int, int, uint64) {
	n := 0
	for ; i+8 <= len(p); i += 8 {
		x := swar.Load64(p[i:]) // first byte lowest
		if x&swar.Highs != 0 {
			break
		}
		// Class tests leave 0x80 in each byte of the class.
		word := swar.WordBytes(x)
		space := ^(((x ^ 0x20*swar.Ones) + 0x7f*swar.Ones) & ((x ^ 0x0a*swar.Ones) + 0x7f*swar.Ones)) & swar.Highs
		// Spread to whole bytes (0x80 → 0xff).
		wordBytes := word<<1 - word>>7
		other := ^(wordBytes | (space<<1 - space>>7))
		// Punctuation takes the class of what comes before it: adding 1
		// at the bottom of each run of punctuation that follows a word
		// byte (or the counted word coming in) carries through the run,
		// flipping it.
		seeds := (wordBytes<<8 | counted) & other & swar.Ones
		wordLike := wordBytes | ((other+seeds)^other)&other
		n += bits.OnesCount64(word &^ (wordLike<<8 | counted<<7))
		counted = wordLike >> 63
	}
	return n, i, counted
}
