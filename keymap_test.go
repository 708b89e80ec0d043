package main

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/exp/golden"
)

// listBindings answer only while a list or prompt is open (palette, lens
// chooser, search prompt, help), so they may reuse reading keys such as
// ctrl+p or up.
var listBindings = map[string]bool{"ListUp": true, "ListDown": true, "Select": true, "Cancel": true}

// bindings returns every key.Binding field of the key map by name.
func bindings(t *testing.T) map[string]key.Binding {
	t.Helper()
	v := reflect.ValueOf(defaultKeyMap())
	out := map[string]key.Binding{}
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out[v.Type().Field(i).Name] = b
		}
	}
	if len(out) < 20 {
		t.Fatalf("found only %d bindings in ui.KeyMap", len(out))
	}
	return out
}

func TestDefaultKeyMapBindingsAreComplete(t *testing.T) {
	for name, b := range bindings(t) {
		if len(b.Keys()) == 0 {
			t.Errorf("%s has no key", name)
		}
		for _, k := range b.Keys() {
			if k == "" {
				t.Errorf("%s has an empty key", name)
			}
		}
		if h := b.Help(); h.Key == "" || h.Desc == "" {
			t.Errorf("%s has no help text (%q, %q)", name, h.Key, h.Desc)
		}
		if !b.Enabled() {
			t.Errorf("%s is disabled", name)
		}
	}
}

func TestDefaultKeyMapReadingKeysAreUnique(t *testing.T) {
	owner := map[string]string{}
	for name, b := range bindings(t) {
		if listBindings[name] {
			continue
		}
		for _, k := range b.Keys() {
			if other, dup := owner[k]; dup {
				t.Errorf("%q is bound to both %s and %s", k, other, name)
			}
			owner[k] = name
		}
	}
	// The list keys must not clash among themselves either.
	owner = map[string]string{}
	for name := range listBindings {
		for _, k := range bindings(t)[name].Keys() {
			if other, dup := owner[k]; dup {
				t.Errorf("list key %q is bound to both %s and %s", k, other, name)
			}
			owner[k] = name
		}
	}
}

// TestDefaultKeyMapHelpListsEveryBinding: the help overlay renders
// FullHelp, so a binding missing from it is a key nobody can discover.
func TestDefaultKeyMapHelpListsEveryBinding(t *testing.T) {
	km := defaultKeyMap()
	shown := map[string]bool{}
	for _, col := range km.FullHelp() {
		for _, b := range col {
			shown[b.Help().Key+"\x00"+b.Help().Desc] = true
		}
	}
	for name, b := range bindings(t) {
		if !shown[b.Help().Key+"\x00"+b.Help().Desc] {
			t.Errorf("%s (%s) is not in the help overlay", name, b.Help().Key)
		}
	}
}

// TestDefaultKeysFixture keeps testdata/TestDefaultKeysFixture.golden, the
// default key map as text, in step with keymap.go. The ui package's tests
// build their key map from that file (they cannot import package main), so
// keymap.go stays the one place keys are chosen. After changing a key,
// run: go test . -run TestDefaultKeysFixture -update
func TestDefaultKeysFixture(t *testing.T) {
	var b strings.Builder
	v := reflect.ValueOf(defaultKeyMap())
	for i := range v.NumField() {
		kb, ok := v.Field(i).Interface().(key.Binding)
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", v.Type().Field(i).Name, strings.Join(kb.Keys(), " "), kb.Help().Key, kb.Help().Desc)
	}
	golden.RequireEqual(t, []byte(b.String()))
}
