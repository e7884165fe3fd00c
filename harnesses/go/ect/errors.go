// Package ect is an independent implementation of Execution Context Tokens
// (draft-nennemann-wimse-ect -00 and -01) as the ECT conformance profile describes them.
package ect

import "fmt"

// Error is a rejection: one of the profile's error codes and a message naming what is at fault.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func fail(code, format string, args ...interface{}) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Mode is the draft a verifier or creator works in.
type Mode int

const (
	Draft00 Mode = iota
	Draft01
)

// ParseMode reads "00" or "01".
func ParseMode(s string) (Mode, error) {
	switch s {
	case "00":
		return Draft00, nil
	case "01":
		return Draft01, nil
	}
	return 0, fmt.Errorf("unknown draft %q", s)
}

// DagClaim is the name of the predecessor claim in the mode.
func (m Mode) DagClaim() string {
	if m == Draft00 {
		return "par"
	}
	return "pred"
}

// ExtClaim is the name of the extension object in the mode.
func (m Mode) ExtClaim() string {
	if m == Draft00 {
		return "ext"
	}
	return "ect_ext"
}

const (
	TypLegacy = "wimse-exec+jwt"
	Typ01     = "exec+jwt"
)
