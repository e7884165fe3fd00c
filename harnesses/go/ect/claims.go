package ect

import "strings"

// ClaimChecks says which claim checks apply: verification runs them all, creation only those
// that do not depend on a verifier (no audience match, no clock window).
type claimChecks struct {
	verifierID string
	now        int64
	withClock  bool
	withAud    bool
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
	}
	return true
}

func requireString(p *Object, name string, nonEmpty bool) (string, *Error) {
	v, ok := p.Get(name)
	if !ok {
		return "", fail("claim_missing", "claim %s is missing", name)
	}
	if v.Kind != String {
		return "", fail("claim_invalid", "claim %s is not a string", name)
	}
	if nonEmpty && v.Str == "" {
		return "", fail("claim_invalid", "claim %s is empty", name)
	}
	return v.Str, nil
}

func requireTime(p *Object, name string) (int64, *Error) {
	v, ok := p.Get(name)
	if !ok {
		return 0, fail("claim_missing", "claim %s is missing", name)
	}
	if v.Kind != Number {
		return 0, fail("claim_invalid", "claim %s is not a number", name)
	}
	n, ok := integerOf(v)
	if !ok {
		return 0, fail("claim_invalid", "claim %s (%s) is not an integral time within ±(2^53-1)", name, string(v.Num))
	}
	return n, nil
}

// validHash checks HASH-1 for the mode.
func validHash(s string, mode Mode) bool {
	digest := func(b64 string, size int) bool {
		b, err := decodeB64URL(b64)
		return err == nil && len(b) == size
	}
	if mode == Draft00 {
		switch {
		case strings.HasPrefix(s, "sha-256:"):
			return digest(s[8:], 32)
		case strings.HasPrefix(s, "sha-384:"):
			return digest(s[8:], 48)
		case strings.HasPrefix(s, "sha-512:"):
			return digest(s[8:], 64)
		}
	}
	return len(s) == 43 && digest(s, 32)
}

// PredList reads the mode's predecessor claim as a list of strings.
func PredList(p *Object, mode Mode) ([]string, *Error) {
	name := mode.DagClaim()
	v, ok := p.Get(name)
	if !ok {
		return nil, fail("claim_missing", "claim %s is missing", name)
	}
	if v.Kind != Array {
		return nil, fail("claim_invalid", "claim %s is not an array", name)
	}
	out := make([]string, 0, len(v.Arr))
	for i, e := range v.Arr {
		if e.Kind != String {
			return nil, fail("claim_invalid", "claim %s[%d] is not a string", name, i)
		}
		out = append(out, e.Str)
	}
	return out, nil
}

// checkClaims runs the claim stage (CLM, TIME, EXT, HASH) on a payload in the given mode.
func checkClaims(p *Object, mode Mode, opts *Options, cc claimChecks) *Error {
	iss, err := requireString(p, "iss", true)
	if err != nil {
		return err
	}
	aud, ok := p.Get("aud")
	if !ok {
		return fail("claim_missing", "claim aud is missing")
	}
	var auds []string
	switch aud.Kind {
	case String:
		auds = []string{aud.Str}
	case Array:
		for i, e := range aud.Arr {
			if e.Kind != String {
				return fail("claim_invalid", "claim aud[%d] is not a string", i)
			}
			auds = append(auds, e.Str)
		}
	default:
		return fail("claim_invalid", "claim aud is neither a string nor an array of strings")
	}
	iat, err := requireTime(p, "iat")
	if err != nil {
		return err
	}
	exp, err := requireTime(p, "exp")
	if err != nil {
		return err
	}
	if exp <= iat {
		return fail("claim_invalid", "claim exp (%d) is not after iat (%d)", exp, iat)
	}
	jti, err := requireString(p, "jti", false)
	if err != nil {
		return err
	}
	if opts.ValidateUUIDs && !isUUID(jti) {
		return fail("jti_invalid", "claim jti %q is not a UUID", jti)
	}
	if wid, ok := p.Get("wid"); ok {
		if wid.Kind != String {
			return fail("claim_invalid", "claim wid is not a string")
		}
		if opts.ValidateUUIDs && !isUUID(wid.Str) {
			return fail("wid_invalid", "claim wid %q is not a UUID", wid.Str)
		}
	}
	if _, err := requireString(p, "exec_act", true); err != nil {
		return err
	}
	if _, err := PredList(p, mode); err != nil {
		return err
	}
	if err := checkExtension(p, mode, opts); err != nil {
		return err
	}
	for _, name := range []string{"inp_hash", "out_hash"} {
		if v, ok := p.Get(name); ok {
			if v.Kind != String {
				return fail("hash_invalid", "claim %s is not a string", name)
			}
			if !validHash(v.Str, mode) {
				return fail("hash_invalid", "claim %s %q is not in the -%s hash format", name, v.Str, modeName(mode))
			}
		}
	}
	if mode == Draft00 {
		pol, hasPol := p.Get("pol")
		dec, hasDec := p.Get("pol_decision")
		if hasPol != hasDec {
			return fail("pol_pair", "claims pol and pol_decision must come together")
		}
		if hasPol {
			if pol.Kind != String {
				return fail("pol_pair", "claim pol is not a string")
			}
			if dec.Kind != String || (dec.Str != "approved" && dec.Str != "rejected" && dec.Str != "pending_human_review") {
				return fail("pol_pair", "claim pol_decision is not approved, rejected or pending_human_review")
			}
		}
		if sub, ok := p.Get("sub"); ok {
			if sub.Kind != String || sub.Str != iss {
				return fail("sub_mismatch", "claim sub differs from iss")
			}
		}
	}
	if cc.withAud {
		found := false
		for _, a := range auds {
			if a == cc.verifierID {
				found = true
			}
		}
		if !found {
			return fail("aud_mismatch", "verifier %q is not in aud", cc.verifierID)
		}
	}
	if cc.withClock {
		if cc.now >= exp+opts.ExpLeeway {
			return fail("expired", "the token expired at %d (now %d, leeway %d)", exp, cc.now, opts.ExpLeeway)
		}
		if cc.now-iat > opts.IatMaxAge {
			return fail("iat_too_old", "iat %d is more than %d s before now %d", iat, opts.IatMaxAge, cc.now)
		}
		if iat-cc.now > opts.IatMaxFuture {
			return fail("iat_in_future", "iat %d is more than %d s after now %d", iat, opts.IatMaxFuture, cc.now)
		}
	}
	return nil
}

func checkExtension(p *Object, mode Mode, opts *Options) *Error {
	name := mode.ExtClaim()
	v, ok := p.Get(name)
	if !ok {
		return nil
	}
	if v.Kind != ObjectKind {
		return fail("claim_invalid", "claim %s is not a JSON object", name)
	}
	if n := int64(len(Marshal(v))); n > opts.ExtMaxBytes {
		return fail("ext_too_large", "claim %s is %d bytes, more than %d", name, n, opts.ExtMaxBytes)
	}
	if d := int64(Depth(v)); d > opts.ExtMaxDepth {
		return fail("ext_too_deep", "claim %s is nested %d deep, more than %d", name, d, opts.ExtMaxDepth)
	}
	return nil
}

func modeName(m Mode) string {
	if m == Draft00 {
		return "00"
	}
	return "01"
}
