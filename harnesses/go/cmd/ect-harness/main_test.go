package main

import (
	"bytes"
	"strings"
	"testing"

	"ect-go/ect"
)

// The protocol end to end: start, a blank line (no answer), a run, an unreadable line, a run
// with an unknown operation, stop; nothing after stop is read.
func TestServe(t *testing.T) {
	in := strings.Join([]string{
		`{"cmd":"start","version":1}`,
		``,
		`{"cmd":"run","seq":1,"later":"ignored","case":{"id":"x","operation":"http-header","input":{"draft":"01","field_values":["YQ.Yg.Yw , ZA.ZQ.Zg"]}}}`,
		`not json`,
		`{"cmd":"run","seq":2,"case":{"id":"y","operation":"levels","input":{"draft":"01"}}}`,
		`{"cmd":"run","seq":3,"case":{"id":"z","operation":"dag","input":{"draft":"01","store":[],"payload":{"jti":"a","iat":1,"pred":["a"]}}}}`,
		`{"cmd":"stop"}`,
		`{"cmd":"start","version":1}`,
	}, "\n") + "\n"
	var out bytes.Buffer
	serve(strings.NewReader(in), &out)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := []string{
		`{"version":1,"implementation":`,
		`{"seq":1,"results":[{"result":"valid","tokens":["YQ.Yg.Yw","ZA.ZQ.Zg"]}]}`,
		`{"seq":null,"errored":true,`,
		`{"seq":2,"errored":true,`,
		`{"seq":3,"results":[{"result":"invalid","error":"dag_cycle",`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d replies, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("reply %d = %s, want a line starting %s", i, lines[i], w)
		}
		if v, err := ect.ParseJSON([]byte(lines[i]), 64); err != nil || v.Kind != ect.ObjectKind {
			t.Errorf("reply %d is not one JSON object: %v", i, err)
		}
	}
}
