package ect

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustParse(t *testing.T, s string) *Object {
	t.Helper()
	v, err := ParseJSON([]byte(s), 64)
	if err != nil || v.Kind != ObjectKind {
		t.Fatalf("ParseJSON(%s): %v", s, err)
	}
	return v.Obj
}

// The suite's fixed test key; public test material (vectors/keys/).
func agentKey(t *testing.T) *Object {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "vectors", "keys", "agent-a.jwk.json"))
	if err != nil {
		t.Fatalf("reading the test key: %v", err)
	}
	return mustParse(t, string(data))
}

func publicPart(jwk *Object) *Object {
	pub := jwk.Clone()
	pub.Delete("d")
	return pub
}

func wantCode(t *testing.T, err *Error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted, want %s", code)
	}
	if err.Code != code {
		t.Fatalf("got %s (%s), want %s", err.Code, err.Message, code)
	}
}

func TestParseJSONIsStrict(t *testing.T) {
	for _, bad := range []string{
		`{"a":1,"a":1}`,       // duplicate, encoding/json would keep the last
		`{"x":{"b":1,"b":2}}`, // duplicate one level down
		`{"a":1} x`,           // trailing garbage
		"{\"a\":\"\xff\"}",    // invalid UTF-8, encoding/json would substitute U+FFFD
		"{\"a\":\"\x00\"}",    // raw control character in a string
		`{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	} {
		if _, err := ParseJSON([]byte(bad), 64); err == nil {
			t.Errorf("ParseJSON(%q) accepted", bad)
		}
	}
	// A surrogate pair, and an escaped backslash before "ud800", are fine.
	for _, good := range []string{`{"a":"\ud83d\ude00"}`, `{"a":"\\ud800"}`} {
		if _, err := ParseJSON([]byte(good), 64); err != nil {
			t.Errorf("ParseJSON(%s): %v", good, err)
		}
	}
	// Names differing only in case are distinct members (encoding/json structs would merge them).
	o := mustParse(t, `{"iss":"a","ISS":"b","n":1.7672256e9}`)
	if v, _ := o.Get("iss"); v.Str != "a" {
		t.Errorf("iss = %q", v.Str)
	}
	if got := string(MarshalObject(o)); got != `{"iss":"a","ISS":"b","n":1.7672256e9}` {
		t.Errorf("round trip changed the text: %s", got)
	}
}

func TestMarshalDoesNotEscapeHTML(t *testing.T) {
	// EXT-1 measures the compact JSON; escaping <, > and & as \u003c would inflate it.
	o := mustParse(t, `{"a":"<&>\u2028","b":"\"\\\n"}`)
	if got, want := string(MarshalObject(o)), "{\"a\":\"<&>\u2028\",\"b\":\"\\\"\\\\\\n\"}"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestBase64URLIsStrict(t *testing.T) {
	for _, bad := range []string{"YWJj\n", "YWI=", "a+/b", "YR", " YWJj"} {
		if _, err := decodeB64URL(bad); err == nil {
			t.Errorf("decodeB64URL(%q) accepted", bad)
		}
	}
	if b, err := decodeB64URL("YWJj"); err != nil || string(b) != "abc" {
		t.Errorf("decodeB64URL(YWJj) = %q, %v", b, err)
	}
}

func TestIntegerSpellings(t *testing.T) {
	for _, s := range []string{"1767225600", "1767225600.0", "1.7672256e9", "17672256000e-1"} {
		n, ok := integerOf(&Value{Kind: Number, Num: jsonNumber(s)})
		if !ok || n != 1767225600 {
			t.Errorf("integerOf(%s) = %d, %v", s, n, ok)
		}
	}
	for _, s := range []string{"1.5", "1e400", "9007199254740992", "1e999999999"} {
		if _, ok := integerOf(&Value{Kind: Number, Num: jsonNumber(s)}); ok {
			t.Errorf("integerOf(%s) accepted", s)
		}
	}
}

const payload01 = `{"iss":"spiffe://example.com/agent/a","aud":"spiffe://example.com/agent/b",
 "jti":"00000000-0000-4000-8000-000000000001","wid":"10000000-0000-4000-a000-000000000001",
 "exec_act":"review_spec"}`

const now = 1767225600

func verifierFor(t *testing.T, mode Mode, jwk *Object) *Verifier {
	opts := DefaultOptions()
	opts.VerifierID = "spiffe://example.com/agent/b"
	return NewVerifier(mode, opts, NewKeySet([]*Value{ObjectValue(publicPart(jwk))}), NewStore(nil))
}

func TestCreateThenVerify(t *testing.T) {
	jwk := agentKey(t)
	for _, mode := range []Mode{Draft00, Draft01} {
		p := mustParse(t, payload01)
		before := string(MarshalObject(p))
		token, err := Create(p, jwk, mode, now, DefaultOptions())
		if err != nil {
			t.Fatalf("mode %s: Create: %v", modeName(mode), err)
		}
		if string(MarshalObject(p)) != before {
			t.Errorf("Create changed the caller's payload")
		}
		got, verr := verifierFor(t, mode, jwk).Verify(token, now)
		if verr != nil {
			t.Fatalf("mode %s: Verify: %v", modeName(mode), verr)
		}
		if v, _ := got.Get(mode.DagClaim()); v == nil || v.Kind != Array || len(v.Arr) != 0 {
			t.Errorf("mode %s: %s not filled with []", modeName(mode), mode.DagClaim())
		}
		if exp, _ := integerOf(mustGet(got, "exp")); exp != now+600 {
			t.Errorf("exp = %d", exp)
		}
		// One changed payload byte breaks the signature (SIG-3).
		parts := strings.Split(token, ".")
		tampered, _ := Create(mustParse(t, strings.Replace(payload01, "review_spec", "review_spek", 1)), jwk, mode, now, DefaultOptions())
		forged := parts[0] + "." + strings.Split(tampered, ".")[1] + "." + parts[2]
		_, verr = verifierFor(t, mode, jwk).Verify(forged, now)
		wantCode(t, verr, "signature_invalid")
	}
}

func TestSignatureIsFixedLength(t *testing.T) {
	// ecdsa.Sign returns big integers; about one signature in 128 has an r or s shorter than
	// 32 bytes, which must still be written as 32 (left-padded).
	priv, err := PrivateKeyFor(agentKey(t))
	if err != nil {
		t.Fatal(err)
	}
	pub := &priv.PublicKey
	for i := 0; i < 300; i++ {
		in := "header.payload" + strings.Repeat("x", i)
		sig, err := signES256(priv, in)
		if err != nil || len(sig) != 64 || !verifyES256(pub, in, sig) {
			t.Fatalf("signature %d: len %d, err %v", i, len(sig), err)
		}
	}
}

func TestCreateRefusesTheOtherDraftsClaim(t *testing.T) {
	p := mustParse(t, strings.Replace(payload01, `"exec_act"`, `"par":[],"exec_act"`, 1))
	_, err := Create(p, agentKey(t), Draft01, now, DefaultOptions())
	wantCode(t, err, "claim_missing")
}

func TestReplayAndRejectedTokens(t *testing.T) {
	jwk := agentKey(t)
	v := verifierFor(t, Draft01, jwk)
	expired := mustParse(t, strings.Replace(payload01, `"exec_act"`, `"iat":1767225000,"exp":1767225100,"exec_act"`, 1))
	tokExpired, _ := Create(expired, jwk, Draft01, now, DefaultOptions())
	_, err := v.Verify(tokExpired, now)
	wantCode(t, err, "expired")
	good, _ := Create(mustParse(t, payload01), jwk, Draft01, now, DefaultOptions())
	if _, err := v.Verify(good, now); err != nil {
		t.Fatalf("a rejected token consumed its jti: %v", err)
	}
	_, err = v.Verify(good, now)
	wantCode(t, err, "replay")
}

func TestLoneSurrogateInHeaderIsMalformedBeforeTheHeaderChecks(t *testing.T) {
	// encoding/json would read each as U+FFFD; the token must fail in the parse stage (PARSE-2,
	// DAG-9), not as alg_not_allowed (alg none) or typ_invalid (typ JWT) further on.
	enc := base64.RawURLEncoding
	body := enc.EncodeToString([]byte(payload01))
	for _, header := range []string{
		`{"alg":"none","typ":"exec+jwt","kid":"\ud800"}`,
		`{"alg":"none","typ":"exec+jwt","kid":"a\udc00"}`,
		`{"alg":"none","typ":"exec+jwt","kid":"\ud800A"}`,
		`{"alg":"none","typ":"exec+jwt","kid":"\ud800\u0041"}`,
		`{"alg":"\ud800","typ":"JWT","kid":"agent-a"}`,
		`{"alg":"none","typ":"\ud800","kid":"agent-a"}`,
	} {
		_, err := verifierFor(t, Draft01, agentKey(t)).Verify(enc.EncodeToString([]byte(header))+"."+body+".", now)
		wantCode(t, err, "malformed")
	}
}

func TestKeyMeantForAnotherUseIsUnknown(t *testing.T) {
	// SIG-5 (no vector exercises it yet).
	jwk := agentKey(t)
	token, _ := Create(mustParse(t, payload01), jwk, Draft01, now, DefaultOptions())
	for member, value := range map[string]string{"use": `"enc"`, "key_ops": `["sign"]`, "alg": `"ES384"`} {
		pub := publicPart(jwk)
		v, _ := ParseJSON([]byte(value), 4)
		pub.Set(member, v)
		opts := DefaultOptions()
		opts.VerifierID = "spiffe://example.com/agent/b"
		_, err := NewVerifier(Draft01, opts, NewKeySet([]*Value{ObjectValue(pub)}), NewStore(nil)).Verify(token, now)
		wantCode(t, err, "key_unknown")
	}
}

func TestDAGOrderAndCycles(t *testing.T) {
	opts := DefaultOptions()
	task := func(jti, iat string, preds ...string) *Object {
		q := make([]string, len(preds))
		for i, p := range preds {
			q[i] = `"` + p + `"`
		}
		return mustParse(t, `{"jti":"`+jti+`","iat":`+iat+`,"pred":[`+strings.Join(q, ",")+`]}`)
	}
	// Stored 2 names 1, which is not stored yet: 1 naming 2 closes a cycle through the dangling reference.
	store := NewStore([]*Object{task("t2", "100", "t1")})
	wantCode(t, ValidateDAG(task("t1", "100", "t2"), store, Draft01, &opts), "dag_cycle")
	// A later predecessor that also closes the cycle: time (rule 3) before cycle (rule 4).
	wantCode(t, ValidateDAG(task("t1", "10", "t2"), store, Draft01, &opts), "dag_temporal_order")
	// A diamond is no cycle.
	store = NewStore([]*Object{task("a", "1"), task("b", "2", "a"), task("c", "2", "a"), task("d", "3", "b", "c")})
	if err := ValidateDAG(task("e", "4", "d", "a"), store, Draft01, &opts); err != nil {
		t.Errorf("diamond: %v", err)
	}
	// A cycle among stored tasks that does not pass through the new task ends the walk (each
	// ancestor is visited once) and is not the task's own cycle.
	store = NewStore([]*Object{task("x", "1", "y"), task("y", "1", "x")})
	if err := ValidateDAG(task("z", "2", "x"), store, Draft01, &opts); err != nil {
		t.Errorf("stored cycle elsewhere: %v", err)
	}
	// Length (rule 6) before uniqueness (rule 1).
	opts.MaxPredLength = 1
	wantCode(t, ValidateDAG(task("a", "4", "b", "c"), store, Draft01, &opts), "dag_too_many_preds")
}

func TestDAGAncestorOfTheSameJtiInAnotherWorkflow(t *testing.T) {
	opts := DefaultOptions()
	task := func(jti, wid, pred string) *Object {
		refs := ""
		if pred != "" {
			refs = `"` + pred + `"`
		}
		return mustParse(t, `{"jti":"`+jti+`","wid":"`+wid+`","iat":1,"pred":[`+refs+`]}`)
	}
	// Workflow b holds its own t1 and a t3 naming it; t2 of workflow a names t3 across workflows,
	// and t4 of workflow a names t1 of workflow a, which does not exist yet, so the walk runs.
	store := NewStore([]*Object{task("t1", "b", ""), task("t3", "b", "t1"), task("t2", "a", "t3"), task("t4", "a", "t1")})
	for _, mode := range []Mode{Draft01, Draft00} {
		child := task("t1", "a", "t2")
		if mode == Draft00 {
			child = mustParse(t, `{"jti":"t1","wid":"a","iat":1,"par":["t2"]}`)
		}
		if err := ValidateDAG(child, store, mode, &opts); err != nil {
			t.Errorf("%s: workflow b's t1 is another task: %v", mode.DagClaim(), err)
		}
	}
	// From its own workflow, the same reference is the task itself.
	store = NewStore([]*Object{task("t2", "a", "t1")})
	wantCode(t, ValidateDAG(task("t1", "a", "t2"), store, Draft01, &opts), "dag_cycle")
}

func TestMigrate(t *testing.T) {
	h := mustParse(t, `{"alg":"ES256","typ":"wimse-exec+jwt","kid":"agent-a"}`)
	p := mustParse(t, `{"iss":"x","sub":"x","par":["a"],"ext":{"k":1},"pol":"p","pol_decision":"approved",
		"inp_hash":"sha-256:n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg"}`)
	mh, mp, err := Migrate(h, p)
	if err != nil {
		t.Fatal(err)
	}
	want := mustParse(t, `{"iss":"x","pred":["a"],"ect_ext":{"k":1,"pol":"p","pol_decision":"approved"},
		"inp_hash":"n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg"}`)
	if !Equal(ObjectValue(mp), ObjectValue(want)) {
		t.Errorf("migrated payload %s", MarshalObject(mp))
	}
	if typ, _ := strMember(mh, "typ"); typ != "exec+jwt" {
		t.Errorf("typ %s", typ)
	}
	// Idempotent: a -01 payload comes back unchanged.
	_, again, err := Migrate(mh, mp)
	if err != nil || !Equal(ObjectValue(again), ObjectValue(mp)) {
		t.Errorf("second migration changed the payload: %v", err)
	}
	for _, conflict := range []string{
		`{"iss":"x","par":["a"],"pred":["b"]}`,
		`{"iss":"x","sub":"y"}`,
		`{"iss":"x","ext":"text","pol":"p","pol_decision":"approved"}`,
		`{"iss":"x","out_hash":"sha-384:abc"}`,
	} {
		_, _, err := Migrate(h, mustParse(t, conflict))
		wantCode(t, err, "migration_conflict")
	}
}

func TestSplitFieldValues(t *testing.T) {
	got, err := SplitFieldValues([]string{"YQ.Yg.Yw, ,ZA.ZQ.Zg", "", "Zw.aA."})
	if err != nil || strings.Join(got, "|") != "YQ.Yg.Yw|ZA.ZQ.Zg|Zw.aA." {
		t.Errorf("got %v, %v", got, err)
	}
	_, err = SplitFieldValues([]string{"YQ.Yg.Yw, not-a-jws"})
	wantCode(t, err, "malformed")
}

func jsonNumber(s string) json.Number { return json.Number(s) }
