// Command ect-harness serves the ect-go library to the ECT conformance runner: protocol v1,
// one JSON request per line on stdin, one JSON reply per line on stdout (flushed each time),
// logs on stderr. It reports what the library did and never judges.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"ect-go/ect"
)

// requestDepth bounds the nesting of a request line (the runner's deepest input nests far less;
// tokens are strings inside it).
const requestDepth = 30000

func implementation() *ect.Object {
	o := ect.NewObject()
	o.Set("name", ect.StringValue("ect-go"))
	o.Set("language", ect.StringValue("go"))
	o.Set("version", ect.StringValue("0.1.0"))
	o.Set("homepage", ect.StringValue("harnesses/go/README.md"))
	o.Set("drafts", stringArray("00", "01"))
	o.Set("operations", stringArray("verify", "dag", "create", "migrate", "http-header"))
	// Assurance levels (profile section 12) are not implemented: `levels` is not declared.
	o.Set("features", stringArray("http-header"))
	return o
}

func stringArray(ss ...string) *ect.Value {
	vs := make([]*ect.Value, len(ss))
	for i, s := range ss {
		vs[i] = ect.StringValue(s)
	}
	return ect.ArrayValue(vs)
}

func logf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "[ect-go] "+format+"\n", args...)
}

func main() {
	serve(os.Stdin, os.Stdout)
}

// serve answers requests from r on w until stop or the end of input.
func serve(r io.Reader, w io.Writer) {
	in := bufio.NewReaderSize(r, 1<<20)
	out := bufio.NewWriter(w)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if err != io.EOF {
				logf("reading stdin: %v", err)
			}
			return
		}
		reply, more := handle(line)
		if !more {
			return // stop
		}
		if reply != nil { // nil: a blank line, which needs no answer
			out.Write(ect.MarshalObject(reply))
			out.WriteByte('\n')
			out.Flush()
		}
	}
}

// handle answers one request line: reply is nil for a blank line, more is false for stop.
func handle(line []byte) (reply *ect.Object, more bool) {
	trimmed := trimSpace(line)
	if len(trimmed) == 0 {
		return nil, true
	}
	v, err := ect.ParseJSON(trimmed, requestDepth)
	if err != nil || v.Kind != ect.ObjectKind {
		return errored(nil, fmt.Sprintf("cannot read the request: %v", err)), true
	}
	req := v.Obj
	cmd, _ := req.Get("cmd")
	if cmd == nil || cmd.Kind != ect.String {
		return errored(nil, "request without cmd"), true
	}
	switch cmd.Str {
	case "start":
		r := ect.NewObject()
		r.Set("version", ect.IntValue(1))
		r.Set("implementation", ect.ObjectValue(implementation()))
		return r, true
	case "stop":
		return nil, false
	case "run":
		seq, _ := req.Get("seq")
		return runCase(seq, req), true
	}
	return errored(nil, fmt.Sprintf("unknown cmd %q", cmd.Str)), true
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}

func errored(seq *ect.Value, msg string) *ect.Object {
	r := ect.NewObject()
	if seq == nil {
		seq = &ect.Value{Kind: ect.Null}
	}
	r.Set("seq", seq)
	r.Set("errored", &ect.Value{Kind: ect.Bool, B: true})
	r.Set("message", ect.StringValue(msg))
	return r
}

// runCase dispatches one case; a panic in the adapter or the library is reported as errored.
func runCase(seq *ect.Value, req *ect.Object) (reply *ect.Object) {
	defer func() {
		if p := recover(); p != nil {
			logf("panic: %v\n%s", p, debug.Stack())
			reply = errored(seq, fmt.Sprintf("panic: %v", p))
		}
	}()
	c, ok := req.Get("case")
	if !ok || c.Kind != ect.ObjectKind {
		return errored(seq, "run request without case")
	}
	op, _ := c.Obj.Get("operation")
	input, _ := c.Obj.Get("input")
	if op == nil || op.Kind != ect.String || input == nil || input.Kind != ect.ObjectKind {
		return errored(seq, "case without operation or input")
	}
	results, err := dispatch(op.Str, input.Obj)
	if err != nil {
		return errored(seq, err.Error())
	}
	r := ect.NewObject()
	r.Set("seq", seq)
	r.Set("results", ect.ArrayValue(results))
	return r
}
