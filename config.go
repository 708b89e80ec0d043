package main

// The configuration file: the theme and the keys. Reading it never stops
// the reader; every problem becomes a one-line message and the defaults
// stay in force for whatever was wrong.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"parallax/ui"

	"charm.land/bubbles/v2/key"
	"github.com/pelletier/go-toml/v2"
)

// config is the effective configuration.
type config struct {
	Theme string    // "auto", "dark" or "light"
	Keys  ui.KeyMap // defaultKeyMap() with the file's rebindings applied
	Path  string    // the file read, "" when there is none
}

// themes are the accepted values of theme, the first being the default.
var themes = []string{"auto", "dark", "light"}

// listContextActions answer only while a list or prompt is open (palette,
// lens chooser, search prompt, help); every other action belongs to the
// reading context. Cancel (esc) answers in both. Keys must be unique
// within a context, not across contexts.
var listContextActions = map[string]bool{
	"ListUp": true, "ListDown": true, "Select": true, "Cancel": true, "PaletteOrder": true,
}

// bothContextActions answer in the list context and while reading.
var bothContextActions = map[string]bool{"Cancel": true}

// keyAction is one key.Binding field of ui.KeyMap.
type keyAction struct {
	Field string // the Go field name, "HalfPageDown"
	Name  string // its name in the file, "half_page_down"
	Index int    // the field index in ui.KeyMap
}

// configActions lists ui.KeyMap's key.Binding fields in declaration order,
// so a new action is configurable as soon as it is added to the struct.
func configActions() []keyAction {
	t := reflect.TypeFor[ui.KeyMap]()
	binding := reflect.TypeFor[key.Binding]()
	var out []keyAction
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type != binding || !f.IsExported() {
			continue
		}
		out = append(out, keyAction{Field: f.Name, Name: snakeCase(f.Name), Index: i})
	}
	return out
}

// snakeCase turns a Go identifier into its snake_case form: LineDown →
// line_down, HalfPageDown → half_page_down, OpenURL → open_url.
func snakeCase(s string) string {
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 {
			prev := r[i-1]
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// configPath is $XDG_CONFIG_HOME/parallax/config.toml, or
// ~/.config/parallax/config.toml; "" when neither variable is usable.
func configPath(getenv func(string) string) string {
	if d := getenv("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "parallax", "config.toml")
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "parallax", "config.toml")
	}
	return ""
}

// configMessage is one problem, at a line of the file (0: none known).
type configMessage struct {
	line int
	text string
}

// loadConfig reads the configuration file. Problems never stop the reader:
// each is returned as one message naming the file and line, and the
// defaults stay in force for what was wrong (a bad rebinding keeps that
// action's default; a conflict keeps the defaults of both actions).
func loadConfig(getenv func(string) string) (config, []string) {
	c := config{Theme: themes[0], Keys: defaultKeyMap()}
	path := configPath(getenv)
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, []string{fmt.Sprintf("%s: cannot read the configuration: %v", path, unwrapPathError(err))}
	}
	c.Path = path
	msgs := c.apply(data)
	sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].line < msgs[j].line })
	out := make([]string, len(msgs))
	for i, m := range msgs {
		if m.line > 0 {
			out[i] = fmt.Sprintf("%s:%d: %s", path, m.line, m.text)
		} else {
			out[i] = fmt.Sprintf("%s: %s", path, m.text)
		}
	}
	return c, out
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileType is the shape of the file: theme and one field per action under
// [keys], built by reflection so that unknown keys are reported by the
// decoder. Values are decoded as any so that a value of the wrong type is
// reported for that key alone instead of failing the whole file.
func fileType(actions []keyAction) reflect.Type {
	anyType := reflect.TypeFor[any]()
	keyFields := make([]reflect.StructField, len(actions))
	for i, a := range actions {
		keyFields[i] = reflect.StructField{
			Name: a.Field,
			Type: anyType,
			Tag:  reflect.StructTag(`toml:"` + a.Name + `"`),
		}
	}
	return reflect.StructOf([]reflect.StructField{
		{Name: "Theme", Type: anyType, Tag: `toml:"theme"`},
		{Name: "Keys", Type: reflect.PointerTo(reflect.StructOf(keyFields)), Tag: `toml:"keys"`},
	})
}

