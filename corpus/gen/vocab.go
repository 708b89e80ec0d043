package gen

import (
	"math"
	"math/rand/v2"
	"strings"
	"sync"
)

// functionWords are real English function words, roughly most frequent
// first: they take the top ranks of the Zipf distribution.
var functionWords = strings.Fields(`
the of and to a in that is was for on it with as he said by at his from
be have has had are were not but this an they which or their she her its
been will would who more after than also up about into out there over one
two new we all when could can if so no what some other them only may just
its before since while because those these most our any where then between
under against during through both each such how very still even back down
three four five first last much many well should must might do does did
being here again own same few off why around until without another within
across among however although whether yet us him our you your
`)

// newsWords are common words of news reporting.
var newsWords = strings.Fields(`
government officials year people police minister report city council
company million percent week month state public country president group
water local national spokesperson statement plan money workers residents
district community court ruling inquiry investigation safety support
emergency crisis decision members agency authorities department budget
funding service services region area families health market prices costs
rate data figures evidence claims demands talks agreement deal vote
election campaign policy law rules union staff board chief executive
director leader party opposition analysts experts sources documents
review meeting hearing response pressure concerns questions warning risk
damage repairs contract project plans measures impact economy industry
business businesses jobs pay schools hospital roads transport energy power
insurance housing building site centre office record history future
reports announced confirmed told added according expected including
earlier later warned denied rejected approved criticised described called
urged reported agreed continued remained returned ordered closed opened
raised cut increased fell rose former senior major regional independent
private official previous next second several final early late long short
high low recent latest morning evening night days hours weeks months
years time number part end case point system change control action issue
minutes officers victims witnesses lawyers engineers inspectors managers
employees customers passengers drivers patients doctors teachers students
parents children women men town village street bridge river coast harbour
port airport station border capital province county mayor governor
councillors ministers lawmakers regulators investors shareholders banks
bank fund funds loan loans debt tax taxes spending revenue profit losses
sales trade exports imports shipping cargo fuel oil gas electricity
weather rain storm flood fire smoke wind snow heat summer winter spring
autumn statement interview letter email press conference briefing website
video photos footage social media online survey poll study analysis
it’s don’t didn’t won’t isn’t we’re they’re government’s council’s
company’s city’s country’s union’s minister’s police’s
`)

// firstNames are given names for the people in the stories.
var firstNames = strings.Fields(`
Maren Tomas Ingrid Rafael Amara Dmitri Helena Joaquin Priya Kofi Lena Oskar
Sofia Yusuf Nadia Elias Freya Mateo Aisha Henrik Clara Jonas Leila Victor
Ines Felix Mira Anton Zara Bruno Elena Kenji Talia Hugo Rosa Idris Greta
Luca Noor Emil Astrid Marcus Hana Pavel Selin Ruben Alma Teodor Yara Niels
Odile Samir Ilse Dario Keira Leon Malia Orla Stefan Wren Ayla Cormac
`)

// surnames are family names; more are made from syllables.
var surnames = strings.Fields(`
Voss Solberg Okafor Lindqvist Moreau Castellano Brandt Haddad Novak
Whitlock Ferreira Takahashi Mbeki Aalto Barrow Calloway Dufresne Eriksen
Fairweather Galloway Hartigan Ivers Jessup Kowalczyk Larkspur Mendel
Nakashima Oduya Pellegrini Quint Rasmussen Sandoval Thorne Ueda Valdez
Wexford Yilmaz Zeller Abernathy Blackwood
`)

var months = strings.Fields(`January February March April May June July August September October November December`)

// topic is the kind of event a story is about: the real words its
// coverage uses, and how a headline names it.
type topic struct {
	heads []string // headline nouns: "strike", "pay dispute"
	words []string // frequent in the coverage
	org   string   // a ministry or agency: "Ministry of {org}"
}

