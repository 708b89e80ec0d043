package main

// The non-interactive subcommands: they print the corpus and the text
// model's answers for scripts and for checking results by hand.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"parallax/corpus"
)

// relatedPerDoc is how many similar documents 'related' lists for each.
const relatedPerDoc = 3

// termsPerSide is how many terms 'terms' lists per side.
const termsPerSide = 20

// list prints the corpus: documents on stdout, skipped files with their
// reasons on stderr.
func list(c *corpus.Corpus, opts options, stdout, stderr io.Writer) int {
	reportSkipped(c, stderr)
	if opts.json {
		type doc struct {
			Index      int      `json:"index"`
			ID         string   `json:"id"`
			Words      int      `json:"words"`
			Title      string   `json:"title"`
			Path       string   `json:"path"`
			Source     string   `json:"source,omitempty"`
			Date       string   `json:"date,omitempty"`
			URL        string   `json:"url,omitempty"`
			Encoding   string   `json:"encoding"`
			Paragraphs []string `json:"paragraphs"`
		}
		out := make([]doc, 0, len(c.Docs))
		for _, d := range c.Docs {
			paras := make([]string, len(d.Paragraphs))
			for i, p := range d.Paragraphs {
				paras[i] = p.Text
			}
			out = append(out, doc{d.Index, d.ID, d.Words, d.Title, d.Path, d.Source, d.Date, d.URL, d.Encoding, paras})
		}
		return writeJSON(stdout, stderr, out)
	}
	// Source and date come after the four columns scripts already read.
	fmt.Fprintln(stdout, "index\twords\ttitle\tpath\tsource\tdate")
	for _, d := range c.Docs {
		fmt.Fprintf(stdout, "%d\t%d\t%s\t%s\t%s\t%s\n", d.Index, d.Words, d.Title, d.Path, d.Source, d.Date)
	}
	return 0
}

func reportSkipped(c *corpus.Corpus, stderr io.Writer) {
	for _, s := range c.Skipped {
		fmt.Fprintf(stderr, "skipped\t%s\t%s\n", s.Path, s.Reason)
	}
}

// related prints, for every document, its most similar documents.
func related(c *corpus.Corpus, opts options, stdout, stderr io.Writer) int {
	reportSkipped(c, stderr)
	type row struct {
		Doc   string  `json:"doc"`
		Rank  int     `json:"rank"`
		Other string  `json:"other"`
		Score float64 `json:"score"`
	}
	var rows []row
	for d, related := range c.Model.RelatedAll(relatedPerDoc) {
		for i, r := range related {
			rows = append(rows, row{c.Docs[d].Path, i + 1, c.Docs[r.Doc].Path, round(r.Score)})
		}
	}
	if opts.json {
		if rows == nil {
			rows = []row{}
		}
		return writeJSON(stdout, stderr, rows)
	}
	fmt.Fprintln(stdout, "doc\trank\tother\tscore")
	for _, r := range rows {
		fmt.Fprintf(stdout, "%s\t%d\t%s\t%.4f\n", r.Doc, r.Rank, r.Other, r.Score)
	}
	return 0
}

// compare runs 'align' or 'terms' on the two files of the command line.
func compare(c *corpus.Corpus, opts options, stdout, stderr io.Writer) int {
	var docs [2]*corpus.Document
	for i, p := range opts.paths {
		d, err := c.Lookup(p)
		if err != nil {
			reason := err.Error()
			for _, s := range c.Skipped {
				if !errors.Is(err, corpus.ErrSeveral) && s.Path == corpus.SanitizeName(p) {
					reason = "not loaded: " + s.Reason
					break
				}
			}
			fmt.Fprintf(stderr, "parallax: %s: %s\n", corpus.SanitizeName(p), reason)
			return 1
		}
		docs[i] = d
	}
	if opts.command == "align" {
		return align(c, docs, opts, stdout, stderr)
	}
	return terms(c, docs, opts, stdout, stderr)
}

// align prints the best paragraph of B for every paragraph of A.
func align(c *corpus.Corpus, docs [2]*corpus.Document, opts options, stdout, stderr io.Writer) int {
	a, b := docs[0], docs[1]
	type para struct {
		Index int    `json:"index"`
		Text  string `json:"text"`
	}
	type row struct {
		A     para    `json:"a"`
		B     *para   `json:"b"` // null below the threshold
		Score float64 `json:"score"`
	}
	rows := []row{}
	for i, p := range a.Paragraphs {
		if p.Repeat != nil {
			continue // boilerplate is not aligned
		}
		best, ok := c.Model.Align(a.Index, i, b.Index)
		r := row{A: para{i, p.Text}, Score: round(max(0, best.Score))}
		if ok {
			r.B = &para{best.Para, b.Paragraphs[best.Para].Text}
		}
		rows = append(rows, r)
	}
	if opts.json {
		return writeJSON(stdout, stderr, rows)
	}
	fmt.Fprintf(stdout, "# A: %s\n# B: %s\n# threshold %.2f\n", a.Path, b.Path, corpus.AlignThreshold)
	fmt.Fprintln(stdout, "a\tb\tscore\ta_text\tb_text")
	for _, r := range rows {
		bIndex, bText := "none", ""
		if r.B != nil {
			bIndex, bText = fmt.Sprint(r.B.Index), preview(r.B.Text)
		}
		fmt.Fprintf(stdout, "%d\t%s\t%.4f\t%s\t%s\n", r.A.Index, bIndex, r.Score, preview(r.A.Text), bText)
	}
	return 0
}

// terms prints the distinctive terms of each side and the shared terms.
func terms(c *corpus.Corpus, docs [2]*corpus.Document, opts options, stdout, stderr io.Writer) int {
	ct := c.Model.Contrast(docs[0].Index, docs[1].Index, termsPerSide)
	type term struct {
		Term   string  `json:"term"`
		Score  float64 `json:"score"`
		CountA int     `json:"count_a"`
		CountB int     `json:"count_b"`
	}
	conv := func(ts []corpus.TermScore) []term {
		out := make([]term, len(ts))
		for i, t := range ts {
			out[i] = term{t.Term, round(t.Score), t.CountA, t.CountB}
		}
		return out
	}
	if opts.json {
		return writeJSON(stdout, stderr, map[string]any{
			"a": docs[0].Path, "b": docs[1].Path,
			"distinctive_a": conv(ct.A), "distinctive_b": conv(ct.B), "shared": conv(ct.Shared),
		})
	}
	fmt.Fprintf(stdout, "# A: %s\n# B: %s\n", docs[0].Path, docs[1].Path)
	fmt.Fprintln(stdout, "side\trank\tterm\tscore\tcount_a\tcount_b")
	for _, side := range []struct {
		name  string
		terms []corpus.TermScore
	}{{"A", ct.A}, {"B", ct.B}, {"shared", ct.Shared}} {
		for i, t := range side.terms {
			fmt.Fprintf(stdout, "%s\t%d\t%s\t%.3f\t%d\t%d\n", side.name, i+1, t.Term, t.Score, t.CountA, t.CountB)
		}
	}
	return 0
}

// preview is the start of a paragraph on one line, for tab-separated output.
func preview(s string) string {
	const n = 60
	r := []rune(s)
	out := string(r[:min(len(r), n)])
	if len(r) > n {
		out += "…"
	}
	return strings.ReplaceAll(out, "\n", " ")
}

func round(f float64) float64 { return math.Round(f*10000) / 10000 }

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keep <U+202E> placeholders readable
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, "parallax: "+err.Error())
		return 1
	}
	return 0
}