// apply decodes data onto c and returns the problems found.
func (c *config) apply(data []byte) []configMessage {
	actions := configActions()
	file := reflect.New(fileType(actions))
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(file.Interface())

	var msgs []configMessage
	var strict *toml.StrictMissingError
	var decode *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		// The rest of the file was decoded; only these keys are ignored.
		for _, e := range strict.Errors {
			line, _ := e.Position()
			msgs = append(msgs, configMessage{line, unknownKeyMessage(e.Key(), actions)})
		}
	case errors.As(err, &decode):
		// A syntax error, or [keys] that is not a table: nothing in the
		// file can be trusted.
		line, _ := decode.Position()
		text := strings.TrimPrefix(decode.Error(), "toml: ")
		if k := decode.Key(); len(k) == 1 && k[0] == "keys" && strings.HasPrefix(text, "cannot decode") {
			text = "keys must be a table of actions ([keys])"
		}
		return []configMessage{{line, text}}
	case err != nil:
		return []configMessage{{0, err.Error()}}
	}

	f := file.Elem()
	if v := f.FieldByName("Theme").Interface(); v != nil {
		if s, ok := v.(string); ok && isTheme(s) {
			c.Theme = s
		} else {
			msgs = append(msgs, configMessage{configKeyLine(data, "theme"),
				fmt.Sprintf("theme must be %s or %s, not %s",
					strings.Join(themes[:len(themes)-1], ", "), themes[len(themes)-1], describeValue(v))})
		}
	}
	if keys := f.FieldByName("Keys"); !keys.IsNil() {
		msgs = append(msgs, c.rebind(data, actions, keys.Elem())...)
	}
	return msgs
}

func isTheme(s string) bool {
	for _, t := range themes {
		if s == t {
			return true
		}
	}
	return false
}

// describeValue shows a decoded TOML value in a message.
func describeValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprint(v)
}

