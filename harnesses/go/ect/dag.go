package ect

// Store is the set of payloads accepted before: the ledger, or predecessors received inline.
type Store struct {
	entries []*Object
	byJti   map[string][]*Object
}

func NewStore(payloads []*Object) *Store {
	s := &Store{byJti: map[string][]*Object{}}
	for _, p := range payloads {
		s.Add(p)
	}
	return s
}

// Add appends a payload (append-only: nothing is ever replaced).
func (s *Store) Add(p *Object) {
	s.entries = append(s.entries, p)
	if jti, ok := strMember(p, "jti"); ok {
		s.byJti[jti] = append(s.byJti[jti], p)
	}
}

func widOf(p *Object) (string, bool) { return strMember(p, "wid") }

// find returns the stored task with this jti, preferring one of workflow wid; sameWid says
// whether the returned one is in that workflow.
func (s *Store) find(jti, wid string, hasWid bool) (entry *Object, sameWid bool) {
	cands := s.byJti[jti]
	if len(cands) == 0 {
		return nil, false
	}
	if hasWid {
		for _, c := range cands {
			if w, ok := widOf(c); ok && w == wid {
				return c, true
			}
		}
	}
	return cands[0], !hasWid
}

// predsOf reads a stored task's predecessors: the mode's claim, else the other draft's.
func predsOf(p *Object, mode Mode) []string {
	v, ok := p.Get(mode.DagClaim())
	if !ok {
		other := Draft01
		if mode == Draft01 {
			other = Draft00
		}
		v, ok = p.Get(other.DagClaim())
	}
	if !ok || v.Kind != Array {
		return nil
	}
	var out []string
	for _, e := range v.Arr {
		if e.Kind == String {
			out = append(out, e.Str)
		}
	}
	return out
}

// ValidateDAG runs the DAG checks on a payload in the order DAG-9 fixes: list length,
// uniqueness, existence, workflow, time, cycle.
func ValidateDAG(p *Object, store *Store, mode Mode, opts *Options) *Error {
	preds, err := PredList(p, mode)
	if err != nil {
		return err
	}
	jti, ok := strMember(p, "jti")
	if !ok {
		return fail("claim_missing", "claim jti is missing or not a string")
	}
	wid, hasWid := widOf(p)

	// DAG-6
	if opts.MaxPredLength != 0 && int64(len(preds)) > opts.MaxPredLength {
		return fail("dag_too_many_preds", "%d predecessors, more than %d", len(preds), opts.MaxPredLength)
	}
	// DAG-7 (PROFILE): a predecessor listed twice is refused.
	seen := map[string]bool{}
	for _, pr := range preds {
		if seen[pr] {
			return fail("dag_duplicate_pred", "predecessor %s is listed twice", pr)
		}
		seen[pr] = true
	}
	// DAG-1
	for _, c := range store.byJti[jti] {
		if !hasWid {
			return fail("dag_duplicate_jti", "jti %s is already in the store", jti)
		}
		if w, ok := widOf(c); ok && w == wid {
			return fail("dag_duplicate_jti", "jti %s is already in the store for workflow %s", jti, wid)
		}
	}
	// DAG-2 (a self-reference is reported as the cycle it is)
	resolved := make([]*Object, len(preds))
	for i, pr := range preds {
		if pr == jti {
			return fail("dag_cycle", "task %s lists itself as a predecessor", jti)
		}
		e, _ := store.find(pr, wid, hasWid)
		if e == nil {
			return fail("dag_pred_not_found", "predecessor %s is not in the store", pr)
		}
		resolved[i] = e
	}
	// DAG-8: MUST in mode 01; mode 00 has no workflow rule.
	if hasWid && mode == Draft01 {
		for i, pr := range preds {
			if w, ok := widOf(resolved[i]); !ok || w != wid {
				return fail("dag_workflow_mismatch", "predecessor %s belongs to another workflow", pr)
			}
		}
	}
	// DAG-3
	iat, ok := integerOf(mustGet(p, "iat"))
	if !ok {
		return fail("claim_invalid", "claim iat is not an integral time")
	}
	for i, pr := range preds {
		piat, ok := integerOf(mustGet(resolved[i], "iat"))
		if !ok {
			continue
		}
		if piat > iat+opts.DagClockSkew {
			return fail("dag_temporal_order", "predecessor %s (iat %d) is later than the task's iat %d + %d s", pr, piat, iat, opts.DagClockSkew)
		}
	}
	// DAG-4 and DAG-5: walk the distinct stored ancestors looking for the task itself. Tasks are
	// walked, not jtis: the same jti names another task in another workflow, so each reference is
	// looked up from the workflow of the task that makes it, and a reference to this task's jti is
	// this task when it is made from this task's workflow, or when no stored task answers it.
	visited := map[*Object]bool{}
	queue := append([]*Object(nil), resolved...)
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		if visited[e] {
			continue
		}
		visited[e] = true
		if opts.MaxAncestors > 0 && int64(len(visited)) > opts.MaxAncestors {
			return fail("dag_traversal_limit", "the ancestor walk passed %d tasks", opts.MaxAncestors)
		}
		from, fromHasWid := widOf(e)
		sameWorkflow := fromHasWid == hasWid && from == wid
		for _, a := range predsOf(e, mode) {
			next, _ := store.find(a, from, fromHasWid)
			if a == jti && (next == nil || sameWorkflow) {
				return fail("dag_cycle", "task %s is its own ancestor", jti)
			}
			if next != nil && !visited[next] {
				queue = append(queue, next)
			}
		}
	}
	return nil
}

func mustGet(p *Object, name string) *Value {
	v, _ := p.Get(name)
	return v
}
