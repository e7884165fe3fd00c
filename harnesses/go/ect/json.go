package ect

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Kind is the JSON type of a Value.
type Kind int

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	ObjectKind
)

// Value is a JSON value read strictly: numbers keep their text, objects keep member order and
// never hold a name twice.
type Value struct {
	Kind Kind
	B    bool
	Num  json.Number
	Str  string
	Arr  []*Value
	Obj  *Object
}

// Object is a JSON object with its member order.
type Object struct {
	keys []string
	m    map[string]*Value
}

func NewObject() *Object { return &Object{m: map[string]*Value{}} }

func (o *Object) Get(k string) (*Value, bool) { v, ok := o.m[k]; return v, ok }
func (o *Object) Has(k string) bool           { _, ok := o.m[k]; return ok }
func (o *Object) Keys() []string              { return o.keys }
func (o *Object) Len() int                    { return len(o.keys) }

// Set replaces the value of k in place, or appends k.
func (o *Object) Set(k string, v *Value) {
	if _, ok := o.m[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.m[k] = v
}

func (o *Object) Delete(k string) {
	if _, ok := o.m[k]; !ok {
		return
	}
	delete(o.m, k)
	for i, key := range o.keys {
		if key == k {
			o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
			break
		}
	}
}

// Clone copies the object deeply.
func (o *Object) Clone() *Object {
	c := NewObject()
	for _, k := range o.keys {
		c.Set(k, o.m[k].Clone())
	}
	return c
}

func (v *Value) Clone() *Value {
	c := *v
	switch v.Kind {
	case Array:
		c.Arr = make([]*Value, len(v.Arr))
		for i, e := range v.Arr {
			c.Arr[i] = e.Clone()
		}
	case ObjectKind:
		c.Obj = v.Obj.Clone()
	}
	return &c
}

func StringValue(s string) *Value { return &Value{Kind: String, Str: s} }
func IntValue(n int64) *Value {
	return &Value{Kind: Number, Num: json.Number(strconv.FormatInt(n, 10))}
}
func ObjectValue(o *Object) *Value { return &Value{Kind: ObjectKind, Obj: o} }
func ArrayValue(a []*Value) *Value {
	if a == nil {
		a = []*Value{}
	}
	return &Value{Kind: Array, Arr: a}
}

// ErrJSON is returned for any input that is not one strict JSON value.
var ErrJSON = errors.New("invalid JSON")

// ParseJSON reads exactly one JSON value from data: valid UTF-8, no duplicate member names at
// any depth, nesting at most maxDepth, nothing but whitespace after the value.
func ParseJSON(data []byte, maxDepth int) (*Value, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%w: not UTF-8", ErrJSON)
	}
	if err := checkSurrogates(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := readValue(dec, 0, maxDepth)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the value", ErrJSON)
	}
	return v, nil
}

// checkSurrogates refuses \u escapes of UTF-16 surrogates that do not form a pair.
// encoding/json would silently turn each into U+FFFD, so two different strings
// ("a\ud800" and "a\udbff") would read as the same claim value.
func checkSurrogates(data []byte) error {
	hexAt := func(i int) (rune, bool) {
		if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
			return 0, false
		}
		var r rune
		for _, c := range data[i+2 : i+6] {
			switch {
			case c >= '0' && c <= '9':
				r = r<<4 | rune(c-'0')
			case c >= 'a' && c <= 'f':
				r = r<<4 | rune(c-'a'+10)
			case c >= 'A' && c <= 'F':
				r = r<<4 | rune(c-'A'+10)
			default:
				return 0, false
			}
		}
		return r, true
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		r, ok := hexAt(i)
		if !ok {
			i++ // skip the escaped character (\\, \", ...)
			continue
		}
		switch {
		case r >= 0xD800 && r <= 0xDBFF:
			low, ok := hexAt(i + 6)
			if !ok || low < 0xDC00 || low > 0xDFFF {
				return fmt.Errorf("%w: unpaired surrogate escape at byte %d", ErrJSON, i)
			}
			i += 11
		case r >= 0xDC00 && r <= 0xDFFF:
			return fmt.Errorf("%w: unpaired surrogate escape at byte %d", ErrJSON, i)
		default:
			i += 5
		}
	}
	return nil
}

