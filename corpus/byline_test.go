package corpus

import (
	"strings"
	"testing"
)

func TestBylineMetadata(t *testing.T) {
	for _, tc := range []struct {
		text         string
		source, date string
	}{
		{"Floodgate fails\n\nMeridian Press · 14 March 2026\n\nBody.", "Meridian Press", "14 March 2026"},
		{"Title\n\nBy Ayla Jessup · Meridian Press · 18 February 2026\n\nBody.", "Meridian Press", "18 February 2026"},
		{"Title\nThe Civic Herald | March 14, 2026\n\nBody.", "The Civic Herald", "March 14, 2026"},
		{"Title\n\nBy Ayla Jessup · 2026-02-18\n\nBody.", "", "2026-02-18"},
		// Not bylines: no separator, no date, or too far down.
		{"Title\n\nMARROWBY, 14 March (Meridian) - About 4,200 residents.", "", ""},
		{"Title\n\nRain · wind · floods\n\nBody.", "", ""},
		{"Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nMeridian Press · 14 March 2026", "", ""},
		{"Title\n\n" + strings.Repeat("word ", 40) + "· 14 March 2026", "", ""},
	} {
		d := Parse("a.txt", []byte(tc.text))
		if d.Source != tc.source || d.Date != tc.date {
			t.Errorf("%q: source %q date %q, want %q %q", tc.text, d.Source, d.Date, tc.source, tc.date)
		}
	}
}

func FuzzBylineMetadata(f *testing.F) {
	f.Add("Title\n\nBy A · Meridian Press · 18 February 2026\n\nBody.")
	f.Add("x | 2026-01-02 | \x1b[31mred\x1b[0m")
	f.Fuzz(func(t *testing.T, text string) {
		d := Parse("a.txt", []byte(text))
		for _, s := range []string{d.Source, d.Date} {
			if strings.ContainsAny(s, "\x1b\n\r\t\x00") || len(s) > maxBylineBytes {
				t.Fatalf("metadata %q from %q", s, text)
			}
		}
	})
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2026-03-14", "2026-03-14T09:30:00Z", "2026/03/14", "14 March 2026", "14 Mar 2026",
		"March 14, 2026", "Mar 14, 2026", "Mar. 14, 2026", "Saturday, March 14, 2026", "Saturday 14 March 2026",
		"Sat, 14 Mar 2026 09:30:00 GMT"} {
		if _, ok := ParseDate(s); !ok {
			t.Errorf("ParseDate(%q) failed", s)
		}
	}
	for _, s := range []string{"", "Meridian Press", "By Ayla Jessup", "14 March", "Gate 3", "2026 budget"} {
		if _, ok := ParseDate(s); ok {
			t.Errorf("ParseDate(%q) read a date", s)
		}
	}
}
