package corpus

import (
	"bufio"
	"fmt"

	"parallax/corpus/formats"
)

// The records of JSON and JSON Lines files are indexed in batches that
// every worker of Load takes in turn, once every file is read: a dataset
// is often one large file, which one worker alone would otherwise read,
// decode and index. A JSON Lines file's lines are only read by the worker
// that opens it, and decoded in the batches too.

// isRecordFile reports a JSON or JSON Lines file, whose records Load
// indexes in shared batches.
func isRecordFile(name string) bool {
	f := formatOf(name)
	return f == formatJSONLines || f == formatJSON
}

// recordBatch is some records of one file for one worker to index: the
// documents results[result].docs[from:to] already read (from a JSON file,
// or by First), or lines of a JSON Lines file to decode first, whose
// documents go in made.
type recordBatch struct {
	result, from, to int
	lines            *lineBatch
	made             result
	size             int64 // bytes of text
	// counted says that the documents' words are counted: First read
	// them, and the reader may be showing one (Words must not be written).
	counted bool
}

// batchBytes is about how much text a batch of records holds: enough that
// workers take batches far less often than they look words up, little
// enough that they finish together.
const batchBytes = 256 << 10

// waitsForBatches reports a file whose records Load indexes in batches:
// a record file with lines still to decode, or documents read but not
// indexed.
func waitsForBatches(name string, r result, lines []*lineBatch) bool {
	return isRecordFile(name) && (len(lines) > 0 || len(r.docs) > len(r.analyses))
}

// listBatches lists, in order, the batches of records that wait for
// indexing, and where each result's are in the list; it makes room for
// the analyses of the documents already read. The first firstRead
// results are the files First read, whose words are counted already.
func listBatches(sources []source, results []result, lines [][]*lineBatch, firstRead int) (list []recordBatch, spans [][2]int) {
	spans = make([][2]int, len(results))
	for i := range results {
		spans[i][0] = len(list)
		r := &results[i]
		switch {
		case !waitsForBatches(sources[i].display, *r, lines[i]):
		case len(lines[i]) > 0:
			for _, l := range lines[i] {
				list = append(list, recordBatch{result: i, lines: l, size: int64(len(l.data))})
			}
		default:
			r.analyses = make([]*analysis, len(r.docs))
			b := recordBatch{result: i, counted: i < firstRead}
			for j, d := range r.docs {
				b.size += int64(d.bytes)
				if b.size >= batchBytes || j == len(r.docs)-1 {
					b.to = j + 1
					list = append(list, b)
					b = recordBatch{result: i, from: j + 1, counted: i < firstRead}
				}
			}
		}
		spans[i][1] = len(list)
	}
	return list, spans
}

// index indexes the batch's records (decoding its lines first, if it has
// any) with t. It returns why it could not (an internal error, a panic):
// the whole file is then skipped, as safeParse skips a file that fails,
// though the batches of it already indexed stay in the corpus statistics
// (their paragraph vectors are gone, so they cannot be taken out).
func (b *recordBatch) index(t *termizer, d *formats.LineDecoder, s source, fields formats.Fields, r *result) (failure string) {
	defer func() {
		if p := recover(); p != nil {
			failure = SanitizeName(fmt.Sprintf("internal error while indexing: %v", p))
		}
	}()
	t.startFile()
	if b.lines != nil {
		b.made = decodeLines(s, fields, b.lines, d, t)
		b.lines.data = nil // decoded: the lines are not needed again
		return ""
	}
	for j := b.from; j < b.to; j++ {
		a := t.analyze(r.docs[j])
		if !b.counted {
			r.docs[j].Words = a.words
		}
		r.analyses[j] = a
	}
	return ""
}

// analyses are the analyses of the batch's documents, once indexed; r is
// the batch's result.
func (b *recordBatch) analyses(r *result) []*analysis {
	if b.lines != nil {
		return b.made.analyses
	}
	return r.analyses[b.from:b.to]
}

// lineBatch is some lines of a JSON Lines file, end to end, with their
// numbers: Load reads a file's lines on one worker and decodes and
// indexes them in batches that every worker shares.
type lineBatch struct {
	data []byte
	ends []int // where each line ends in data
	nums []int // each line's number in the file
}

