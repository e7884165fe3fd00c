package ect

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// Create fills and checks a payload (CRT-2, CRT-3) and signs it with ES256 under the JWK's
// kid (CRT-1). The caller's payload is not changed.
func Create(payload *Object, jwk *Object, mode Mode, now int64, opts Options) (string, *Error) {
	p := payload.Clone()
	other := Draft00
	if mode == Draft00 {
		other = Draft01
	}
	if !p.Has(mode.DagClaim()) && p.Has(other.DagClaim()) {
		return "", fail("claim_missing", "claim %s is missing (the payload carries the other draft's %s)", mode.DagClaim(), other.DagClaim())
	}
	if !p.Has("iat") {
		p.Set("iat", IntValue(now))
	}
	if !p.Has("exp") {
		iat, err := requireTime(p, "iat")
		if err != nil {
			return "", err
		}
		p.Set("exp", IntValue(iat+opts.DefaultExpiry))
	}
	if !p.Has(mode.DagClaim()) {
		p.Set(mode.DagClaim(), ArrayValue(nil))
	}
	if err := checkClaims(p, mode, &opts, claimChecks{}); err != nil {
		return "", err
	}
	if preds, _ := PredList(p, mode); opts.MaxPredLength != 0 && int64(len(preds)) > opts.MaxPredLength {
		return "", fail("dag_too_many_preds", "%d predecessors, more than %d", len(preds), opts.MaxPredLength)
	}
	kid, ok := strMember(jwk, "kid")
	if !ok {
		return "", fail("kid_missing", "the signing key has no kid")
	}
	priv, err := PrivateKeyFor(jwk)
	if err != nil {
		return "", fail("key_unknown", "the signing key cannot be used: %v", err)
	}
	typ := Typ01
	if mode == Draft00 {
		typ = TypLegacy
	}
	h := NewObject()
	h.Set("alg", StringValue("ES256"))
	h.Set("typ", StringValue(typ))
	h.Set("kid", StringValue(kid))
	enc := base64.RawURLEncoding
	signingInput := enc.EncodeToString(MarshalObject(h)) + "." + enc.EncodeToString(MarshalObject(p))
	sig, serr := signES256(priv, signingInput)
	if serr != nil {
		return "", fail("key_unknown", "signing failed: %v", serr)
	}
	return signingInput + "." + enc.EncodeToString(sig), nil
}

// signES256 returns the JWS form of an ES256 signature: r and s, each left-padded to 32 bytes.
func signES256(priv *ecdsa.PrivateKey, signingInput string) ([]byte, error) {
	digest := sha256.Sum256([]byte(signingInput))
	r, s, err := ecdsa.Sign(rand.Reader, priv, digest[:])
	if err != nil {
		return nil, err
	}
	out := make([]byte, 64)
	r.FillBytes(out[:32])
	s.FillBytes(out[32:])
	return out, nil
}
