package formats

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHTMLPageFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	r := HTML(data)
	if r.Title != "Marrowby footbridge to be rebuilt, council decides" {
		t.Errorf("Title = %q", r.Title)
	}
	if r.Source != "The Eastholm Ledger" {
		t.Errorf("Source = %q", r.Source)
	}
	if r.Date != "2031-03-06T18:30:00Z" {
		t.Errorf("Date = %q", r.Date)
	}
	if r.URL != "https://ledger.example/news/marrowby-rebuild" {
		t.Errorf("URL = %q (canonical wins over og:url)", r.URL)
	}
	if r.ID != "" || r.Line != 0 {
		t.Errorf("ID %q Line %d, want empty", r.ID, r.Line)
	}
	for _, absent := range []string{
		"Skip to content", "cookies", "Accept all", "News\n", "Sport", "Opinion", "Search the Ledger", "Go",
		"Advertisement", "Share on Chirper", "Share by email", "track(", "dataLayer", "LD-JSON", "font-family",
		"Tags: bridges", "Related stories", "Ferry to cross", "morning briefing", "newsletter",
		"All rights reserved", "Privacy", "Terms", "querySelectorAll",
	} {
		if strings.Contains(r.Text, absent) {
			t.Errorf("boilerplate %q left in the text:\n%s", absent, r.Text)
		}
	}
	paras := strings.Split(r.Text, "\n\n")
	want := []string{
		"Marrowby footbridge to be rebuilt, council decides",
		"By Oren Callow · 6 March 2031",
		"Eastholm council voted on Thursday to demolish and rebuild the Marrowby footbridge, ending weeks of uncertainty for the thousands of people who cross the river Tane on foot each day.",
		"The 1962 bridge was closed on Tuesday after inspectors found a crack in its main span.",
		"What happens next",
		"The council listed three steps:",
		"• a ferry service from Friday & a shuttle bus at weekends",
		"• demolition of the old span in the summer",
		"• a new bridge open by spring 2033",
		"“We would rather do this once and do it properly,” said councillor Mira Hesk.",
		"Ledger Newsroom\n14 Quay Street\nEastholm",
		"The Marrowby footbridge, closed since Tuesday.",
	}
	if len(paras) != len(want) {
		t.Fatalf("got %d paragraphs, want %d:\n%s", len(paras), len(want), r.Text)
	}
	for i := range want {
		if paras[i] != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, paras[i], want[i])
		}
	}
}

func TestHTMLFallbackToMainAndBody(t *testing.T) {
	page := `<html><head><title>Tram strike ends - Coastline Wire</title>
<meta property="og:site_name" content="Coastline Wire"><meta name="date" content=" 2031-04-15 ">
<meta property="og:url" content="https://coastline.example/w/4530"></head>
<body><div class="sidebar">Most read: nothing</div>
<main><p>Trams   ran again on <em>Monday</em>.</p><div>Direct text in a div.<p>Nested paragraph.</p></div></main>
<footer>Contact us</footer></body></html>`
	r := HTML([]byte(page))
	if r.Text != "Trams ran again on Monday.\n\nDirect text in a div.\n\nNested paragraph." {
		t.Errorf("main text = %q", r.Text)
	}
	if r.Title != "Tram strike ends" || r.Source != "Coastline Wire" || r.Date != "2031-04-15" || r.URL != "https://coastline.example/w/4530" {
		t.Errorf("metadata = %+v", r)
	}

	page = `<title>Eastholm notes | Some Other Site</title><body><nav>Home About</nav><h2>Notes</h2><p>Body only.</p>
<p>Line one<br>line two<br><br>New paragraph</p><meta name="application-name" content="Ledger App"></body>`
	r = HTML([]byte(page))
	if r.Text != "Notes\n\nBody only.\n\nLine one\nline two\n\nNew paragraph" {
		t.Errorf("body text = %q", r.Text)
	}
	if r.Title != "Eastholm notes | Some Other Site" || r.Source != "Ledger App" {
		t.Errorf("title kept whole unless the suffix is the site name: %+v", r)
	}
}

func TestHTMLTitleAndDate(t *testing.T) {
	r := HTML([]byte(`<title>Page title</title><body><header><h1>Site logo</h1></header>
<article><h1>Article heading</h1><p>Text <time datetime="2031-02-02">yesterday</time>.</p></article>
<meta itemprop="datePublished" content="2030-01-01"></body>`))
	if r.Title != "Article heading" || r.Date != "2031-02-02" {
		t.Errorf("h1 of the article and <time>: %+v", r)
	}
	r = HTML([]byte(`<title>Northern Dispatch: Budget day</title><meta property="og:site_name" content="Northern Dispatch">
<meta itemprop="datePublished" content="2030-01-01"><p>x</p>`))
	if r.Title != "Budget day" || r.Date != "2030-01-01" {
		t.Errorf("title prefix cut, itemprop date: %+v", r)
	}
}

func TestHTMLListsPreAndTables(t *testing.T) {
	page := `<body><article>
<ol start="3"><li>three</li><li>four<ul><li>nested</li></ul></li></ol>
<pre>  keep   this
    indent</pre>
<table><tr><td>cell a</td><td>cell <b>b</b></td></tr></table>
<dl><dt>Term</dt><dd>Meaning</dd></dl>
<p>a<span>b</span> <a href="#">link</a> <img src="x.png" alt="pic">end</p>
</article></body>`
	r := HTML([]byte(page))
	want := "3. three\n\n4. four\n\n  • nested\n\n  keep   this\n    indent\n\ncell a\n\ncell b\n\nTerm\n\nMeaning\n\nab link end"
	if r.Text != want {
		t.Errorf("text =\n%q\nwant\n%q", r.Text, want)
	}
}

func TestHTMLChoosesLargestArticle(t *testing.T) {
	page := `<body><aside><article><p>Teaser that is quite long but sits in an aside, far from the story.</p></article></aside>
<div class="page has-sidebar">
<article><p>Short.</p></article>
<article><p>This is the real story, the longest article on the page by a clear margin.</p></article>
</div><form id="aspnetForm"><p>form text</p></form></body>`
	r := HTML([]byte(page))
	if r.Text != "This is the real story, the longest article on the page by a clear margin." {
		t.Errorf("text = %q", r.Text)
	}
	// A page entirely inside furniture still gives its text.
	r = HTML([]byte(`<body><form id="aspnetForm"><div><p>All the content lives in a form.</p></div></form></body>`))
	if r.Text != "All the content lives in a form." {
		t.Errorf("form-wrapped page = %q", r.Text)
	}
}

func TestHTMLGarbage(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	inputs := [][]byte{nil, {}, []byte("<"), []byte("</article></main><<<>>>"), []byte("\xff\xfe\x00<p>\x80\x81</p>"),
		[]byte(strings.Repeat("<div>", 5000)), []byte("<svg><title>t</title><foreignObject><p>x</p></foreignObject></svg>"),
		[]byte("<table><td><p><li><pre>\n\n</pre></table><template><p>hidden</p></template><ol start=x><li value=y>v</ol>")}
	for range 200 {
		b := make([]byte, rng.Intn(400))
		rng.Read(b)
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		r := HTML(in)
		for _, s := range []string{r.Title, r.Source, r.Date, r.URL, r.Text} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q from %q", s, in)
			}
		}
	}
	if r := HTML([]byte("\xff\xfe\x00<p>\x80\x81</p>")); r.Text == "" {
		t.Errorf("text lost from invalid bytes")
	}
	if r := HTML([]byte("<template><p>hidden</p></template><p>shown</p>")); r.Text != "shown" {
		t.Errorf("template content: %q", r.Text)
	}
}
