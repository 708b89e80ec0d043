package ui

import (
	"fmt"

	"parallax/corpus"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
)

// A large corpus is loaded in the background while the reader already
// shows its first document. The loader (started by package main) sends
// LoadProgressMsg and then one LoadDoneMsg on a channel; the reader waits
// on it with a command, so no I/O ever happens in Update.

// LoadProgressMsg reports how far the background load has come.
type LoadProgressMsg struct {
	Done, Total       int
	Bytes, TotalBytes int64
	// Skipped, when not nil, are the files the folder walk skipped: sent
	// with the totals when the walk outlasted the opening of the window.
	Skipped []corpus.Skipped
}

// FirstDocMsg carries the first document, read but not yet indexed, so
// that the reader can show it while the rest loads.
type FirstDocMsg struct {
	Doc *corpus.Document
}

// LoadDoneMsg carries the whole corpus, loaded and indexed, or the error
// that stopped the load.
type LoadDoneMsg struct {
	Corpus *corpus.Corpus
	Err    error
}

// Loading tells the reader that its corpus is only the first document and
// that the rest arrives on ch: progress reports, then a LoadDoneMsg.
// files and bytes are the totals the load will reach.
func Loading(ch <-chan tea.Msg, files int, bytes int64) Option {
	return func(m *Model) {
		m.load = &loadState{ch: ch, bar: progress.New(progress.WithWidth(20), progress.WithoutPercentage()),
			last: LoadProgressMsg{Total: files, TotalBytes: bytes}}
	}
}

// loadState is the background load as the reader sees it.
type loadState struct {
	ch   <-chan tea.Msg
	bar  progress.Model
	last LoadProgressMsg
}

// waitLoad returns the next message of the loader.
func waitLoad(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return LoadDoneMsg{Err: fmt.Errorf("loading stopped without a result")}
		}
		return msg
	}
}

// Err is the error that ended the reader, if any (a failed load).
func (m Model) Err() error { return m.loadErr }

// indexing reports (and says in the status line) whether the corpus is
// still loading, in which case the comparison features cannot answer yet.
func (m *Model) indexing() bool {
	if m.load == nil {
		return false
	}
	if m.load.finding() {
		m.status = "finding files… — this works once loading is done"
		return true
	}
	m.status = "indexing… " + m.load.summary() + " — this works once loading is done"
	return true
}

func (l *loadState) fraction() float64 {
	if l.last.TotalBytes > 0 {
		return min(1, float64(l.last.Bytes)/float64(l.last.TotalBytes))
	}
	if l.last.Total > 0 {
		return float64(l.last.Done) / float64(l.last.Total)
	}
	return 0
}

// finding says that the files are still being found: the folder walk
// outlasted the opening of the window, and the totals are not known yet.
func (l *loadState) finding() bool { return l.last.Total == 0 && l.last.TotalBytes == 0 }

func (l *loadState) summary() string {
	if l.finding() {
		return "finding files…"
	}
	return fmt.Sprintf("%s/%s files, %s of %s", // a JSON file holds many documents
		thousands(l.last.Done), thousands(l.last.Total), megabytes(l.last.Bytes), megabytes(l.last.TotalBytes))
}

// view is the footer's progress: a bar and the counts.
func (l *loadState) view(width int) string {
	if l.finding() {
		return " finding files… "
	}
	text := " indexing " + l.summary() + " "
	barWidth := min(20, width-len(text)-1)
	if barWidth < 5 {
		return text
	}
	l.bar.SetWidth(barWidth)
	return text + l.bar.ViewAs(l.fraction())
}

func megabytes(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

// showFirst puts the first document on screen while the rest loads.
func (m *Model) showFirst(doc *corpus.Document) {
	if len(m.corpus.Docs) > 0 {
		return
	}
	c := *m.corpus
	c.Docs = []*corpus.Document{doc}
	m.corpus = &c
	m.panes[0].empty = ""
	m.panes[0].open(doc)
	m.relayout()
}

// finishLoad takes the whole corpus: the documents already on screen stay
// where they are (they are the same documents), the second pane gets a
// document if it had none, and the comparison features come alive.
func (m *Model) finishLoad(msg LoadDoneMsg) tea.Cmd {
	if msg.Err != nil {
		m.loadErr = msg.Err
		return tea.Quit
	}
	m.corpus = msg.Corpus
	m.load = nil
	if m.panes[0].doc == nil && len(m.corpus.Docs) > 0 {
		m.panes[0].empty = ""
		m.panes[0].open(m.corpus.Docs[0])
	}
	if m.panes[1].doc == nil && len(m.corpus.Docs) > 1 {
		m.panes[1].empty = ""
		m.panes[1].open(m.corpus.Docs[1])
		m.relayout()
	} else if len(m.corpus.Docs) < 2 {
		m.panes[1].empty = singleDocument
	}
	m.status = fmt.Sprintf("loaded %s documents", thousands(len(m.corpus.Docs)))
	m.applySession()
	if m.mode == modePalette { // an open palette gets the whole list
		q := m.palette.input.Value()
		cmd := m.palette.open(paletteItems(m.corpus, m.focused().doc, m.lens))
		m.palette.input.SetValue(q)
		m.palette.filter()
		m.sortPalette()
		return cmd
	}
	return nil
}

// paletteLoadingNote says in the palette's title that the list is not
// whole yet. The status bar below counts the progress: numbers here
// would stop at the moment the palette opened.
func (m *Model) paletteLoadingNote() {
	if m.load != nil {
		m.palette.note = "indexing…"
	}
}