// readLines reads the lines of a JSON Lines file into batches of about
// batchBytes. The result holds only what skips the file, or why reading
// stopped.
func readLines(s source) (r result, batches []*lineBatch) {
	// Batches grow as lines come: every file is read before any batch is
	// decoded, and a folder may hold thousands of one-line files.
	b := &lineBatch{}
	r = eachLine(s, func(n int, line []byte) bool {
		b.data = append(b.data, line...)
		b.ends, b.nums = append(b.ends, len(b.data)), append(b.nums, n)
		if len(b.data) >= batchBytes {
			batches, b = append(batches, b), &lineBatch{}
		}
		return true
	})
	if len(b.ends) > 0 {
		batches = append(batches, b)
	}
	if len(batches) == 0 && len(r.skips) == 0 {
		return skipResult(s, "empty"), nil
	}
	return r, batches
}

// eachLine calls fn with the lines of a JSON Lines file (see
// formats.Lines) and returns what skips the file (it cannot be opened, it
// is binary) or says why reading stopped early.
func eachLine(s source, fn func(n int, line []byte) bool) (r result) {
	defer func() {
		if p := recover(); p != nil { // as safeParse does for other files
			r = skipResult(s, SanitizeName(fmt.Sprintf("internal error while reading: %v", p)))
		}
	}()
	rc, err := s.open()
	if err != nil {
		return skipResult(s, describe(err))
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	if head, _ := br.Peek(binarySniff); looksBinary(head) {
		return skipResult(s, "binary")
	}
	if err := formats.Lines(br, fn); err != nil {
		r.skips = append(r.skips, Skipped{Path: SanitizeName(s.display), Reason: "read failed: " + SanitizeName(describe(err))})
	}
	return r
}

// decodeLines makes the documents of a batch of lines, indexed by t (see
// analyzeNew).
func decodeLines(s source, fields formats.Fields, b *lineBatch, d *formats.LineDecoder, t *termizer) (r result) {
	start := 0
	for k, end := range b.ends {
		r.addLine(s, fields, d, b.nums[k], b.data[start:end], t)
		start = end
	}
	return r
}

// addLine adds the document of line n of a JSON Lines file, indexed by t,
// or the reason it has none.
func (r *result) addLine(s source, fields formats.Fields, d *formats.LineDecoder, n int, line []byte, t *termizer) {
	d.Decode(line, n, fields,
		func(rec formats.Record) { r.addRecord(s, fmt.Sprintf("%s:%d", s.display, n), rec, t) },
		func(n int, reason string) { r.addBad(s, ":", n, reason) })
}

// readRecords reads and decodes a JSON Lines file on one goroutine,
// indexing its documents with t (see analyzeNew); with onlyFirst, it
// stops at the first document.
func readRecords(s source, fields formats.Fields, t *termizer, onlyFirst bool) result {
	var r result
	var d formats.LineDecoder
	lines := 0
	own := eachLine(s, func(n int, line []byte) bool {
		lines++
		r.addLine(s, fields, &d, n, line, t)
		return !onlyFirst || len(r.docs) == 0
	})
	if lines == 0 && len(own.skips) == 0 {
		return skipResult(s, "empty")
	}
	r.skips = append(r.skips, own.skips...)
	return r
}

// firstRecord reads and decodes a JSON Lines file only until a document
// comes, and returns it (not indexed); or, when none comes, what Load
// would make of the file: the reasons every line, or the file, was
// skipped.
func firstRecord(s source, fields formats.Fields) (*Document, result) {
	r := readRecords(s, fields, nil, true)
	if len(r.docs) == 0 {
		return nil, r
	}
	return r.docs[0], result{}
}

// joinLineBatches is the result of a JSON Lines file from what its
// batches made, in order; own, the file's own result, says only why
// reading stopped, if it did.
func joinLineBatches(batches []recordBatch, own result) result {
	var r result
	for _, b := range batches {
		r.docs = append(r.docs, b.made.docs...)
		r.analyses = append(r.analyses, b.made.analyses...)
		r.skips = append(r.skips, b.made.skips...)
	}
	r.skips = append(r.skips, own.skips...)
	return r
}
