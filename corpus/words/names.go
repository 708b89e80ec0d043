package words

import (
	"slices"
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
	counts   map[string]int
	initial  map[string]int // single words seen only at sentence starts
	headings []string       // paragraphs set in title case (see AddTokens)
	long     []NameCount    // Result's scratch: the names of several words

	// Scratch for Result, kept between documents.
	known     map[string]bool
	fullNames map[string]string
}

// NewNames returns an empty collector.
func NewNames() *Names {
	return &Names{counts: map[string]int{}, initial: map[string]int{}}
}

// Reset empties the collector for the next document, keeping its memory
// unless the last document had unusually many names.
func (n *Names) Reset() {
	if len(n.counts)+len(n.initial)+len(n.known) > 4096 {
		*n = *NewNames()
		return
	}
	clear(n.counts)
	clear(n.initial)
	clear(n.headings)
	n.headings = n.headings[:0]
}

// Add collects the names of one paragraph.
func (n *Names) Add(paragraph string) {
	var (
		spans [][2]int
		kinds []Kind
	)
	Scan(paragraph, func(start, end int) {
		spans = append(spans, [2]int{start, end})
		kinds = append(kinds, KindOf(Lower(paragraph[start:end]))|CapitalOf(paragraph[start:end]))
	})
	n.AddTokens(paragraph, spans, kinds)
}

// AddTokens collects the names of a paragraph whose word ranges (from
// Scan) and kinds (KindOf|CapitalOf) the caller already has, so the text
// model tokenizes once and looks each word form up once. Headings set in
// title case find no names: every word is capitalised there, so runs mean
// nothing. But the names found elsewhere are counted in them (see Result).
func (n *Names) AddTokens(paragraph string, spans [][2]int, kinds []Kind) {
	if isTitleCase(paragraph, spans, kinds) {
		n.headings = append(n.headings, paragraph)
		return
	}
	word := func(i int) string { return paragraph[spans[i][0]:spans[i][1]] }
	for i := 0; i < len(spans); {
		if kinds[i]&Capital == 0 {
			i++
			continue
		}
		j := i + 1 // the run is spans[i:j]
		for j < len(spans) {
			gap := paragraph[spans[j-1][1]:spans[j][0]]
			switch {
			case kinds[j]&Capital != 0 && joinsName(gap, word(j-1)):
				j++
				continue
			case gap == " " && kinds[j]&Connector != 0 && j+1 < len(spans) &&
				paragraph[spans[j][1]:spans[j+1][0]] == " " && kinds[j+1]&Capital != 0:
				j += 2 // Bank of Estrava, Ludwig van Beethoven
				continue
			case gap == " " && isSmallNumber(word(j)):
				j++ // Gate 3, Apollo 11, Terminal 2: a number ends the name
			}
			break
		}
		n.addRun(paragraph, spans[i:j], kinds[i:j], startsSentence(paragraph, spans, i))
		i = j
	}
}

// addRun trims function words and titles off a run and records it.
func (n *Names) addRun(text string, run [][2]int, kinds []Kind, initial bool) {
	for len(run) > 0 && kinds[0]&(Stop|NotName|Title) != 0 {
		run, kinds, initial = run[1:], kinds[1:], false
	}
	for len(run) > 0 && kinds[len(kinds)-1]&(Stop|NotName) != 0 {
		run, kinds = run[:len(run)-1], kinds[:len(kinds)-1]
	}
	// "Russian President Vladimir Putin": the name follows the last title.
	for k := len(run) - 2; k >= 0; k-- {
		if kinds[k]&Title != 0 {
			run, kinds, initial = run[k+1:], kinds[k+1:], false
			break
		}
	}
	if len(run) == 0 || kinds[0]&Capital == 0 {
		return // nothing left, or only a number ("In 3")
	}
	if len(run) == 1 && kinds[0]&Demonym != 0 {
		return // "the American", "a German": adjectives, not names
	}
	name := text[run[0][0]:run[len(run)-1][1]]
	if len(run) == 1 && initial {
		n.initial[name]++
		return
	}
	n.counts[name]++
}

