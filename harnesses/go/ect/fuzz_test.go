package ect

import (
	"strings"
	"testing"
)

// FuzzVerify: no input crashes the verifier (PARSE-5), and an accepted payload re-parses to
// itself. `go test` runs the seeds; `go test -fuzz FuzzVerify ./ect` searches further.
func FuzzVerify(f *testing.F) {
	jwk := agentKeyF(f)
	for _, mode := range []Mode{Draft00, Draft01} {
		token, err := Create(mustParseF(f, payload01), jwk, mode, now, DefaultOptions())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(token, mode == Draft01)
	}
	f.Add("e30.e30.", true)
	f.Add(`eyJhbGciOiJub25lIn0.eyJleHQiOnsiYSI6W1tbXV19fQ.`, false)
	f.Fuzz(func(t *testing.T, token string, draft01 bool) {
		mode := Draft00
		if draft01 {
			mode = Draft01
		}
		opts := DefaultOptions()
		opts.VerifierID = "spiffe://example.com/agent/b"
		v := NewVerifier(mode, opts, NewKeySet([]*Value{ObjectValue(publicPart(jwk))}), NewStore(nil))
		p, verr := v.Verify(token, now)
		if verr != nil {
			if verr.Code == "" || strings.TrimSpace(verr.Message) == "" {
				t.Fatalf("a rejection without code or message: %#v", verr)
			}
			return
		}
		again, err := ParseJSON(MarshalObject(p), MaxJSONDepth+1)
		if err != nil || !Equal(again, ObjectValue(p)) {
			t.Fatalf("the accepted payload does not re-read as itself: %v", err)
		}
	})
}

// FuzzParseJSON: the strict reader never crashes, and what it accepts it writes back readably.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e3,"x\u00e9\ud83d\ude00"],"b":{"c":null,"d":true}}`, `[`, `{"a":1,"a":2}`, `"\ud800"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := ParseJSON(data, 64)
		if err != nil {
			return
		}
		again, err := ParseJSON(Marshal(v), 64)
		if err != nil || !Equal(v, again) {
			t.Fatalf("%q: written back as %q, which reads %v", data, Marshal(v), err)
		}
	})
}

func mustParseF(f *testing.F, s string) *Object {
	v, err := ParseJSON([]byte(s), 64)
	if err != nil {
		f.Fatal(err)
	}
	return v.Obj
}

// agentKeyF is vectors/keys/agent-a.jwk.json, the suite's public test key.
func agentKeyF(f *testing.F) *Object {
	return mustParseF(f, `{"kty":"EC","kid":"agent-a","crv":"P-256","x":"HkvrM6R0FPbADVdceUCubmHFhL871ilQBwe8bDga3Fo","y":"i1gFf4LIgw1Ajbcz1373ggQarr9w6vJ_79QlpvZaiQ0","d":"jL_8P1KRLeAii04TBUxPCVPQJ2DTn1Qdzkq54FG3qR0"}`)
}
