package corpus

import (
	"strings"
	"testing"
)

func TestFoldRepeats(t *testing.T) {
	type rep struct{ occ, total int } // {0,0}: no Repeat
	tests := []struct {
		name  string
		texts []string
		want  []rep
	}{
		{"none", []string{"a", "b", "c"}, []rep{{}, {}, {}}},
		{"twice is not folded", []string{"Share this", "x", "Share this"}, []rep{{}, {}, {}}},
		{"three times", []string{"Share this", "x", "Share this", "y", "Share this"}, []rep{{1, 3}, {}, {2, 3}, {}, {3, 3}}},
		{"adjacent", []string{"Ad", "Ad", "Ad", "Ad"}, []rep{{1, 4}, {2, 4}, {3, 4}, {4, 4}}},
		{"white space and case differ",
			[]string{"Learn to use AI  like a Pro", "body", "learn to use ai like a pro", "LEARN TO USE AI\nLIKE A PRO", "\tLearn   to use AI like a Pro  "},
			[]rep{{1, 4}, {}, {2, 4}, {3, 4}, {4, 4}}},
		{"two blocks interleaved",
			[]string{"A", "B", "x", "A", "B", "y", "A", "B", "B"},
			[]rep{{1, 3}, {1, 4}, {}, {2, 3}, {2, 4}, {}, {3, 3}, {3, 4}, {4, 4}}},
		{"different words are different", []string{"Subscribe now", "Subscribe today", "Subscribe now!"}, []rep{{}, {}, {}}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make([]Paragraph, len(tt.texts))
			for i, text := range tt.texts {
				got[i].Text = text
			}
			foldRepeats(got)
			if len(got) != len(tt.want) {
				t.Fatalf("foldRepeats returned %d paragraphs, want %d", len(got), len(tt.want))
			}
			for i, p := range got {
				if p.Text != tt.texts[i] {
					t.Errorf("paragraph %d text = %q, want %q (unchanged)", i, p.Text, tt.texts[i])
				}
				w := tt.want[i]
				if w == (rep{}) {
					if p.Repeat != nil {
						t.Errorf("paragraph %d (%q) has Repeat %+v, want none", i, p.Text, *p.Repeat)
					}
					if p.Hidden() {
						t.Errorf("paragraph %d hidden", i)
					}
					continue
				}
				if p.Repeat == nil {
					t.Errorf("paragraph %d (%q) has no Repeat, want %d of %d", i, p.Text, w.occ, w.total)
					continue
				}
				if p.Repeat.Occurrence != w.occ || p.Repeat.Total != w.total {
					t.Errorf("paragraph %d (%q) Repeat = %d of %d, want %d of %d", i, p.Text, p.Repeat.Occurrence, p.Repeat.Total, w.occ, w.total)
				}
				if p.Hidden() != (w.occ > 1) {
					t.Errorf("paragraph %d Hidden() = %v, want %v", i, p.Hidden(), w.occ > 1)
				}
			}
		})
	}
}

func TestParseFoldsBoilerplate(t *testing.T) {
	var b strings.Builder
	b.WriteString("Floodgate Fails in Marrowby\n\n")
	for i := range 4 {
		b.WriteString("Article paragraph number ")
		b.WriteByte(byte('A' + i))
		b.WriteString(".\n\nSubscribe to our newsletter\n\n")
	}
	doc := Parse("x.txt", []byte(b.String()))
	visible, hidden := 0, 0
	for _, p := range doc.Paragraphs {
		if p.Text != "Subscribe to our newsletter" {
			if p.Repeat != nil {
				t.Errorf("%q marked as repeat", p.Text)
			}
			continue
		}
		if p.Repeat == nil || p.Repeat.Total != 4 {
			t.Fatalf("repeat of %q = %+v, want total 4", p.Text, p.Repeat)
		}
		if p.Hidden() {
			hidden++
		} else {
			visible++
		}
	}
	if visible != 1 || hidden != 3 {
		t.Errorf("visible %d hidden %d, want 1 and 3", visible, hidden)
	}
	// Folding hides nothing from the word count.
	if doc.Words != 4+4*4+4*4 {
		t.Errorf("words = %d, want %d", doc.Words, 4+4*4+4*4)
	}
}
