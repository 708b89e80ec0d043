package corpus

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
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
func Normalize(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = SanitizeText(text)

	var (
		paras []string
		block []string
	)
	flush := func() {
		paras = append(paras, splitBlock(block)...)
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
	return paras
}

// splitBlock splits a run of non-blank lines into paragraphs.
func splitBlock(lines []string) []string {
	var out []string
	start := 0
	widths := make([]int, len(lines))
	for i, l := range lines {
		widths[i] = ansi.StringWidth(l)
	}
	for i := 0; i < len(lines)-1; i++ {
		endsPara := widths[i] > longLine && endsSentence(lines[i])
		headsPara := widths[i] <= shortLine && widths[i+1] > longLine
		if endsPara || headsPara {
			out = append(out, strings.Join(lines[start:i+1], "\n"))
			start = i + 1
		}
	}
	return append(out, strings.Join(lines[start:], "\n"))
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

// countWords counts whitespace-separated words that hold a letter or a
// digit (so Markdown's "#" and a lone dash do not count).
func countWords(paras []string) int {
	n := 0
	for _, p := range paras {
		for _, f := range strings.Fields(p) {
			if strings.IndexFunc(f, isLetterOrDigit) >= 0 {
				n++
			}
		}
	}
	return n
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
