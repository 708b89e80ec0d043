package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"parallax/ui"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// cfgEnv is a getenv with only the given variables set.
func cfgEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// cfgInstall writes content as $dir/parallax/config.toml and returns dir,
// to be used as XDG_CONFIG_HOME.
func cfgInstall(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "parallax"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "parallax", "config.toml"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// cfgFixture loads testdata/config/name as the configuration file.
func cfgFixture(t *testing.T, name string) (config, []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "config", name))
	if err != nil {
		t.Fatal(err)
	}
	return cfgLoad(t, string(data))
}

func cfgLoad(t *testing.T, content string) (config, []string) {
	t.Helper()
	dir := cfgInstall(t, content)
	c, msgs := loadConfig(cfgEnv(map[string]string{"XDG_CONFIG_HOME": dir, "HOME": t.TempDir()}))
	if want := filepath.Join(dir, "parallax", "config.toml"); c.Path != want {
		t.Errorf("Path = %q, want %q", c.Path, want)
	}
	return c, msgs
}

// cfgKey is the key press Bubble Tea reports for a key name.
func cfgKey(name string) tea.KeyPressMsg {
	switch name {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	if k, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(k)[0], Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	if unicode.IsUpper(r) {
		return tea.KeyPressMsg{Code: unicode.ToLower(r), ShiftedCode: r, Mod: tea.ModShift, Text: name}
	}
	return tea.KeyPressMsg{Code: r, Text: name}
}

// cfgOneMessage checks that msgs is a single message at line of the
// file, containing every one of parts.
func cfgOneMessage(t *testing.T, msgs []string, line string, parts ...string) {
	t.Helper()
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1: %q", len(msgs), msgs)
	}
	m := msgs[0]
	if !strings.Contains(m, "config.toml:"+line+": ") {
		t.Errorf("message %q is not at config.toml:%s", m, line)
	}
	for _, p := range parts {
		if !strings.Contains(m, p) {
			t.Errorf("message %q does not mention %q", m, p)
		}
	}
	if strings.Contains(m, "\n") {
		t.Errorf("message %q is not one line", m)
	}
}

func cfgSameKeys(t *testing.T, got, want ui.KeyMap) {
	t.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for _, a := range configActions() {
		g := gv.Field(a.Index).Interface().(key.Binding)
		w := wv.Field(a.Index).Interface().(key.Binding)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s = %q %+v, want %q %+v", a.Name, g.Keys(), g.Help(), w.Keys(), w.Help())
		}
	}
}

func TestConfigMissingFileGivesDefaults(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"empty XDG dir":   {"XDG_CONFIG_HOME": t.TempDir()},
		"empty HOME":      {"HOME": t.TempDir()},
		"no variable set": {},
	} {
		c, msgs := loadConfig(cfgEnv(env))
		if len(msgs) != 0 {
			t.Errorf("%s: messages %q", name, msgs)
		}
		if c.Path != "" || c.Theme != "auto" {
			t.Errorf("%s: Path %q, Theme %q", name, c.Path, c.Theme)
		}
		cfgSameKeys(t, c.Keys, defaultKeyMap())
	}
}

func TestConfigPaths(t *testing.T) {
	xdg := cfgInstall(t, `theme = "dark"`)
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".config", "parallax"), 0o755); err != nil {
		t.Fatal(err)
	}
	homeFile := filepath.Join(home, ".config", "parallax", "config.toml")
	if err := os.WriteFile(homeFile, []byte(`theme = "light"`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		env       map[string]string
		path      string
		wantTheme string
	}{
		{"XDG_CONFIG_HOME wins", map[string]string{"XDG_CONFIG_HOME": xdg, "HOME": home},
			filepath.Join(xdg, "parallax", "config.toml"), "dark"},
		{"HOME when XDG_CONFIG_HOME is unset", map[string]string{"HOME": home}, homeFile, "light"},
		{"HOME when XDG_CONFIG_HOME is relative", map[string]string{"XDG_CONFIG_HOME": "rel/dir", "HOME": home},
			homeFile, "light"},
		// Like os.UserConfigDir: XDG_CONFIG_HOME replaces ~/.config.
		{"no fallback from an XDG dir without the file", map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "HOME": home},
			"", "auto"},
	}
	for _, tt := range tests {
		c, msgs := loadConfig(cfgEnv(tt.env))
		if len(msgs) != 0 {
			t.Errorf("%s: messages %q", tt.name, msgs)
		}
		if c.Path != tt.path || c.Theme != tt.wantTheme {
			t.Errorf("%s: Path %q, Theme %q; want %q, %q", tt.name, c.Path, c.Theme, tt.path, tt.wantTheme)
		}
	}
}

func TestConfigUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	// A directory where the file should be.
	if err := os.MkdirAll(filepath.Join(dir, "parallax", "config.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	c, msgs := loadConfig(cfgEnv(map[string]string{"XDG_CONFIG_HOME": dir}))
	if len(msgs) != 1 || !strings.Contains(msgs[0], "config.toml") {
		t.Errorf("messages %q, want one naming the file", msgs)
	}
	if c.Theme != "auto" {
		t.Errorf("Theme %q", c.Theme)
	}
	cfgSameKeys(t, c.Keys, defaultKeyMap())
}

func TestConfigGoodFileRebinds(t *testing.T) {
	c, msgs := cfgFixture(t, "good.toml")
	if len(msgs) != 0 {
		t.Fatalf("messages %q", msgs)
	}
	if c.Theme != "light" {
		t.Errorf("Theme %q, want light", c.Theme)
	}
	for _, k := range []string{"x", "z"} {
		if !key.Matches(cfgKey(k), c.Keys.Swap) {
			t.Errorf("%s does not swap", k)
		}
	}
	if key.Matches(cfgKey("s"), c.Keys.Swap) {
		t.Error("s still swaps")
	}
	if !key.Matches(cfgKey("Q"), c.Keys.Quit) {
		t.Error("Q does not quit")
	}
	for _, k := range []string{"q", "ctrl+c"} {
		if key.Matches(cfgKey(k), c.Keys.Quit) {
			t.Errorf("%s still quits", k)
		}
	}
	def := defaultKeyMap()
	if h := c.Keys.Swap.Help(); h.Key != "x/z" || h.Desc != def.Swap.Help().Desc {
		t.Errorf("swap help %+v, want x/z and the default description", h)
	}
	if h := c.Keys.Quit.Help(); h.Key != "Q" || h.Desc != def.Quit.Help().Desc {
		t.Errorf("quit help %+v", h)
	}
	// Everything else is untouched.
	want := def
	want.Swap, want.Quit = c.Keys.Swap, c.Keys.Quit
	cfgSameKeys(t, c.Keys, want)
}

func TestConfigTheme(t *testing.T) {
	for _, theme := range []string{"light", "dark", "auto"} {
		c, msgs := cfgLoad(t, "theme = \""+theme+"\"\n")
		if len(msgs) != 0 || c.Theme != theme {
			t.Errorf("theme %s: got %q, messages %q", theme, c.Theme, msgs)
		}
	}
	c, msgs := cfgLoad(t, "# nothing but a comment\n")
	if len(msgs) != 0 || c.Theme != "auto" {
		t.Errorf("no theme: got %q, messages %q", c.Theme, msgs)
	}
}

func TestConfigBadTheme(t *testing.T) {
	c, msgs := cfgFixture(t, "badtheme.toml")
	cfgOneMessage(t, msgs, "4", `theme must be auto, dark or light, not "blue"`)
	if c.Theme != "auto" {
		t.Errorf("Theme %q, want the default", c.Theme)
	}
	if !key.Matches(cfgKey("x"), c.Keys.Swap) {
		t.Error("the rest of the file was not applied")
	}
}

func TestConfigUnknownKey(t *testing.T) {
	c, msgs := cfgFixture(t, "unknown.toml")
	cfgOneMessage(t, msgs, "6", `unknown key "lin_down"`, `"line_down"`)
	if c.Theme != "dark" || !key.Matches(cfgKey("x"), c.Keys.Swap) {
		t.Errorf("the rest of the file was not applied: theme %q, swap %q", c.Theme, c.Keys.Swap.Keys())
	}
	cfgSameKeys(t, ui.KeyMap{LineDown: c.Keys.LineDown}, ui.KeyMap{LineDown: defaultKeyMap().LineDown})

	_, msgs = cfgLoad(t, "theme = \"dark\"\nquit = [\"Q\"]\n\n[colours]\nfg = 1\n")
	if len(msgs) != 2 ||
		!strings.Contains(msgs[0], "config.toml:2: ") || !strings.Contains(msgs[0], "[keys]") ||
		!strings.Contains(msgs[1], `config.toml:4: unknown key "colours"`) {
		t.Errorf("messages %q", msgs)
	}
}

func TestConfigConflict(t *testing.T) {
	c, msgs := cfgFixture(t, "conflict.toml")
	cfgOneMessage(t, msgs, "6", `key "x" is bound to both swap and related`)
	def := defaultKeyMap()
	cfgSameKeys(t, ui.KeyMap{Swap: c.Keys.Swap, Related: c.Keys.Related}, ui.KeyMap{Swap: def.Swap, Related: def.Related})
	if key.Matches(cfgKey("x"), c.Keys.Swap) || key.Matches(cfgKey("x"), c.Keys.Related) {
		t.Error("x is still bound")
	}
	// What did not conflict is applied, including a reading key reused in
	// the list context.
	if !key.Matches(cfgKey("Q"), c.Keys.Quit) || !key.Matches(cfgKey("j"), c.Keys.ListDown) {
		t.Errorf("quit %q, list_down %q", c.Keys.Quit.Keys(), c.Keys.ListDown.Keys())
	}
}

func TestConfigConflictContexts(t *testing.T) {
	tests := []struct {
		file  string
		parts []string // "" when there is no conflict
	}{
		// Within the list context.
		{"[keys]\nlist_up = [\"ctrl+t\"]\n", []string{"config.toml:2: ", `"ctrl+t"`, "list_up", "palette_order"}},
		// Cancel answers while reading too.
		{"[keys]\n\nquit = [\"esc\"]\n", []string{"config.toml:3: ", `"esc"`, "cancel", "quit"}},
		// Same key in two contexts.
		{"[keys]\nselect = [\"q\"]\n", nil},
		// A default coming back can clash with another rebinding.
		{"[keys]\nswap = [\"x\"]\nrelated = [\"x\"]\nalign = [\"r\"]\n",
			[]string{"config.toml:4: ", `"r"`, "align", "related"}},
	}
	for _, tt := range tests {
		c, msgs := cfgLoad(t, tt.file)
		if tt.parts == nil {
			if len(msgs) != 0 {
				t.Errorf("%q: messages %q", tt.file, msgs)
			}
			continue
		}
		found := false
		for _, m := range msgs {
			ok := true
			for _, p := range tt.parts {
				ok = ok && strings.Contains(m, p)
			}
			found = found || ok
		}
		if !found {
			t.Errorf("%q: messages %q, want one with %q", tt.file, msgs, tt.parts)
		}
		// Whatever is left has no conflict.
		if _, again := cfgLoadKeys(t, c.Keys); len(again) != 0 {
			t.Errorf("%q: effective keys still conflict: %q", tt.file, again)
		}
	}
}

// cfgLoadKeys writes km and loads it back.
func cfgLoadKeys(t *testing.T, km ui.KeyMap) (config, []string) {
	t.Helper()
	var buf bytes.Buffer
	writeConfig(&buf, config{Theme: "auto", Keys: km})
	return cfgLoad(t, buf.String())
}

func TestConfigSyntaxError(t *testing.T) {
	c, msgs := cfgFixture(t, "syntax.toml")
	cfgOneMessage(t, msgs, "5")
	if c.Theme != "auto" {
		t.Errorf("Theme %q: a file with a syntax error must be ignored", c.Theme)
	}
	cfgSameKeys(t, c.Keys, defaultKeyMap())
}

func TestConfigWrongTypes(t *testing.T) {
	c, msgs := cfgFixture(t, "wrongtype.toml")
	if len(msgs) != 3 {
		t.Fatalf("messages %q, want 3", msgs)
	}
	for i, want := range []string{
		"config.toml:2: theme must be auto, dark or light, not 3",
		"config.toml:5: keys.quit must be a list of key names",
		"config.toml:7: keys.help must be a list of key names",
	} {
		if !strings.Contains(msgs[i], want) {
			t.Errorf("message %d = %q, want %q", i, msgs[i], want)
		}
	}
	def := defaultKeyMap()
	cfgSameKeys(t, ui.KeyMap{Quit: c.Keys.Quit, Help: c.Keys.Help}, ui.KeyMap{Quit: def.Quit, Help: def.Help})
	if c.Theme != "auto" || !key.Matches(cfgKey("x"), c.Keys.Swap) {
		t.Errorf("theme %q, swap %q", c.Theme, c.Keys.Swap.Keys())
	}

	for file, want := range map[string]string{
		"[keys]\nquit = []\n":             "config.toml:2: keys.quit needs at least one key",
		"[keys]\nquit = [\"\"]\n":         "config.toml:2: keys.quit has an empty key name",
		"[keys]\n\nswap = [\"x\", \" \"]": `config.toml:3: keys.swap has " " as a key: write "space"`,
		"[keys]\nswap = [\"page down\"]":  `config.toml:2: keys.swap has "page down", which is not a key name`,
		"[keys.quit]\nkey = \"x\"\n":      "config.toml:1: keys.quit must be a list of key names",
		"keys = 3\n":                      "config.toml:1: keys must be a table",
	} {
		c, msgs := cfgLoad(t, file)
		cfgOneMessage(t, msgs, want[len("config.toml:"):strings.Index(want, ": ")], want[strings.Index(want, ": ")+2:])
		cfgSameKeys(t, c.Keys, defaultKeyMap())
	}
}

func TestConfigLineOfKey(t *testing.T) {
	file := `# comment: theme = "x"
theme = "dark"
keys.quit = ["Q"]

[other]
swap = 1

[ keys ] # the keys
"line_down"=["J"]
  'line_up' = [
    "K",
  ]
Page_Down = ["f"]
inline = { a = 1 }

[[other.list]]
help = 1
`
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"theme"}, 2},
		{[]string{"keys", "quit"}, 3},
		{[]string{"other", "swap"}, 6},
		{[]string{"keys"}, 8},
		{[]string{"keys", "line_down"}, 9},
		{[]string{"keys", "line_up"}, 10},
		{[]string{"keys", "page_down"}, 13},   // keys are matched ignoring case, like the decoder
		{[]string{"keys", "inline", "a"}, 14}, // the enclosing key
		{[]string{"keys", "swap"}, 8},         // not in the file: its table
		{[]string{"keys", "help"}, 8},
		{[]string{"other", "list", "help"}, 17},
		{[]string{"missing"}, 0},
	}
	for _, tt := range tests {
		if got := configKeyLine([]byte(file), tt.path...); got != tt.want {
			t.Errorf("configKeyLine(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

func TestConfigActionNames(t *testing.T) {
	for in, want := range map[string]string{
		"LineDown": "line_down", "HalfPageDown": "half_page_down", "SwitchFocus": "switch_focus",
		"PaletteOrder": "palette_order", "Quit": "quit", "OpenURL": "open_url", "URLOpen": "url_open",
		"Tab2Next": "tab2_next",
	} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}

	// Every key.Binding field of ui.KeyMap has a name, and names and
	// fields correspond one to one.
	actions := configActions()
	byField := map[string]string{}
	byName := map[string]string{}
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for _, a := range actions {
		if !snake.MatchString(a.Name) {
			t.Errorf("%s has no snake_case name (%q)", a.Field, a.Name)
		}
		if other, dup := byName[a.Name]; dup {
			t.Errorf("%s and %s are both called %q", other, a.Field, a.Name)
		}
		if _, dup := byField[a.Field]; dup {
			t.Errorf("%s is listed twice", a.Field)
		}
		byName[a.Name], byField[a.Field] = a.Field, a.Name
		if camel := strings.ReplaceAll(a.Name, "_", ""); !strings.EqualFold(camel, a.Field) {
			t.Errorf("%q does not read back as %s", a.Name, a.Field)
		}
	}
	typ := reflect.TypeFor[ui.KeyMap]()
	n := 0
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type != reflect.TypeFor[key.Binding]() {
			continue
		}
		n++
		if _, ok := byField[f.Name]; !ok {
			t.Errorf("ui.KeyMap.%s cannot be configured", f.Name)
		}
	}
	if n != len(actions) || n < 20 {
		t.Errorf("%d bindings in ui.KeyMap, %d actions", n, len(actions))
	}
	for f := range listContextActions {
		if _, ok := byField[f]; !ok {
			t.Errorf("list context action %s is not in ui.KeyMap", f)
		}
	}
	for f := range bothContextActions {
		if !listContextActions[f] {
			t.Errorf("%s is in both contexts but not in the list context", f)
		}
	}
}

func TestConfigDefaultsHaveNoConflict(t *testing.T) {
	if _, msgs := cfgLoadKeys(t, defaultKeyMap()); len(msgs) != 0 {
		t.Errorf("the default keys do not load cleanly: %q", msgs)
	}
}

func TestWriteConfigRoundTrip(t *testing.T) {
	good, msgs := cfgFixture(t, "good.toml")
	if len(msgs) != 0 {
		t.Fatal(msgs)
	}
	defaults, _ := loadConfig(cfgEnv(nil))
	for _, c := range []config{defaults, good, {Theme: "dark", Keys: defaultKeyMap()}} {
		var buf bytes.Buffer
		writeConfig(&buf, c)
		out := buf.String()
		back, msgs := cfgLoad(t, out)
		if len(msgs) != 0 {
			t.Fatalf("messages %q reading back:\n%s", msgs, out)
		}
		if back.Theme != c.Theme {
			t.Errorf("Theme %q, want %q", back.Theme, c.Theme)
		}
		cfgSameKeys(t, back.Keys, c.Keys)

		v := reflect.ValueOf(c.Keys)
		for _, a := range configActions() {
			b := v.Field(a.Index).Interface().(key.Binding)
			line := regexp.MustCompile(`(?m)^` + a.Name + ` = \[.*\]\s+# ` + regexp.QuoteMeta(b.Help().Desc))
			if !line.MatchString(out) {
				t.Errorf("no line for %s with its help text", a.Name)
			}
		}
		for _, w := range []string{`theme = "` + c.Theme + `"`, `"auto"`, `"dark"`, `"light"`, "[keys]"} {
			if !strings.Contains(out, w) {
				t.Errorf("output lacks %q", w)
			}
		}
	}
}

func TestConfigQuote(t *testing.T) {
	km := defaultKeyMap()
	km.Search = key.NewBinding(key.WithKeys(`"`, `\`, "é"), key.WithHelp("x", defaultKeyMap().Search.Help().Desc))
	c, msgs := cfgLoadKeys(t, km)
	if len(msgs) != 0 {
		t.Fatal(msgs)
	}
	if got := c.Keys.Search.Keys(); !reflect.DeepEqual(got, []string{`"`, `\`, "é"}) {
		t.Errorf("keys %q", got)
	}
}