func readValue(dec *json.Decoder, depth, maxDepth int) (*Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrJSON, err)
	}
	return fromToken(dec, tok, depth, maxDepth)
}

func fromToken(dec *json.Decoder, tok json.Token, depth, maxDepth int) (*Value, error) {
	switch t := tok.(type) {
	case nil:
		return &Value{Kind: Null}, nil
	case bool:
		return &Value{Kind: Bool, B: t}, nil
	case json.Number:
		return &Value{Kind: Number, Num: t}, nil
	case string:
		return &Value{Kind: String, Str: t}, nil
	case json.Delim:
		if depth+1 > maxDepth {
			return nil, fmt.Errorf("%w: nested deeper than %d", ErrJSON, maxDepth)
		}
		switch t {
		case '[':
			arr := []*Value{}
			for {
				tok, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("%w: %v", ErrJSON, err)
				}
				if d, ok := tok.(json.Delim); ok && d == ']' {
					return ArrayValue(arr), nil
				}
				e, err := fromToken(dec, tok, depth+1, maxDepth)
				if err != nil {
					return nil, err
				}
				arr = append(arr, e)
			}
		case '{':
			obj := NewObject()
			for {
				tok, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("%w: %v", ErrJSON, err)
				}
				if d, ok := tok.(json.Delim); ok && d == '}' {
					return ObjectValue(obj), nil
				}
				name, ok := tok.(string)
				if !ok {
					return nil, fmt.Errorf("%w: member name is not a string", ErrJSON)
				}
				if obj.Has(name) {
					return nil, fmt.Errorf("%w: duplicate member name %q", ErrJSON, name)
				}
				e, err := readValue(dec, depth+1, maxDepth)
				if err != nil {
					return nil, err
				}
				obj.Set(name, e)
			}
		}
	}
	return nil, fmt.Errorf("%w: unexpected token %v", ErrJSON, tok)
}

// Marshal writes v as compact JSON: member order kept, numbers as read, strings escaped only
// where JSON requires it (no HTML escaping), so its length is the length every serializer agrees on.
func Marshal(v *Value) []byte {
	var b bytes.Buffer
	writeValue(&b, v)
	return b.Bytes()
}

func MarshalObject(o *Object) []byte { return Marshal(ObjectValue(o)) }

func writeValue(b *bytes.Buffer, v *Value) {
	switch v.Kind {
	case Null:
		b.WriteString("null")
	case Bool:
		if v.B {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case Number:
		b.WriteString(string(v.Num))
	case String:
		writeString(b, v.Str)
	case Array:
		b.WriteByte('[')
		for i, e := range v.Arr {
			if i > 0 {
				b.WriteByte(',')
			}
			writeValue(b, e)
		}
		b.WriteByte(']')
	case ObjectKind:
		b.WriteByte('{')
		for i, k := range v.Obj.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k)
			b.WriteByte(':')
			writeValue(b, v.Obj.m[k])
		}
		b.WriteByte('}')
	}
}

const hexDigits = "0123456789abcdef"

func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

// Equal compares two values as JSON: member order ignored, numbers by their text.
func Equal(a, b *Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case Null:
		return true
	case Bool:
		return a.B == b.B
	case Number:
		return a.Num == b.Num
	case String:
		return a.Str == b.Str
	case Array:
		if len(a.Arr) != len(b.Arr) {
			return false
		}
		for i := range a.Arr {
			if !Equal(a.Arr[i], b.Arr[i]) {
				return false
			}
		}
		return true
	case ObjectKind:
		if a.Obj.Len() != b.Obj.Len() {
			return false
		}
		for _, k := range a.Obj.keys {
			bv, ok := b.Obj.m[k]
			if !ok || !Equal(a.Obj.m[k], bv) {
				return false
			}
		}
		return true
	}
	return false
}

// Depth is the nesting depth of v: a scalar is 0, an empty object or array 1.
func Depth(v *Value) int {
	d := 0
	switch v.Kind {
	case Array:
		for _, e := range v.Arr {
			if x := Depth(e); x > d {
				d = x
			}
		}
		return d + 1
	case ObjectKind:
		for _, k := range v.Obj.keys {
			if x := Depth(v.Obj.m[k]); x > d {
				d = x
			}
		}
		return d + 1
	}
	return 0
}