var topics = []topic{
	{[]string{"strike", "walkout", "pay dispute", "port strike"}, strings.Fields("dockworkers picket wages walkout strike negotiations shifts overtime cargo shipping"), "Labour"},
	{[]string{"flood", "flooding", "floodgate failure"}, strings.Fields("river barrage rainfall evacuation levee floodwater sandbags pumps floodgate"), "Water"},
	{[]string{"fire", "blaze", "wildfire"}, strings.Fields("firefighters blaze evacuation smoke hectares arson crews embers"), "Fire Services"},
	{[]string{"election", "vote", "ballot row"}, strings.Fields("candidates ballots turnout polling constituency recount campaign voters"), "Elections"},
	{[]string{"merger", "takeover", "bid"}, strings.Fields("shareholders bid valuation regulators acquisition shares board antitrust"), "Competition"},
	{[]string{"trial", "verdict", "court case"}, strings.Fields("jury prosecutors defendant testimony judge verdict sentencing appeal"), "Justice"},
	{[]string{"outbreak", "infections", "virus"}, strings.Fields("cases clinics vaccination infections patients symptoms quarantine testing"), "Health"},
	{[]string{"bridge collapse", "collapse"}, strings.Fields("bridge engineers inspection concrete cracks debris rescue structural"), "Transport"},
	{[]string{"budget", "tax plan", "spending cuts"}, strings.Fields("deficit taxes spending revenue borrowing cuts treasury forecasts"), "Finance"},
	{[]string{"protest", "march", "demonstration"}, strings.Fields("protesters marchers rally arrests banners crowds square police"), "Interior"},
	{[]string{"rail crash", "derailment"}, strings.Fields("train carriages derailment signalling passengers track rail timetable"), "Transport"},
	{[]string{"storm", "gales", "storm damage"}, strings.Fields("gusts outages coastline winds warnings trees damage lines"), "Environment"},
	{[]string{"drought", "water shortage"}, strings.Fields("reservoirs rationing hosepipe rainfall crops irrigation farmers wells"), "Agriculture"},
	{[]string{"data breach", "cyberattack"}, strings.Fields("hackers passwords servers ransomware customers encryption breach systems"), "Digital Affairs"},
	{[]string{"housing plan", "rent rise"}, strings.Fields("tenants landlords rents developers planning homes eviction affordable"), "Housing"},
	{[]string{"mine accident", "mine closure"}, strings.Fields("miners shaft tunnel rescue ore safety gas pit"), "Mining"},
}

var headlineVerbs = strings.Fields(`deepens ends spreads escalates widens stalls halts looms hits grows eases forces sparks threatens`)
var sayVerbs = strings.Fields(`rejects backs defends questions blames welcomes criticises demands promises`)
var futureVerbs = strings.Fields(`cost reshape divide test paralyse delay strain`)
var pastVerbs = strings.Fields(`stranded evacuated affected questioned hurt displaced`)
var pluralNouns = strings.Fields(`residents workers families passengers homes businesses jobs patients`)
var roles = []string{"chief executive", "mayor", "spokesperson", "union leader", "minister", "inspector", "resident", "engineer", "councillor", "lawyer"}
var placeForms = []string{"%s", "Port %s", "%s Bay", "North %s", "%s Valley", "Upper %s"}
var orgForms = []string{"Port Authority of %s", "%s City Council", "%s Workers Union", "%s Water Authority", "%s General Hospital", "%s Holdings", "Bank of %s"}

var outletNames = []string{
	"Meridian Press", "Northgate Ledger", "Civic Herald", "Harbour Courier",
	"Evening Dispatch", "Valley Signal", "Coastal Times", "Morning Chronicle",
	"Riverside Gazette", "Capital Observer", "Tidewater Post", "Granite Standard",
	"Lantern Review", "Fenwick Mercury", "Summit Tribune", "Beacon Journal",
}
var outletKinds = []string{"Times", "Post", "Herald", "Courier", "Ledger", "Gazette", "Record", "Echo"}

var plugTemplates = []string{
	"Sign up for the %s Morning Briefing: the day’s essential stories, in your inbox before 7am. Subscribe free at %s.example/briefing.",
	"Enjoying this story? Get the %s weekly newsletter, with the best of our reporting and analysis every Friday. Sign up at %s.example/newsletters.",
	"Support independent journalism. %s readers can get our daily digest for free — sign up in under a minute at %s.example/daily.",
	"Never miss a story: follow the %s on your phone with our free app and newsletter alerts. Find out more at %s.example/alerts.",
}

