package corpus

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/corpus/words"

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
		if line == "" || !hasLetter(line) || isLabel(line) {
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
	endsOnWord := len(cut) < len(line) && line[len(cut)] == ' '
	if i := strings.LastIndexByte(cut, ' '); i > width/2 && !endsOnWord {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// sentenceEnd is the byte offset where the first sentence of s ends, or
// -1 when s is a single sentence. Boundaries come from words.Sentences
// (UAX #29, not fooled by "U.S." or "Mr.").
func sentenceEnd(s string) int {
	sents := words.Sentences(s)
	if len(sents) < 2 {
		return -1
	}
	return sents[0][1]
}

// isLabel reports whether a line is a short label such as "Last updated:"
// or "Edited by:", which introduces something else and is never a title.
func isLabel(line string) bool {
	return strings.HasSuffix(line, ":") && ansi.StringWidth(line) <= 40
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// titleLine is the length of the first line of the text when it is the
// title (possibly as a "# heading"), and 0 otherwise.
func titleLine(paras []string, title string) int {
	if len(paras) == 0 {
		return 0
	}
	first := firstLine(paras[0])
	if h, ok := markdownHeading(first); (ok && h == title) || strings.TrimSpace(first) == title {
		return len(first)
	}
	return 0
}
