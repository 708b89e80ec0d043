package words

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NameCount is a proper name and how often a document mentions it.
type NameCount struct {
	Name  string
	Count int
}

// Names collects the proper names of one document: runs of capitalised
// words (Elon Musk, Lower Ostrel Water Authority, Donald J. Trump), with
// leading function words dropped (the Pentagon → Pentagon).
//
// A capitalised word that starts a sentence is ambiguous (it may be an
// ordinary word), so a single word there counts only when the document
// also capitalises it mid-sentence. A surname used alone (Musk) counts
// toward the full name it belongs to (Elon Musk) when the document has it.
type Names struct {
	counts  map[string]int
	initial map[string]int // single words seen only at sentence starts
}

// NewNames returns an empty collector.
func NewNames() *Names {
	return &Names{counts: map[string]int{}, initial: map[string]int{}}
}

// Add collects the names of one paragraph. Headings set in title case are
// skipped: every word is capitalised there, so runs mean nothing.
func (n *Names) Add(paragraph string) {
	if isTitleCase(paragraph) {
		return
	}
	for _, s := range Sentences(paragraph) {
		n.addSentence(paragraph[s[0]:s[1]])
	}
}

func (n *Names) addSentence(sentence string) {
	toks := Tokenize(sentence)
	for i := 0; i < len(toks); {
		if !isCapitalised(sentence[toks[i].Start:toks[i].End]) {
			i++
			continue
		}
		j := i + 1 // the run is toks[i:j]
		for j < len(toks) {
			gap := sentence[toks[j-1].End:toks[j].Start]
			word := sentence[toks[j].Start:toks[j].End]
			switch {
			case isCapitalised(word) && joinsName(gap, sentence[toks[j-1].Start:toks[j-1].End]):
				j++
				continue
			case connectors[toks[j].Lower] && gap == " " && j+1 < len(toks) &&
				sentence[toks[j].End:toks[j+1].Start] == " " && isCapitalised(sentence[toks[j+1].Start:toks[j+1].End]):
				j += 2 // Bank of Estrava, Ludwig van Beethoven
				continue
			}
			break
		}
		n.addRun(sentence, toks[i:j], startsSentence(sentence, toks, i))
		i = j
	}
}

// addRun trims function words off a run and records it.
func (n *Names) addRun(sentence string, run []Token, initial bool) {
	for len(run) > 0 && (IsStopWord(run[0].Lower) || notNames[run[0].Lower] || titles[run[0].Lower]) {
		run, initial = run[1:], false
	}
	for len(run) > 0 && (IsStopWord(run[len(run)-1].Lower) || notNames[run[len(run)-1].Lower]) {
		run = run[:len(run)-1]
	}
	// "Russian President Vladimir Putin": the name follows the last title.
	for k := len(run) - 2; k >= 0; k-- {
		if titles[run[k].Lower] {
			run, initial = run[k+1:], false
			break
		}
	}
	if len(run) == 0 {
		return
	}
	name := sentence[run[0].Start:run[len(run)-1].End]
	if len(run) == 1 && initial {
		n.initial[name]++
		return
	}
	n.counts[name]++
}

// Result returns the names with their counts, most mentioned first.
func (n *Names) Result() []NameCount {
	counts := make(map[string]int, len(n.counts))
	for k, v := range n.counts {
		counts[k] = v
	}
	// Sentence-initial single words count when seen as names elsewhere.
	known := map[string]bool{}
	for name := range counts {
		for _, w := range strings.Fields(name) {
			known[w] = true
		}
	}
	for name, c := range n.initial {
		if known[name] {
			counts[name] += c
		}
	}
	// A surname alone counts toward the most mentioned full name ending
	// with it.
	for name, c := range counts {
		if strings.ContainsRune(name, ' ') {
			continue
		}
		best, bestCount := "", 0
		for full, fc := range counts {
			if strings.HasSuffix(full, " "+name) && (fc > bestCount || (fc == bestCount && full < best)) {
				best, bestCount = full, fc
			}
		}
		if best != "" {
			counts[best] += c
			delete(counts, name)
		}
	}
	out := make([]NameCount, 0, len(counts))
	for k, v := range counts {
		out = append(out, NameCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// joinsName reports whether the text between two capitalised words keeps
// them in one name: a space, a hyphen (Jean-Luc), or the full stop of a
// middle initial (Donald J. Trump).
func joinsName(gap, prev string) bool {
	switch gap {
	case " ", "-", "‑":
		return true
	case ". ":
		return utf8.RuneCountInString(prev) == 1
	}
	return false
}

// startsSentence reports whether token i opens the sentence or a quotation.
func startsSentence(sentence string, toks []Token, i int) bool {
	if i == 0 {
		return true
	}
	gap := strings.TrimSpace(sentence[toks[i-1].End:toks[i].Start])
	return strings.ContainsAny(gap, "“\"‘:") || strings.HasSuffix(gap, ".")
}

func isCapitalised(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

// isTitleCase reports whether a paragraph is a short heading in which
// most words are capitalised.
func isTitleCase(p string) bool {
	if strings.ContainsRune(p, '\n') {
		p, _, _ = strings.Cut(p, "\n")
	}
	fields := strings.Fields(p)
	if len(fields) == 0 || len(fields) > 14 || endsWithStop(p) {
		return false
	}
	caps := 0
	for _, f := range fields {
		if isCapitalised(strings.TrimLeft(f, "\"“‘'(")) {
			caps++
		}
	}
	return caps*10 >= len(fields)*6
}

func endsWithStop(s string) bool {
	s = strings.TrimRight(s, "\"”’') ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// connectors may sit inside a name between capitalised words.
var connectors = map[string]bool{
	"of": true, "de": true, "van": true, "von": true, "der": true, "da": true,
	"du": true, "la": true, "le": true, "al": true, "bin": true, "del": true,
}

// notNames are capitalised words that begin or end runs without being
// names themselves: days, months, and sentence adverbs.
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
	"said": true, "says": true,
}

// titles are dropped from the front of a name so that "President Donald
// J. Trump" and "Donald Trump" count as one person.
var titles = map[string]bool{
	"president": true, "vice": true, "mayor": true, "senator": true, "governor": true,
	"minister": true, "chancellor": true, "judge": true, "justice": true,
	"councillor": true, "councilor": true, "cllr": true, "professor": true,
	"prof": true, "sir": true, "dame": true, "lord": true, "lady": true,
	"king": true, "queen": true, "prince": true, "princess": true, "pope": true,
	"ceo": true, "chairman": true, "chairwoman": true, "chair": true,
	"secretary": true, "commissioner": true, "director": true,
	"sheriff": true, "detective": true, "inspector": true,
	"diplomat": true, "analyst": true, "hydrologist": true, "engineer": true,
	"premier": true, "speaker": true, "ambassador": true, "captain": true,
	"former": true, "acting": true, "deputy": true, "chief": true, "executive": true,
}
