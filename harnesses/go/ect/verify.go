package ect

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"math/big"
	"strings"
)

// MaxJSONDepth bounds the nesting of a token's header and payload; deeper is malformed.
const MaxJSONDepth = 512

// Verifier checks tokens in one mode against its own key set and store. It keeps the jtis it
// accepted (replay) and appends every accepted payload to its store, only after every check
// has passed.
type Verifier struct {
	mode     Mode
	opts     Options
	keys     *KeySet
	store    *Store
	accepted []*Object
}

func NewVerifier(mode Mode, opts Options, keys *KeySet, store *Store) *Verifier {
	return &Verifier{mode: mode, opts: opts, keys: keys, store: store}
}

// Token is a compact JWS split and decoded.
type Token struct {
	Header, Payload *Object
	SigningInput    string
	Signature       []byte
}

// ParseToken checks PARSE-1..3: three base64url segments, UTF-8 JSON objects, no duplicate names.
func ParseToken(token string) (*Token, *Error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, fail("malformed", "a compact JWS has 3 segments, this has %d", len(parts))
	}
	var objs [2]*Object
	for i, name := range []string{"header", "payload"} {
		raw, err := decodeB64URL(parts[i])
		if err != nil {
			return nil, fail("malformed", "the %s segment is not base64url: %v", name, err)
		}
		v, err := ParseJSON(raw, MaxJSONDepth)
		if err != nil {
			return nil, fail("malformed", "the %s is not strict JSON: %v", name, err)
		}
		if v.Kind != ObjectKind {
			return nil, fail("malformed", "the %s is not a JSON object", name)
		}
		objs[i] = v.Obj
	}
	sig, err := decodeB64URL(parts[2])
	if err != nil {
		return nil, fail("malformed", "the signature segment is not base64url: %v", err)
	}
	return &Token{Header: objs[0], Payload: objs[1], SigningInput: parts[0] + "." + parts[1], Signature: sig}, nil
}

var symmetricOrNone = map[string]bool{"none": true, "HS256": true, "HS384": true, "HS512": true}

// Verify checks one token in the order of DAG-9 and returns its payload as read (a legacy
// token in mode 01 migrated), or the first failure.
func (v *Verifier) Verify(token string, now int64) (*Object, *Error) {
	if int64(len(token)) > v.opts.MaxTokenBytes {
		return nil, fail("token_too_large", "the token is %d bytes, more than %d", len(token), v.opts.MaxTokenBytes)
	}
	t, err := ParseToken(token)
	if err != nil {
		return nil, err
	}
	h := t.Header
	// HDR-1
	typ, ok := strMember(h, "typ")
	if !ok {
		return nil, fail("typ_invalid", "header typ is missing or not a string")
	}
	legacy := typ == TypLegacy
	if !(legacy || (v.mode == Draft01 && typ == Typ01)) {
		return nil, fail("typ_invalid", "header typ %q is not accepted in mode %s", typ, modeName(v.mode))
	}
	// HDR-2
	alg, ok := strMember(h, "alg")
	if !ok {
		return nil, fail("alg_not_allowed", "header alg is missing or not a string")
	}
	allowed := false
	for _, a := range v.opts.AllowedAlgs {
		if a == alg {
			allowed = true
		}
	}
	if !allowed || symmetricOrNone[alg] || strings.HasPrefix(alg, "HS") {
		return nil, fail("alg_not_allowed", "header alg %.40q is not allowed", alg)
	}
	// HDR-4: this implementation understands no critical extension.
	if crit, ok := h.Get("crit"); ok {
		if crit.Kind != Array || len(crit.Arr) == 0 {
			return nil, fail("crit_unsupported", "header crit is not a non-empty array")
		}
		for _, e := range crit.Arr {
			if e.Kind != String {
				return nil, fail("crit_unsupported", "header crit holds a non-string")
			}
			return nil, fail("crit_unsupported", "header crit names %q, which is not understood", e.Str)
		}
	}
	// HDR-3, SIG-4, SIG-5
	kidV, ok := h.Get("kid")
	if !ok {
		return nil, fail("kid_missing", "header kid is missing")
	}
	if kidV.Kind != String {
		return nil, fail("kid_missing", "header kid is not a string")
	}
	key := v.keys.Lookup(kidV.Str)
	if key == nil {
		return nil, fail("key_unknown", "kid %.60q names no key of the verifier", kidV.Str)
	}
	if alg != "ES256" {
		return nil, fail("key_unknown", "the key %q cannot verify %s", key.Kid, alg)
	}
	pub, kerr := PublicKeyFor(key.JWK, alg, "verify")
	if kerr != nil {
		return nil, fail("key_unknown", "the key %q cannot be used: %v", key.Kid, kerr)
	}
	// SIG-1..3
	if !verifyES256(pub, t.SigningInput, t.Signature) {
		return nil, fail("signature_invalid", "the ES256 signature does not verify")
	}
	// Claims: a legacy token in mode 01 is read through the migration.
	payload := t.Payload
	if v.mode == Draft01 && legacy {
		m, err := MigratePayload(payload)
		if err != nil {
			return nil, err
		}
		payload = m
	}
	if err := checkClaims(payload, v.mode, &v.opts, claimChecks{verifierID: v.opts.VerifierID, now: now, withClock: true, withAud: true}); err != nil {
		return nil, err
	}
	// RPL-1
	jti, _ := strMember(payload, "jti")
	wid, hasWid := widOf(payload)
	if v.opts.ReplayCheck {
		for _, a := range v.accepted {
			aj, _ := strMember(a, "jti")
			if aj != jti {
				continue
			}
			aexp, _ := integerOf(mustGet(a, "exp"))
			if now >= aexp+v.opts.ExpLeeway {
				continue // RPL-3: the original's window has passed
			}
			aw, aHasWid := widOf(a)
			if !hasWid || (aHasWid && aw == wid) {
				return nil, fail("replay", "jti %s was already accepted", jti)
			}
		}
	}
	if err := ValidateDAG(payload, v.store, v.mode, &v.opts); err != nil {
		return nil, err
	}
	v.accepted = append(v.accepted, payload)
	v.store.Add(payload)
	return payload, nil
}

func verifyES256(pub *ecdsa.PublicKey, signingInput string, sig []byte) bool {
	if len(sig) != 64 {
		return false
	}
	r := new(big.Int).SetBytes(sig[:32])
	s := new(big.Int).SetBytes(sig[32:])
	n := pub.Curve.Params().N
	if r.Sign() == 0 || s.Sign() == 0 || r.Cmp(n) >= 0 || s.Cmp(n) >= 0 {
		return false
	}
	digest := sha256.Sum256([]byte(signingInput))
	return ecdsa.Verify(pub, digest[:], r, s)
}
