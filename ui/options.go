package ui

// The options package main gives the reader (see also Loading,
// WithSession and WithExport next to what they configure).

// Option configures a reader.
type Option func(*Model)

// WithNotice shows a one-line message in the status line at start (for
// example, that the saved session could not be restored).
func WithNotice(msg string) Option {
	return func(m *Model) { m.status = msg }
}

// WithTheme picks the palette: "dark", "light", or "auto" (the default:
// from the terminal's background colour). noColor drops every colour.
func WithTheme(theme string, noColor bool) Option {
	return func(m *Model) { m.theme, m.noColor = theme, noColor }
}
