// Package formats turns the bytes of structured files (JSON Lines, JSON,
// saved HTML pages) into plain-text records with metadata.
//
// It knows nothing about terminals and does not sanitize control
// characters: the caller does that. It must not import parallax/corpus.
//
// Every Record.Text holds paragraphs separated by one blank line ("\n\n");
// a single "\n" inside a paragraph is a line break that belongs to it.
// All strings a parser returns are valid UTF-8.
package formats

// Record is one document found in a file.
type Record struct {
	Title, Source, Date, URL, ID string // metadata, "" when absent (Date as found in the file, trimmed)
	Text                         string // readable plain text: paragraphs separated by a blank line ("\n\n"); lines inside a paragraph kept
	Line                         int    // for JSON Lines: the 1-based line number of the record; 0 otherwise
}

// Fields names the JSON fields to read; an empty name means "detect".
type Fields struct{ Title, Text, Source, Date string }