// rebind applies the [keys] table (decoded into keys) to c.Keys.
func (c *config) rebind(data []byte, actions []keyAction, keys reflect.Value) []configMessage {
	var msgs []configMessage
	defaults := defaultKeyMap()
	dv := reflect.ValueOf(defaults)
	defaultKeys := func(a keyAction) []string { return dv.Field(a.Index).Interface().(key.Binding).Keys() }

	rebound := map[int][]string{} // index into actions → valid new keys
	lines := map[int]int{}
	for i, a := range actions {
		v := keys.FieldByName(a.Field).Interface()
		if v == nil {
			continue
		}
		line := configKeyLine(data, "keys", a.Name)
		lines[i] = line
		ks, problem := keyList(v)
		if problem != "" {
			msgs = append(msgs, configMessage{line, "keys." + a.Name + " " + problem})
			continue
		}
		rebound[i] = ks
	}

	current := func(i int) []string {
		if ks, ok := rebound[i]; ok {
			return ks
		}
		return defaultKeys(actions[i])
	}
	// Find keys shared within a context and put both actions back to their
	// defaults; repeat, since a default may clash with another rebinding.
	// The defaults are conflict-free, so this ends.
	reported := map[[2]int]bool{}
	for {
		type clash struct {
			a, b int
			key  string
		}
		var clashes []clash
		for _, list := range []bool{false, true} {
			owner := map[string]int{}
			for i, a := range actions {
				inList := listContextActions[a.Field]
				if inList != list && !bothContextActions[a.Field] {
					continue
				}
				for _, k := range current(i) {
					o, dup := owner[k]
					if !dup {
						owner[k] = i
						continue
					}
					_, ro := rebound[o]
					_, ri := rebound[i]
					if ro || ri {
						clashes = append(clashes, clash{o, i, k})
					}
				}
			}
		}
		if len(clashes) == 0 {
			break
		}
		for _, cl := range clashes {
			pair := [2]int{cl.a, cl.b}
			if !reported[pair] {
				reported[pair] = true
				line := max(lines[cl.a], lines[cl.b])
				msgs = append(msgs, configMessage{line, fmt.Sprintf("key %q is bound to both %s and %s",
					cl.key, actions[cl.a].Name, actions[cl.b].Name)})
			}
			delete(rebound, cl.a)
			delete(rebound, cl.b)
		}
	}

	kv := reflect.ValueOf(&c.Keys).Elem()
	for i, ks := range rebound {
		a := actions[i]
		if slicesEqual(ks, defaultKeys(a)) {
			continue // keep the default's help label ("j/↓")
		}
		desc := dv.Field(a.Index).Interface().(key.Binding).Help().Desc
		b := key.NewBinding(key.WithKeys(ks...), key.WithHelp(strings.Join(ks, "/"), desc))
		kv.Field(a.Index).Set(reflect.ValueOf(b))
	}
	return msgs
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// keyList checks one action's value: a non-empty list of key names.
// Duplicates are dropped. problem completes "keys.NAME …".
func keyList(v any) (keys []string, problem string) {
	list, ok := v.([]any)
	if !ok {
		return nil, "must be a list of key names, like [\"j\", \"down\"], not " + describeValue(v)
	}
	if len(list) == 0 {
		return nil, "needs at least one key"
	}
	seen := map[string]bool{}
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, "must be a list of key names, like [\"j\", \"down\"], not a list holding " + describeValue(e)
		}
		switch {
		case s == "":
			return nil, "has an empty key name"
		case s == " ":
			return nil, `has " " as a key: write "space"`
		case strings.IndexFunc(s, unicode.IsSpace) >= 0:
			return nil, fmt.Sprintf("has %q, which is not a key name (names have no spaces: \"pgdown\", \"ctrl+d\")", s)
		}
		if !seen[s] {
			seen[s] = true
			keys = append(keys, s)
		}
	}
	return keys, ""
}

// unknownKeyMessage describes a key of the file that is not in the format.
func unknownKeyMessage(k toml.Key, actions []keyAction) string {
	if len(k) == 0 {
		return "unknown key"
	}
	name := k[len(k)-1]
	var known []string
	var where string
	switch {
	case len(k) == 2 && strings.EqualFold(k[0], "keys"):
		where = " in [keys]"
		for _, a := range actions {
			known = append(known, a.Name)
		}
	case len(k) == 1:
		known = []string{"theme", "keys"}
		for _, a := range actions {
			if strings.EqualFold(name, a.Name) {
				return fmt.Sprintf("unknown key %q (key bindings go under [keys])", name)
			}
		}
	default:
		return fmt.Sprintf("unknown key %q", strings.Join(k, "."))
	}
	msg := fmt.Sprintf("unknown key %q%s", name, where)
	best, bestDist := "", 3
	for _, kn := range known {
		if d := editDistance(strings.ToLower(name), kn); d < bestDist {
			best, bestDist = kn, d
		}
	}
	if best != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	}
	return msg
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// A TOML key: bare, "basic" or 'literal', possibly dotted.
const tomlKeyPart = `(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`

var (
	tomlTableLine = regexp.MustCompile(`^\s*\[\[?\s*(` + tomlKeyPart + `(?:\s*\.\s*` + tomlKeyPart + `)*)\s*\]\]?\s*(?:#.*)?$`)
	tomlKeyLine   = regexp.MustCompile(`^\s*(` + tomlKeyPart + `(?:\s*\.\s*` + tomlKeyPart + `)*)\s*=`)
	tomlPartRe    = regexp.MustCompile(tomlKeyPart)
)

