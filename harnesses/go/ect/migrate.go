package ect

import "strings"

// Migrate turns the header and payload of a -00 token into their -01 form (MIG-1..6). It is
// a pure function: the arguments are not changed, and a -01 payload comes back unchanged.
// It validates no claim; what it cannot carry over without loss is migration_conflict.
func Migrate(header, payload *Object) (*Object, *Object, *Error) {
	h := header.Clone()
	if typ, ok := strMember(h, "typ"); ok && typ == TypLegacy {
		h.Set("typ", StringValue(Typ01))
	}
	p, err := MigratePayload(payload)
	if err != nil {
		return nil, nil, err
	}
	return h, p, nil
}

// MigratePayload is the payload half of Migrate.
func MigratePayload(payload *Object) (*Object, *Error) {
	p := payload.Clone()
	// MIG-2
	if par, ok := p.Get("par"); ok {
		if pred, ok := p.Get("pred"); ok && !Equal(par, pred) {
			return nil, fail("migration_conflict", "par and pred differ")
		}
		p.Set("pred", par)
		p.Delete("par")
	}
	// MIG-3
	if ext, ok := p.Get("ext"); ok {
		if ectExt, ok := p.Get("ect_ext"); ok && !Equal(ext, ectExt) {
			return nil, fail("migration_conflict", "ext and ect_ext differ")
		}
		p.Set("ect_ext", ext)
		p.Delete("ext")
	}
	// MIG-4
	if p.Has("pol") || p.Has("pol_decision") {
		ectExt, ok := p.Get("ect_ext")
		if !ok {
			ectExt = ObjectValue(NewObject())
		}
		if ectExt.Kind != ObjectKind {
			return nil, fail("migration_conflict", "pol and pol_decision cannot move into an extension that is not an object")
		}
		target := ectExt.Obj.Clone()
		for _, name := range []string{"pol", "pol_decision"} {
			v, ok := p.Get(name)
			if !ok {
				continue
			}
			if old, ok := target.Get(name); ok && !Equal(old, v) {
				return nil, fail("migration_conflict", "ect_ext already holds a different %s", name)
			}
			target.Set(name, v)
			p.Delete(name)
		}
		p.Set("ect_ext", ObjectValue(target))
	}
	// MIG-5
	if sub, ok := p.Get("sub"); ok {
		iss, hasIss := p.Get("iss")
		if !hasIss || !Equal(sub, iss) {
			return nil, fail("migration_conflict", "sub differs from iss and cannot be dropped")
		}
		p.Delete("sub")
	}
	// MIG-6
	for _, name := range []string{"inp_hash", "out_hash"} {
		v, ok := p.Get(name)
		if !ok || v.Kind != String {
			continue
		}
		switch {
		case strings.HasPrefix(v.Str, "sha-256:"):
			p.Set(name, StringValue(v.Str[len("sha-256:"):]))
		case strings.HasPrefix(v.Str, "sha-384:"), strings.HasPrefix(v.Str, "sha-512:"):
			return nil, fail("migration_conflict", "%s uses %s, which -01 cannot express", name, v.Str[:7])
		}
	}
	return p, nil
}
