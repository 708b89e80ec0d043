package corpus

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateLayouts are the ways documents write dates that ParseDate reads,
// by how the date starts: with a year (2026-03-14), a day (14 March
// 2026) or a word (March 14, 2026, Sat, 14 Mar 2026 …).
var dateLayouts = [3][]string{
	{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006/01/02"},
	{"2 January 2006", "2 Jan 2006"},
	{"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "Monday, January 2, 2006", "Monday 2 January 2006", time.RFC1123Z, time.RFC1123},
}

// ParseDate reads a date written in one of the usual ways. What holds no
// year (four digits in a row) is not tried: bylines and palette sorts
// ask it of many strings that are not dates, and each failed time.Parse
// allocates its error.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || !hasYear(s) {
		return time.Time{}, false
	}
	layouts := dateLayouts[2]
	switch {
	case len(s) >= 5 && isDigit(s[0]) && isDigit(s[3]) && (s[4] == '-' || s[4] == '/'):
		layouts = dateLayouts[0]
	case isDigit(s[0]):
		layouts = dateLayouts[1]
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// hasYear reports whether s has four digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// bylineLines is how many lines from the top of a plain-text document
// may hold its byline.
const bylineLines = 4

// maxBylineBytes bounds a byline: a longer line is prose.
const maxBylineBytes = 160

// bylineSeparators part a byline's fields: "Meridian Press · 14 March 2026".
var bylineSeparators = []string{" · ", " | ", " — ", " – ", " • "}

// bylineMetadata finds the source and date of a plain-text article in a
// byline near its top, a short line of fields one of which is a date:
// "The Northgate Ledger · 14 March 2026", "By Ayla Jessup · Meridian
// Press · 18 February 2026". The source is the field before the date
// that is not the author's "By …". Saved pages and Markdown say these
// things in markup; plain text only in such a line.
func bylineMetadata(paras []string) Metadata {
	seen := 0
	for _, p := range paras {
		for line := range strings.SplitSeq(p, "\n") {
			if seen++; seen > bylineLines {
				return Metadata{}
			}
			if m, ok := parseByline(line); ok {
				return m
			}
		}
	}
	return Metadata{}
}

func parseByline(line string) (Metadata, bool) {
	line = strings.TrimSpace(line)
	if len(line) > maxBylineBytes || !hasYear(line) {
		return Metadata{}, false
	}
	var room [8]string
	fields := room[:0]
	for _, sep := range bylineSeparators {
		if !strings.Contains(line, sep) {
			continue
		}
		for rest := line; len(fields) < len(room); {
			f, after, more := strings.Cut(rest, sep)
			fields = append(fields, strings.TrimSpace(f))
			if !more {
				break
			}
			rest = after
		}
		break
	}
	for i, f := range fields {
		if _, ok := ParseDate(f); !ok {
			continue
		}
		m := Metadata{Date: f}
		for j := i - 1; j >= 0; j-- {
			if isSourceName(fields[j]) {
				m.Source = fields[j]
				break
			}
		}
		return m, true
	}
	return Metadata{}, false
}

// isSourceName reports whether a byline field can name a publication:
// capitalised, short, and not the author's "By …".
func isSourceName(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	lower := strings.ToLower(f)
	return unicode.IsUpper(r) && len(f) <= 60 && !strings.HasPrefix(lower, "by ") && !strings.HasPrefix(lower, "updated")
}