// Result returns the names with their counts, most mentioned first. It
// merges the collected counts in place: call Reset before collecting the
// next document.
func (n *Names) Result() []NameCount {
	if n.known == nil {
		n.known, n.fullNames = map[string]bool{}, map[string]string{}
	}
	counts, known, fullNames := n.counts, n.known, n.fullNames
	clear(known)
	clear(fullNames)
	// Sentence-initial single words count when seen as names elsewhere.
	if len(n.initial) > 0 {
		for name := range counts {
			for w := range strings.SplitSeq(name, " ") { // runs join words with single spaces
				known[w] = true
			}
		}
		for name, c := range n.initial {
			if known[name] {
				counts[name] += c
			}
		}
	}
	n.long = n.long[:0]
	for name, c := range counts {
		if strings.ContainsFunc(name, isNameJoiner) {
			n.long = append(n.long, NameCount{name, c}) // as written, before surnames join them
		}
	}
	// A surname alone counts toward the most mentioned full name ending
	// with it (the first in order on a tie).
	for full, c := range counts { // fullNames: last word → full name
		space := strings.LastIndexByte(full, ' ')
		if space < 0 {
			continue
		}
		last := full[space+1:]
		if best, ok := fullNames[last]; !ok || c > counts[best] || c == counts[best] && full < best {
			fullNames[last] = full
		}
	}
	for name, c := range counts {
		if full, ok := fullNames[name]; ok {
			counts[full] += c
			delete(counts, name)
		}
	}
	n.countInHeadings(fullNames)
	n.countWithin(fullNames)
	out := make([]NameCount, 0, len(counts))
	for k, v := range counts {
		out = append(out, NameCount{k, v})
	}
	slices.SortFunc(out, func(a, b NameCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// lensAlts is what the event lens finds for a name: the name, and its
// last word alone when that stands for it (see Result).
func lensAlts(name string, fullNames map[string]string) [2]string {
	alts := [2]string{name, ""}
	if i := strings.LastIndexByte(name, ' '); i > 0 && fullNames[name[i+1:]] == name && CapitalOf(name[i+1:]) != 0 {
		alts[1] = name[i+1:]
	}
	return alts
}

// countWithin adds the mentions of names inside longer names, which the
// event lens finds: "Lower Quay" in "Lower Quay Road", Musk (Elon Musk)
// in "Musk Foundation" and "Musk-Bannon", China in "U.S.-China". It tries
// each run of words of each longer name.
func (n *Names) countWithin(fullNames map[string]string) {
	var parts [][2]int
	var found []string
	for _, b := range n.long {
		parts, found = parts[:0], found[:0]
		start := 0
		for i, r := range b.Name {
			if isNameJoiner(r) {
				parts = append(parts, [2]int{start, i})
				start = i + utf8.RuneLen(r)
			}
		}
		parts = append(parts, [2]int{start, len(b.Name)})
		for i := range parts {
			for j := i; j < len(parts); j++ {
				sub := b.Name[parts[i][0]:parts[j][1]]
				a, ok := sub, false
				if _, ok = n.counts[sub]; !ok {
					a, ok = fullNames[sub]
				}
				if ok && a != b.Name && !slices.Contains(found, a) {
					found = append(found, a)
					alts := lensAlts(a, fullNames)
					n.counts[a] += b.Count * countNames(b.Name, alts[:])
				}
			}
		}
	}
}

// isNameJoiner is a rune that joins the words of a name (see joinsName).
func isNameJoiner(r rune) bool { return r == ' ' || r == '-' || r == '‑' }

// countInHeadings adds the mentions in title-case headings of the names
// found elsewhere, as the event lens finds them (FindNames): the name, or
// its last word alone for the full name that surname stands for. So
// "Musk Sells Shares" counts for Elon Musk, and the lens, the palette
// and the lens chooser agree on how often a document names him.
func (n *Names) countInHeadings(fullNames map[string]string) {
	if len(n.headings) == 0 {
		return
	}
	all := n.headings[0]
	if len(n.headings) > 1 {
		all = strings.Join(n.headings, "\n")
	}
	for name := range n.counts {
		// Every match ends with the name's last word: most names have
		// none in the headings, and one search says so.
		if !strings.Contains(all, name[strings.LastIndexByte(name, ' ')+1:]) {
			continue
		}
		alts := lensAlts(name, fullNames)
		n.counts[name] += countNames(all, alts[:])
	}
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

// startsSentence reports whether word i opens a sentence or a quotation:
// it is the first word, or the text before it ends a sentence (. ! ?) or
// opens a quotation or a colon clause. "U.S." keeps its stops inside the
// word, so it does not end a sentence here.
func startsSentence(text string, spans [][2]int, i int) bool {
	if i == 0 {
		return true
	}
	gap := strings.TrimSpace(text[spans[i-1][1]:spans[i][0]])
	return strings.ContainsAny(gap, ".!?“\"‘:")
}

func isCapitalised(word string) bool {
	if word != "" && word[0] < utf8.RuneSelf {
		return 'A' <= word[0] && word[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

// isTitleCase reports whether a paragraph is a short heading in which
// most words are capitalised.
func isTitleCase(p string, spans [][2]int, kinds []Kind) bool {
	if i := strings.IndexByte(p, '\n'); i >= 0 {
		p = p[:i] // a heading line on top of a byline block
		n := 0
		for n < len(spans) && spans[n][1] <= i {
			n++
		}
		spans = spans[:n]
	}
	if len(spans) == 0 || len(spans) > 14 || endsWithStop(p) {
		return false
	}
	caps := 0
	for _, k := range kinds[:len(spans)] {
		if k&Capital != 0 {
			caps++
		}
	}
	return caps*10 >= len(spans)*6
}

func endsWithStop(s string) bool {
	s = strings.TrimRight(s, "\"”’') ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// Kind says what a word form is to the names collector. It depends only
// on the word lower-cased, so the text model, which looks every word of
// the corpus up in a table of forms anyway, keeps it there and passes it
// on instead of names looking each capitalised word up again.
type Kind uint8

const (
	Stop      Kind = 1 << iota // a stop word: never part of a name's ends
	NotName                    // begins or ends runs without being a name
	Title                      // dropped from the front of a name
	Demonym                    // not a name on its own (American Airlines is)
	Connector                  // may join two capitalised words (Bank of Estrava)
	// Capital is not a property of the form but of one use of it, which
	// starts with a capital letter (CapitalOf).
	Capital
)

// CapitalOf returns Capital for a word that starts with a capital letter.
func CapitalOf(word string) Kind {
	switch {
	case word == "":
		return 0
	case word[0]-'A' < 26:
		return Capital
	case word[0] < utf8.RuneSelf:
		return 0
	}
	return capitalRune(word)
}

func capitalRune(word string) Kind {
	if isCapitalised(word) {
		return Capital
	}
	return 0
}

// KindOf returns the kind of a lower-cased word form (see Lower).
func KindOf(lower string) Kind {
	k := nameWords[lower]
	if IsStopWord(lower) {
		k |= Stop
	}
	return k
}

// nameWords holds the words of notNames, titles, demonyms and
// connectors, for one lookup.
var nameWords = func() map[string]Kind {
	m := map[string]Kind{}
	for w := range notNames {
		m[w] |= NotName
	}
	for w := range titles {
		m[w] |= Title
	}
	for _, w := range demonyms {
		m[w] |= Demonym
	}
	for w := range connectors {
		m[w] |= Connector
	}
	return m
}()

// demonyms are adjectives of nations, regions and faiths, capitalised in
// English but names only as part of a longer one.
var demonyms = strings.Fields(`american british english scottish welsh irish french
	german italian spanish portuguese dutch belgian swiss austrian swedish
	norwegian danish finnish polish czech hungarian greek turkish russian
	ukrainian belarusian european african asian chinese japanese korean indian
	pakistani afghan iranian iraqi syrian lebanese israeli palestinian egyptian
	saudi arab yemeni libyan nigerian kenyan ethiopian mexican canadian
	brazilian argentine argentinian chilean colombian venezuelan cuban
	australian taiwanese vietnamese thai indonesian filipino western eastern
	northern southern soviet catholic muslim christian jewish islamic`)

// isSmallNumber reports whether a word is a number of one to three digits
// (years and larger figures do not belong to names).
func isSmallNumber(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
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
	// Sentence adverbs that open a sentence before a name ("Later Okafor
	// said"): never the first word of one.
	"later": true, "earlier": true, "meanwhile": true, "instead": true,
	"still": true, "yesterday": true, "today": true, "tonight": true,
	"tomorrow": true, "afterwards": true, "previously": true, "eventually": true,
	"finally": true, "separately": true, "additionally": true, "nevertheless": true,
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

// FindNames finds whole-word occurrences of any of the alternatives: at
// each step the earliest, and the longest of those starting there.
func FindNames(text string, alts []string) [][2]int {
	var out [][2]int
	for i := 0; ; {
		start, end := nextName(text, i, alts)
		if start < 0 {
			return out
		}
		out = append(out, [2]int{start, end})
		i = end
	}
}

// countNames is len(FindNames(text, alts)), without the list.
func countNames(text string, alts []string) int {
	n := 0
	for i := 0; ; n++ {
		start, end := nextName(text, i, alts)
		if start < 0 {
			return n
		}
		i = end
	}
}

// nextName is FindNames's next occurrence from byte i on, or -1, -1.
func nextName(text string, i int, alts []string) (start, end int) {
	start, end = -1, -1
	for _, a := range alts {
		for from := i; a != "" && from < len(text); {
			j := strings.Index(text[from:], a)
			if j < 0 {
				break
			}
			s := from + j
			if isWordBoundary(text, s, s+len(a)) {
				if start < 0 || s < start || (s == start && s+len(a) > end) {
					start, end = s, s+len(a)
				}
				break
			}
			from = s + 1
		}
	}
	return start, end
}

func isWordBoundary(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (start == 0 || !isWord(before)) && (end == len(text) || !isWord(after))
}