// configKeyLine returns the 1-based line of data where the key at path
// (table names, then the key) is defined: "name = …" inside [table], or a
// dotted "table.name = …" outside it. Keys are compared as the decoder
// does, ignoring case. When the key itself is not found (say, inside an
// inline table), the line of its closest enclosing key is returned; 0 when
// there is none.
func configKeyLine(data []byte, path ...string) int {
	for n := len(path); n > 0; n-- {
		if line := findKeyLine(data, path[:n]); line > 0 {
			return line
		}
	}
	return 0
}

func findKeyLine(data []byte, path []string) int {
	var table []string
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if m := tomlTableLine.FindStringSubmatch(line); m != nil {
			table = splitTOMLKey(m[1])
			if pathEqual(table, path) {
				return i + 1
			}
			continue
		}
		if m := tomlKeyLine.FindStringSubmatch(line); m != nil {
			full := append(append([]string(nil), table...), splitTOMLKey(m[1])...)
			if pathEqual(full, path) {
				return i + 1
			}
		}
	}
	return 0
}

// splitTOMLKey splits a dotted key into its unquoted parts.
func splitTOMLKey(s string) []string {
	var parts []string
	for _, p := range tomlPartRe.FindAllString(s, -1) {
		switch {
		case strings.HasPrefix(p, `"`):
			if u, err := strconv.Unquote(p); err == nil {
				p = u
			} else {
				p = p[1 : len(p)-1]
			}
		case strings.HasPrefix(p, `'`):
			p = p[1 : len(p)-1]
		}
		parts = append(parts, p)
	}
	return parts
}

func pathEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// writeConfig prints c as a commented TOML file a user can start from:
// every action with its keys and its help text as a comment, and the
// theme with its choices.
func writeConfig(w io.Writer, c config) {
	theme := c.Theme
	if theme == "" {
		theme = themes[0]
	}
	var b strings.Builder
	b.WriteString(`# parallax configuration
#
# parallax reads this file from $XDG_CONFIG_HOME/parallax/config.toml, or
# ~/.config/parallax/config.toml. Every setting is optional: remove a line
# to get its default back. Problems are reported when parallax starts; the
# default stays in force for what was wrong.

# "auto" (from the terminal's background), "dark" or "light"
theme = ` + configQuote(theme) + `

[keys]
# Each action takes a list of keys, as Bubble Tea names them: "j", "down",
# "ctrl+p", "space", "pgdown", "G", "?". Two actions may not share a key,
# except that the list and prompt actions (palette, search prompt, help)
# may reuse keys of the reading actions.
`)
	actions := configActions()
	kv := reflect.ValueOf(c.Keys)
	dv := reflect.ValueOf(defaultKeyMap())
	type row struct{ setting, comment string }
	var reading, lists []row
	width := 0
	for _, a := range actions {
		bind := kv.Field(a.Index).Interface().(key.Binding)
		def := dv.Field(a.Index).Interface().(key.Binding)
		quoted := make([]string, len(bind.Keys()))
		for i, k := range bind.Keys() {
			quoted[i] = configQuote(k)
		}
		r := row{setting: a.Name + " = [" + strings.Join(quoted, ", ") + "]"}
		r.comment = def.Help().Desc
		if r.comment == "" {
			r.comment = bind.Help().Desc
		}
		if !slicesEqual(bind.Keys(), def.Keys()) {
			r.comment += " (default: " + strings.Join(def.Keys(), ", ") + ")"
		}
		if w := len([]rune(r.setting)); w > width && w <= 44 {
			width = w
		}
		if listContextActions[a.Field] {
			lists = append(lists, r)
		} else {
			reading = append(reading, r)
		}
	}
	put := func(title string, rows []row) {
		b.WriteString("\n# " + title + "\n")
		for _, r := range rows {
			pad := max(width-len([]rune(r.setting)), 0)
			b.WriteString(r.setting + strings.Repeat(" ", pad) + "  # " + r.comment + "\n")
		}
	}
	put("Reading", reading)
	put("Lists and prompts", lists)
	io.WriteString(w, b.String())
}

// configQuote writes s as a TOML basic string.
func configQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
