package corpus

import "strings"

// minRepeats is how often a paragraph must occur in one document to count
// as boilerplate (an advertising block, a newsletter plug, a share bar).
const minRepeats = 3

// foldRepeats marks every paragraph that occurs minRepeats or more times
// in the document. Paragraphs are compared after collapsing white space and
// case, so a block pasted with different spacing still counts as the same.
func foldRepeats(texts []string) []Paragraph {
	keys := make([]string, len(texts))
	counts := make(map[string]int, len(texts))
	for i, t := range texts {
		keys[i] = repeatKey(t)
		counts[keys[i]]++
	}
	seen := make(map[string]int)
	paras := make([]Paragraph, len(texts))
	for i, t := range texts {
		paras[i].Text = t
		if total := counts[keys[i]]; total >= minRepeats {
			seen[keys[i]]++
			paras[i].Repeat = &Repeat{Occurrence: seen[keys[i]], Total: total}
		}
	}
	return paras
}

func repeatKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
