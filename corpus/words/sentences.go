package words

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// Sentences returns the byte ranges of the sentences of a paragraph, white
// space trimmed. Boundaries are Unicode UAX #29 sentence boundaries, then
// a boundary after an abbreviation or initials ("Mr.", "Dr.", "J.",
// "U.S.") is removed, since UAX #29 breaks "Mr. Smith" in two.
func Sentences(text string) [][2]int {
	var out [][2]int
	it := sentences.FromString(text)
	for it.Next() {
		start, end := it.Start(), it.End()
		if len(out) > 0 && endsWithAbbreviation(text[out[len(out)-1][0]:out[len(out)-1][1]]) {
			out[len(out)-1][1] = end
			continue
		}
		out = append(out, [2]int{start, end})
	}
	// Trim white space inside each range.
	kept := out[:0]
	for _, r := range out {
		s := text[r[0]:r[1]]
		lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
		trail := len(s) - len(strings.TrimRightFunc(s, unicode.IsSpace))
		if r[0]+lead < r[1]-trail {
			kept = append(kept, [2]int{r[0] + lead, r[1] - trail})
		}
	}
	return kept
}

// endsWithAbbreviation reports whether a sentence candidate ends with a
// title, an initial or initials, after which a full stop does not end the
// sentence.
func endsWithAbbreviation(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if !strings.HasSuffix(s, ".") {
		return false
	}
	s = strings.TrimSuffix(s, ".")
	word := s[strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '“' || r == '"' })+1:]
	if utf8.RuneCountInString(word) == 1 {
		return unicode.IsUpper([]rune(word)[0]) // "J." but not "a."
	}
	if strings.Contains(word, ".") {
		return isInitials(word) // "U.S" (the last stop was trimmed)
	}
	return abbreviations[strings.ToLower(word)]
}

func isInitials(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"sen": true, "rep": true, "gov": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "cllr": true, "jr": true, "sr": true, "rev": true,
	"vs": true, "fig": true, "vol": true, "approx": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "dept": true, "est": true,
}