// Syllables for made-up words and names.
var (
	onsets = strings.Fields("b br c ch cr d dr f fl g gr h k l m n p pl pr r s sh sk st t th tr v w")
	nuclei = strings.Fields("a e i o u a e o ai ea ou ie")
	codas  = []string{"", "", "", "n", "r", "l", "s", "st", "nd", "rk", "m", "th", "t"}
	ends   = []string{"", "", "", "", "ing", "ion", "ment", "er", "ed", "al", "ity", "ure"}
	placeE = []string{"", "by", "ton", "mouth", "ford", "wick", "stead", "field", "haven", "more"}
)

// syllables makes a lower-case made-up word of n syllables.
func syllables(r *rand.Rand, n int, b *strings.Builder) {
	for i := range n {
		b.WriteString(onsets[r.IntN(len(onsets))])
		b.WriteString(nuclei[r.IntN(len(nuclei))])
		if i == n-1 || r.IntN(3) == 0 {
			b.WriteString(codas[r.IntN(len(codas))])
		}
	}
}

func madeWord(r *rand.Rand) string {
	var b strings.Builder
	n := 1 + r.IntN(2)
	if r.IntN(8) == 0 {
		n = 3
	}
	syllables(r, n, &b)
	b.WriteString(ends[r.IntN(len(ends))])
	return b.String()
}

func capitalised(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func madeName(r *rand.Rand, suffixes []string) string {
	var b strings.Builder
	syllables(r, 1+r.IntN(2), &b)
	b.WriteString(suffixes[r.IntN(len(suffixes))])
	return capitalised(b.String())
}

// zipfTableBits sizes the lookup tables that turn uniform random bits into
// Zipf-distributed ranks without a search per word.
const zipfTableBits = 18

// zipfTable maps each of 2^bits equal slices of [0,1) to the rank whose
// share of a Zipf–Mandelbrot distribution (weight 1/(rank+q)^s) covers it.
func zipfTable(n, bits int, s, q float64) []uint16 {
	total := 0.0
	for r := range n {
		total += 1 / math.Pow(float64(r)+q, s)
	}
	size := 1 << bits
	t := make([]uint16, size)
	rank, cum := 0, 1/math.Pow(q, s)/total
	for i := range t {
		x := (float64(i) + 0.5) / float64(size)
		for x > cum && rank < n-1 {
			rank++
			cum += 1 / math.Pow(float64(rank)+q, s) / total
		}
		t[i] = uint16(rank)
	}
	return t
}

// vocabulary is the corpus-wide word list, most frequent first, with its
// Zipf lookup table. It is the same for every seed.
type vocabulary struct {
	words []string
	table []uint16
}

// syntheticWords is how many made-up content words the vocabulary holds.
const syntheticWords = 4000

var (
	globalOnce  sync.Once
	globalVocab vocabulary
)

func global() *vocabulary {
	globalOnce.Do(func() {
		seen := map[string]bool{}
		var list []string
		add := func(w string) {
			if !seen[w] {
				seen[w] = true
				list = append(list, w)
			}
		}
		for _, w := range functionWords {
			add(w)
		}
		r := rand.New(rand.NewPCG(0x9a11a, 0x7e47))
		var synth []string
		for len(synth) < syntheticWords {
			w := madeWord(r)
			if len(w) >= 4 && len(w) <= 13 && !seen[w] {
				seen[w] = true
				synth = append(synth, w)
			}
		}
		// News words and made-up words share the middle ranks.
		for i, w := range newsWords {
			add(w)
			if i%2 == 1 {
				list = append(list, synth[i/2])
			}
		}
		list = append(list, synth[len(newsWords)/2:]...)
		globalVocab = vocabulary{words: list, table: zipfTable(len(list), zipfTableBits, 1.0, 2.7)}
	})
	return &globalVocab
}
