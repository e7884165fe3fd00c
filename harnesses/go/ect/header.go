package ect

import "strings"

// SplitFieldValues reads the values of Execution-Context fields (HTTP-1): each value is a
// comma-separated list of compact JWSs with optional whitespace; empty members are skipped.
func SplitFieldValues(values []string) ([]string, *Error) {
	tokens := []string{}
	for i, fv := range values {
		for _, member := range strings.Split(fv, ",") {
			m := strings.Trim(member, " \t")
			if m == "" {
				continue
			}
			if !looksLikeCompactJWS(m) {
				return nil, fail("malformed", "member %.40q of field value %d is not a compact JWS", m, i)
			}
			tokens = append(tokens, m)
		}
	}
	return tokens, nil
}

func looksLikeCompactJWS(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return false
	}
	for _, p := range parts {
		if _, err := decodeB64URL(p); err != nil {
			return false
		}
	}
	return true
}
