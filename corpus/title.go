package corpus

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

const (
	// titleWidth is about how wide a title cut from a sentence may be.
	titleWidth = 70
	// headlineWidth is the widest first line still read as a headline.
	headlineWidth = 100
	// headingSearch is how many paragraphs are searched for a # heading.
	headingSearch = 10
)

// Title picks a document's title, in order of preference:
//  1. a Markdown "# heading" among the first paragraphs;
//  2. the first line, when it is short and reads like a headline;
//  3. the start of the first sentence, cut at a word boundary at about 70
//     cells with an ellipsis;
//  4. the file name, only when there is no text at all.
func Title(paras []string, path string) string {
	for i, p := range paras {
		if i == headingSearch {
			break
		}
		if h, ok := markdownHeading(firstLine(p)); ok {
			return h
		}
	}
	for _, p := range paras {
		line := strings.TrimSpace(firstLine(p))
		if line == "" || !hasLetter(line) {
			continue
		}
		if looksLikeHeadline(line) {
			return line
		}
		return cutSentence(line, titleWidth)
	}
	return SanitizeName(filepath.Base(path))
}

func firstLine(p string) string {
	line, _, _ := strings.Cut(p, "\n")
	return line
}

// markdownHeading recognises "# Heading" (an ATX level-one heading) and
// returns its text without the closing hashes.
func markdownHeading(line string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimLeft(line, " "), "#")
	if !ok || rest == "" || rest[0] != ' ' {
		return "", false
	}
	text := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "#"))
	return text, text != ""
}

// looksLikeHeadline: short, more than one word, starts with a capital or a
// digit, and does not end like a sentence, a clause or a label.
func looksLikeHeadline(line string) bool {
	if ansi.StringWidth(line) > headlineWidth || !strings.Contains(line, " ") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘", first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,:;", last)
}

// cutSentence returns the first sentence of line when it fits in width
// cells; otherwise the longest run of whole words that fits, with "…".
func cutSentence(line string, width int) string {
	if end := sentenceEnd(line); end > 0 {
		line = line[:end]
	}
	if ansi.StringWidth(line) <= width {
		return line
	}
	cut := ansi.Truncate(line, width-1, "")
	if i := strings.LastIndexByte(cut, ' '); i > width/2 {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// sentenceEnd finds the end of the first sentence: a full stop, question
// or exclamation mark followed by a space and a capital letter, skipping
// initials and abbreviations such as "U.S." and "Mr.".
func sentenceEnd(s string) int {
	for i := 0; i < len(s)-2; i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if s[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[i+2:])
		if !unicode.IsUpper(next) && !strings.ContainsRune("\"“", next) {
			continue
		}
		if c == '.' && isAbbreviation(s[:i]) {
			continue
		}
		return i + 1
	}
	return -1
}

// isAbbreviation reports whether the word ending at the end of s is an
// initial or a common abbreviation, after which a full stop does not end
// a sentence.
func isAbbreviation(s string) bool {
	word := s[strings.LastIndexAny(s, " (")+1:]
	if utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") {
		return true // "J." or "U.S."
	}
	switch strings.ToLower(word) {
	case "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "fig", "vol", "approx":
		return true
	}
	return false
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
