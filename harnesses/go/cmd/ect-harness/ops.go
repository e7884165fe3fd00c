package main

import (
	"fmt"

	"ect-go/ect"
)

// inputError is a case the adapter could not read: a harness failure, not a rejection.
type inputError struct{ msg string }

func (e inputError) Error() string { return e.msg }

func bad(format string, args ...interface{}) error { return inputError{fmt.Sprintf(format, args...)} }

func valid(members ...interface{}) *ect.Value {
	o := ect.NewObject()
	o.Set("result", ect.StringValue("valid"))
	for i := 0; i+1 < len(members); i += 2 {
		o.Set(members[i].(string), members[i+1].(*ect.Value))
	}
	return ect.ObjectValue(o)
}

func invalid(e *ect.Error) *ect.Value {
	o := ect.NewObject()
	o.Set("result", ect.StringValue("invalid"))
	o.Set("error", ect.StringValue(e.Code))
	o.Set("message", ect.StringValue(e.Message))
	return ect.ObjectValue(o)
}

func member(in *ect.Object, name string, kind ect.Kind) (*ect.Value, error) {
	v, ok := in.Get(name)
	if !ok {
		return nil, bad("input.%s is missing", name)
	}
	if v.Kind != kind {
		return nil, bad("input.%s has the wrong JSON type", name)
	}
	return v, nil
}

func modeOf(in *ect.Object) (ect.Mode, error) {
	d, err := member(in, "draft", ect.String)
	if err != nil {
		return 0, err
	}
	return ect.ParseMode(d.Str)
}

func optionsOf(in *ect.Object) (ect.Options, error) {
	v, ok := in.Get("options")
	if !ok {
		return ect.DefaultOptions(), nil
	}
	if v.Kind != ect.ObjectKind {
		return ect.Options{}, bad("input.options is not an object")
	}
	return ect.OptionsFromJSON(v.Obj)
}

func nowOf(in *ect.Object) (int64, error) {
	v, err := member(in, "now", ect.Number)
	if err != nil {
		return 0, err
	}
	var n int64
	if _, err := fmt.Sscan(string(v.Num), &n); err != nil {
		return 0, bad("input.now is not an integer")
	}
	return n, nil
}

func storeOf(in *ect.Object) (*ect.Store, error) {
	v, ok := in.Get("store")
	if !ok {
		return ect.NewStore(nil), nil
	}
	if v.Kind != ect.Array {
		return nil, bad("input.store is not an array")
	}
	var ps []*ect.Object
	for i, e := range v.Arr {
		if e.Kind != ect.ObjectKind {
			return nil, bad("input.store[%d] is not an object", i)
		}
		ps = append(ps, e.Obj)
	}
	return ect.NewStore(ps), nil
}

func dispatch(op string, in *ect.Object) ([]*ect.Value, error) {
	mode, err := modeOf(in)
	if err != nil {
		return nil, err
	}
	opts, err := optionsOf(in)
	if err != nil {
		return nil, err
	}
	switch op {
	case "verify":
		now, err := nowOf(in)
		if err != nil {
			return nil, err
		}
		store, err := storeOf(in)
		if err != nil {
			return nil, err
		}
		var jwks []*ect.Value
		if k, ok := in.Get("keys"); ok {
			if k.Kind != ect.Array {
				return nil, bad("input.keys is not an array")
			}
			jwks = k.Arr
		}
		tokens, err := member(in, "tokens", ect.Array)
		if err != nil {
			return nil, err
		}
		verifier := ect.NewVerifier(mode, opts, ect.NewKeySet(jwks), store)
		var results []*ect.Value
		for i, t := range tokens.Arr {
			if t.Kind != ect.String {
				return nil, bad("input.tokens[%d] is not a string", i)
			}
			payload, verr := verifier.Verify(t.Str, now)
			if verr != nil {
				results = append(results, invalid(verr))
			} else {
				results = append(results, valid("payload", ect.ObjectValue(payload)))
			}
		}
		return results, nil
	case "dag":
		store, err := storeOf(in)
		if err != nil {
			return nil, err
		}
		p, err := member(in, "payload", ect.ObjectKind)
		if err != nil {
			return nil, err
		}
		if derr := ect.ValidateDAG(p.Obj, store, mode, &opts); derr != nil {
			return []*ect.Value{invalid(derr)}, nil
		}
		return []*ect.Value{valid()}, nil
	case "create":
		now, err := nowOf(in)
		if err != nil {
			return nil, err
		}
		key, err := member(in, "key", ect.ObjectKind)
		if err != nil {
			return nil, err
		}
		p, err := member(in, "payload", ect.ObjectKind)
		if err != nil {
			return nil, err
		}
		token, cerr := ect.Create(p.Obj, key.Obj, mode, now, opts)
		if cerr != nil {
			return []*ect.Value{invalid(cerr)}, nil
		}
		return []*ect.Value{valid("token", ect.StringValue(token))}, nil
	case "migrate":
		h, err := member(in, "header", ect.ObjectKind)
		if err != nil {
			return nil, err
		}
		p, err := member(in, "payload", ect.ObjectKind)
		if err != nil {
			return nil, err
		}
		mh, mp, merr := ect.Migrate(h.Obj, p.Obj)
		if merr != nil {
			return []*ect.Value{invalid(merr)}, nil
		}
		return []*ect.Value{valid("header", ect.ObjectValue(mh), "payload", ect.ObjectValue(mp))}, nil
	case "http-header":
		fv, err := member(in, "field_values", ect.Array)
		if err != nil {
			return nil, err
		}
		var values []string
		for i, e := range fv.Arr {
			if e.Kind != ect.String {
				return nil, bad("input.field_values[%d] is not a string", i)
			}
			values = append(values, e.Str)
		}
		tokens, herr := ect.SplitFieldValues(values)
		if herr != nil {
			return []*ect.Value{invalid(herr)}, nil
		}
		var tv []*ect.Value
		for _, t := range tokens {
			tv = append(tv, ect.StringValue(t))
		}
		return []*ect.Value{valid("tokens", ect.ArrayValue(tv))}, nil
	}
	return nil, bad("operation %q is not implemented", op)
}
