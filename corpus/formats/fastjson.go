package formats

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"parallax/corpus/internal/swar"
)

// decodeFast decodes one JSON value into what encoding/json, with
// UseNumber, decodes it into (maps, slices, strings, json.Number, bools,
// nil), using github.com/valyala/fastjson: eight times as fast on JSON
// Lines, where decoding took a quarter of the load. ok is false when the
// line is left to encoding/json: it is not one valid JSON value (then
// encoding/json says why, as before), it nests deeper than fastjson goes,
// or it is one of the lines where the two libraries could differ (see
// leftToEncodingJSON).
func decodeFast(p *fastjson.Parser, line []byte) (v any, ok bool) {
	if leftToEncodingJSON(line) {
		return nil, false
	}
	// Parsing comes first: it stops at fastjson.MaxDepth nested values,
	// and Validate, which has no such limit, would then overflow the
	// stack on a line of millions of "[", or take time growing with the
	// square of their number, rewrapping its error at every level.
	// Validate checks what Parse lets through (such as "01" or a missing
	// comma) in time proportional to the line.
	parsed, err := p.ParseBytes(line)
	if err != nil || fastjson.ValidateBytes(line) != nil {
		return nil, false
	}
	return anyOf(parsed), true
}

// leftToEncodingJSON reports a line that the fast path does not take:
//   - it holds a control character: encoding/json rejects one inside a
//     string, and fastjson's Validate misses one before an escape. Tabs
//     and carriage returns between values, which are valid, take the
//     slow path too;
//   - it has a \uD800 to \uDFFF escape, or text that looks like one: the
//     libraries decode a lone UTF-16 surrogate differently. Escaped pairs,
//     as Python's json.dumps writes emoji by default, take the slow path
//     too, which is correct and only slower.
func leftToEncodingJSON(line []byte) bool {
	const low7 = 0x7f * swar.Ones
	i := 0
	for ; i+8 <= len(line); i += 8 {
		x := swar.Load64(string(line[i : i+8]))
		controls := ^((x & low7) + (0x80-0x20)*swar.Ones) &^ x & swar.Highs // bytes under ' '
		if controls != 0 {
			return true
		}
	}
	for _, c := range line[i:] {
		if c < ' ' {
			return true
		}
	}
	for {
		u := bytes.Index(line, []byte(`\u`))
		if u < 0 || u+3 >= len(line) {
			return false
		}
		if c := line[u+3] | 0x20; line[u+2]|0x20 == 'd' && (c >= '8' && c <= '9' || c >= 'a' && c <= 'f') {
			return true
		}
		line = line[u+2:]
	}
}

// anyOf copies a parsed value out of the parser's memory, which the next
// line reuses, into the types encoding/json decodes to.
func anyOf(v *fastjson.Value) any {
	switch v.Type() {
	case fastjson.TypeObject:
		o, _ := v.Object()
		m := make(map[string]any, o.Len())
		o.Visit(func(k []byte, x *fastjson.Value) { m[coerceUTF8(k)] = anyOf(x) })
		return m
	case fastjson.TypeArray:
		a, _ := v.Array()
		list := make([]any, len(a))
		for i, x := range a {
			list[i] = anyOf(x)
		}
		return list
	case fastjson.TypeString:
		return coerceUTF8(v.GetStringBytes())
	case fastjson.TypeNumber:
		return json.Number(v.MarshalTo(nil)) // as written, like UseNumber
	case fastjson.TypeTrue:
		return true
	case fastjson.TypeFalse:
		return false
	}
	return nil
}

// validUTF8 copies a decoded string, each byte that is not part of valid
// UTF-8 made U+FFFD, as encoding/json does.
func coerceUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return string([]rune(string(b)))
}
