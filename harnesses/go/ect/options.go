package ect

import (
	"fmt"
	"math/big"
)

// Options are the verifier and creator parameters of the profile (section 1).
type Options struct {
	VerifierID    string
	AllowedAlgs   []string
	IatMaxAge     int64
	IatMaxFuture  int64
	ExpLeeway     int64
	MaxPredLength int64
	DagClockSkew  int64
	MaxAncestors  int64
	ExtMaxBytes   int64
	ExtMaxDepth   int64
	ValidateUUIDs bool
	ReplayCheck   bool
	MaxTokenBytes int64
	DefaultExpiry int64
}

// DefaultOptions are the profile's defaults.
func DefaultOptions() Options {
	return Options{
		AllowedAlgs:   []string{"ES256"},
		IatMaxAge:     900,
		IatMaxFuture:  30,
		ExpLeeway:     0,
		MaxPredLength: 100,
		DagClockSkew:  30,
		MaxAncestors:  10000,
		ExtMaxBytes:   4096,
		ExtMaxDepth:   5,
		ValidateUUIDs: true,
		ReplayCheck:   true,
		MaxTokenBytes: 65536,
		DefaultExpiry: 600,
	}
}

// OptionsFromJSON starts from the defaults and applies every member of o it knows
// (max_par_length, the -00 name, is read as max_pred_length).
func OptionsFromJSON(o *Object) (Options, error) {
	opts := DefaultOptions()
	if o == nil {
		return opts, nil
	}
	ints := map[string]*int64{
		"iat_max_age": &opts.IatMaxAge, "iat_max_future": &opts.IatMaxFuture,
		"exp_leeway": &opts.ExpLeeway, "max_pred_length": &opts.MaxPredLength,
		"max_par_length": &opts.MaxPredLength, "dag_clock_skew": &opts.DagClockSkew,
		"max_ancestors": &opts.MaxAncestors, "ext_max_bytes": &opts.ExtMaxBytes,
		"ext_max_depth": &opts.ExtMaxDepth, "max_token_bytes": &opts.MaxTokenBytes,
		"default_expiry": &opts.DefaultExpiry,
	}
	for _, k := range o.Keys() {
		v, _ := o.Get(k)
		if p, ok := ints[k]; ok {
			n, ok := integerOf(v)
			if !ok {
				return opts, fmt.Errorf("option %s is not an integer", k)
			}
			*p = n
			continue
		}
		switch k {
		case "verifier_id":
			if v.Kind != String {
				return opts, fmt.Errorf("option verifier_id is not a string")
			}
			opts.VerifierID = v.Str
		case "allowed_algs":
			if v.Kind != Array {
				return opts, fmt.Errorf("option allowed_algs is not an array")
			}
			opts.AllowedAlgs = nil
			for _, e := range v.Arr {
				if e.Kind != String {
					return opts, fmt.Errorf("option allowed_algs holds a non-string")
				}
				opts.AllowedAlgs = append(opts.AllowedAlgs, e.Str)
			}
		case "validate_uuids", "replay_check":
			if v.Kind != Bool {
				return opts, fmt.Errorf("option %s is not a boolean", k)
			}
			if k == "validate_uuids" {
				opts.ValidateUUIDs = v.B
			} else {
				opts.ReplayCheck = v.B
			}
		}
	}
	return opts, nil
}

// maxExact is 2^53 - 1, the largest integer every JSON reader holds exactly.
const maxExact = 1<<53 - 1

// integerOf reads a JSON number whose value is an integer within ±(2^53 - 1), whatever its
// spelling (1767225600, 1767225600.0, 1.7672256e9).
func integerOf(v *Value) (int64, bool) {
	if v == nil || v.Kind != Number {
		return 0, false
	}
	s := string(v.Num)
	// Refuse huge exponents before big.Rat tries to expand them.
	for i := 0; i < len(s); i++ {
		if s[i] == 'e' || s[i] == 'E' {
			exp := s[i+1:]
			if len(exp) > 0 && (exp[0] == '+' || exp[0] == '-') {
				exp = exp[1:]
			}
			if len(exp) > 4 {
				return 0, false
			}
		}
	}
	if len(s) > 400 {
		return 0, false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || !r.IsInt() {
		return 0, false
	}
	n := r.Num()
	if n.CmpAbs(big.NewInt(maxExact)) > 0 {
		return 0, false
	}
	return n.Int64(), true
}
