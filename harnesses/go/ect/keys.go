package ect

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/base64"
	"fmt"
	"math/big"
)

// Key is one JWK of a key set, kept as read: whether it can verify a token is decided per
// token (its alg), so an unusable key still occupies its kid.
type Key struct {
	Kid string
	JWK *Object
}

// KeySet resolves a kid to a key; keys carried in a token's header are never consulted.
type KeySet struct {
	byKid map[string]*Key
}

// NewKeySet reads a list of JWKs; a JWK without a string kid cannot be named and is ignored.
func NewKeySet(jwks []*Value) *KeySet {
	ks := &KeySet{byKid: map[string]*Key{}}
	for _, v := range jwks {
		if v.Kind != ObjectKind {
			continue
		}
		kid, ok := v.Obj.Get("kid")
		if !ok || kid.Kind != String {
			continue
		}
		if _, dup := ks.byKid[kid.Str]; dup {
			continue // the first key under a kid wins
		}
		ks.byKid[kid.Str] = &Key{Kid: kid.Str, JWK: v.Obj}
	}
	return ks
}

// Lookup returns the key under kid, or nil.
func (ks *KeySet) Lookup(kid string) *Key { return ks.byKid[kid] }

func strMember(o *Object, name string) (string, bool) {
	v, ok := o.Get(name)
	if !ok || v.Kind != String {
		return "", false
	}
	return v.Str, true
}

func decodeCoord(o *Object, name string) (*big.Int, error) {
	s, ok := strMember(o, name)
	if !ok {
		return nil, fmt.Errorf("JWK member %s is missing or not a string", name)
	}
	b, err := decodeB64URL(s)
	if err != nil {
		return nil, fmt.Errorf("JWK member %s is not base64url", name)
	}
	if len(b) != 32 {
		return nil, fmt.Errorf("JWK member %s is %d bytes, not 32", name, len(b))
	}
	return new(big.Int).SetBytes(b), nil
}

// PublicKeyFor checks that the JWK is a P-256 EC key meant for signatures with alg (SIG-4,
// SIG-5) and returns it.
func PublicKeyFor(jwk *Object, alg string, op string) (*ecdsa.PublicKey, error) {
	if kty, _ := strMember(jwk, "kty"); kty != "EC" {
		return nil, fmt.Errorf("the key is not an EC key")
	}
	if crv, _ := strMember(jwk, "crv"); crv != "P-256" {
		return nil, fmt.Errorf("the key is not on P-256")
	}
	if v, ok := jwk.Get("use"); ok && (v.Kind != String || v.Str != "sig") {
		return nil, fmt.Errorf("the key's use is not sig")
	}
	if v, ok := jwk.Get("key_ops"); ok {
		// RFC 7517 §4.3: an array of strings; a key whose key_ops is anything else is no usable key.
		found, wellFormed := false, v.Kind == Array
		if wellFormed {
			for _, e := range v.Arr {
				if e.Kind != String {
					wellFormed = false
				} else if e.Str == op {
					found = true
				}
			}
		}
		if !wellFormed {
			return nil, fmt.Errorf("the key's key_ops is not an array of strings")
		}
		if !found {
			return nil, fmt.Errorf("the key's key_ops do not include %s", op)
		}
	}
	if v, ok := jwk.Get("alg"); ok && (v.Kind != String || v.Str != alg) {
		return nil, fmt.Errorf("the key's alg is not %s", alg)
	}
	x, err := decodeCoord(jwk, "x")
	if err != nil {
		return nil, err
	}
	y, err := decodeCoord(jwk, "y")
	if err != nil {
		return nil, err
	}
	curve := elliptic.P256()
	if !curve.IsOnCurve(x, y) {
		return nil, fmt.Errorf("the key's point is not on P-256")
	}
	return &ecdsa.PublicKey{Curve: curve, X: x, Y: y}, nil
}

// PrivateKeyFor reads a private P-256 JWK (with d) for signing.
func PrivateKeyFor(jwk *Object) (*ecdsa.PrivateKey, error) {
	pub, err := PublicKeyFor(jwk, "ES256", "sign")
	if err != nil {
		return nil, err
	}
	d, err := decodeCoord(jwk, "d")
	if err != nil {
		return nil, err
	}
	n := pub.Curve.Params().N
	if d.Sign() == 0 || d.Cmp(n) >= 0 {
		return nil, fmt.Errorf("the private scalar is out of range")
	}
	px, py := pub.Curve.ScalarBaseMult(d.FillBytes(make([]byte, 32)))
	if px.Cmp(pub.X) != 0 || py.Cmp(pub.Y) != 0 {
		return nil, fmt.Errorf("the private key does not match its public part")
	}
	return &ecdsa.PrivateKey{PublicKey: *pub, D: d}, nil
}

// decodeB64URL decodes unpadded base64url, refusing any other character (padding, whitespace,
// the standard alphabet) and non-zero unused bits.
func decodeB64URL(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return nil, fmt.Errorf("character %q at %d is not base64url", c, i)
		}
	}
	return base64.RawURLEncoding.Strict().DecodeString(s)
}
