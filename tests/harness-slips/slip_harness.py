#!/usr/bin/python3
"""A protocol-v1 harness running the Python example implementation with one planted slip.

    slip_harness.py NAME      serve the harness protocol with slip NAME applied
    slip_harness.py --list    print slips.txt (NAME, OPERATION, RULE, description; tab-separated)

The implementation in harnesses/python/ect_py passes every vector. Each slip here is a small
source patch of it: one line (or two, where Python needs a statement to hold it) replaced by
the mistake a real implementation makes, such as `>=` for `>`, a default hard-coded over an
option, a loop over the first element only. The patch is applied while the module is
imported, to the text of its source, and each replaced text must occur exactly once: when
the implementation changes under a slip, the harness refuses to start instead of running an
unslipped implementation that would pass for a slip the corpus catches.

Two names are no slip at all:
    none        the implementation as it is; it must pass every vector.
    other-side  the other side of every choice the profile leaves open (SHOULD and PROFILE
                rules that allow either verdict); every vector where such a choice matters
                expects `acceptable`, so this one must pass every vector too.

Never use these harnesses to judge anything but the suite itself.
"""

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import threading
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_HARNESS = os.path.join(HERE, "..", "..", "harnesses", "python")


@dataclass(frozen=True)
class Slip:
    operation: str                 # the operation whose answers the slip changes
    rule: str                      # the profile rule it breaks
    description: str               # the mistake, in one sentence
    patches: dict                  # module name -> [(text, replacement), ...]
    prelude: dict = field(default_factory=dict)  # module name -> helper source appended to it


def one(module: str, text: str, replacement: str) -> dict:
    return {module: [(text, replacement)]}


C, D, V, J = "ect_py.claims", "ect_py.dag", "ect_py.verify", "ect_py.jose"

SLIPS = {
    # Boundaries: the comparison one step off.
    "exp-at-boundary-valid": Slip("verify", "TIME-1", "exp equal to now (plus leeway) is still accepted: > where the profile says >=.",
                                  one(C, "if now >= exp + opts.exp_leeway:", "if now > exp + opts.exp_leeway:")),
    "exp-equal-iat-accepted": Slip("verify", "TIME-1", "exp equal to iat is accepted: only exp before iat is refused (< for <=).",
                                   one(C, "if exp <= iat:", "if exp < iat:")),
    "iat-max-age-exclusive": Slip("verify", "TIME-2", "A token exactly iat_max_age old is refused: >= where the profile says >.",
                                  one(C, "if now - iat > opts.iat_max_age:", "if now - iat >= opts.iat_max_age:")),
    "iat-max-future-exclusive": Slip("verify", "TIME-2", "iat exactly iat_max_future ahead is refused: >= where the profile says >.",
                                     one(C, "if iat - now > opts.iat_max_future:", "if iat - now >= opts.iat_max_future:")),
    "pred-length-exclusive": Slip("dag", "DAG-6", "Exactly max_pred_length predecessors are refused: >= where the profile says >.",
                                  one(D, "len(preds) > opts.max_pred_length:", "len(preds) >= opts.max_pred_length:")),
    "ancestors-exclusive": Slip("dag", "DAG-5", "The ancestor walk gives up on reaching max_ancestors distinct ancestors instead of on passing it.",
                                one(D, "if len(visited) > limit:", "if len(visited) >= limit:")),
    "ext-bytes-exclusive": Slip("verify", "EXT-1", "An extension of exactly ext_max_bytes bytes is refused: >= where the profile says >.",
                                one(C, "if size > opts.ext_max_bytes:", "if size >= opts.ext_max_bytes:")),
    "ext-depth-exclusive": Slip("verify", "EXT-1", "An extension of exactly ext_max_depth levels is refused: >= where the profile says >.",
                                one(C, "if depth > opts.ext_max_depth:", "if depth >= opts.ext_max_depth:")),
    "token-bytes-exclusive": Slip("verify", "PARSE-4", "A token of exactly max_token_bytes bytes is refused: >= where the profile says >.",
                                  one(V, "if size > opts.max_token_bytes:", "if size >= opts.max_token_bytes:")),
    "token-size-in-characters": Slip("verify", "PARSE-4", "The token is measured in characters, not UTF-8 bytes.",
                                     one(V, 'size = len(token.encode("utf-8", "surrogatepass"))', "size = len(token)")),
    "skew-exclusive": Slip("dag", "DAG-3", "A predecessor issued exactly dag_clock_skew after its child is refused: >= where the profile says >.",
                           one(D, "pred_iat > iat + opts.dag_clock_skew", "pred_iat >= iat + opts.dag_clock_skew")),

    # JSON types: a wrong type read as a right one.
    "bool-is-number": Slip("verify", "CLM-3", "JSON true and false pass as numbers (Python's bool is an int), so iat true reads as 1.",
                           one("ect_py.jsonutil", "return isinstance(value, (int, float)) and not isinstance(value, bool)",
                               "return isinstance(value, (int, float))")),
    "aud-elements-unchecked": Slip("verify", "CLM-2", "aud is checked to be a string or an array, but not that the array holds only strings.",
                                   one(C, "return isinstance(value, str) or _string_list(value)", "return isinstance(value, (str, list))")),
    "exec-act-one-element-array": Slip("verify", "CLM-6", "A one-element array holding a string passes where exec_act must be a string.",
                                       one(C, '("exec_act", _non_empty_string, "a non-empty string"),',
                                           '("exec_act", lambda v: _non_empty_string(v[0] if isinstance(v, list) and len(v) == 1 else v), "a non-empty string"),')),
    "kid-compared-as-text": Slip("verify", "HDR-3", "kid is compared after conversion to text, so a number kid 1 finds the key whose kid is \"1\".",
                                 one(J, 'matches = [k for k in keys if isinstance(k, dict) and k.get("kid") == kid] if isinstance(kid, str) else []',
                                     'matches = [k for k in keys if isinstance(k, dict) and str(k.get("kid")) == str(kid)]')),

    # Options: a default hard-coded over the value the case gives.
    "validate-uuids-ignored": Slip("verify", "CLM-4", "jti and wid are checked as UUIDs even when validate_uuids is false.",
                                   one(C, "if not opts.validate_uuids:", "if False:  # validate_uuids ignored")),
    "exp-leeway-ignored": Slip("verify", "TIME-1", "exp_leeway is ignored: a token is expired at exp.",
                               one(C, "if now >= exp + opts.exp_leeway:", "if now >= exp:")),
    "iat-max-age-default": Slip("verify", "TIME-2", "iat_max_age is hard-coded to its default, 900 s.",
                                one(C, "if now - iat > opts.iat_max_age:", "if now - iat > 900:")),
    "iat-max-future-default": Slip("verify", "TIME-2", "iat_max_future is hard-coded to its default, 30 s.",
                                   one(C, "if iat - now > opts.iat_max_future:", "if iat - now > 30:")),
    "ext-bytes-default": Slip("verify", "EXT-1", "ext_max_bytes is hard-coded to its default, 4096.",
                              one(C, "if size > opts.ext_max_bytes:", "if size > 4096:")),
    "pred-length-default": Slip("dag", "DAG-6", "max_pred_length is hard-coded to its default, 100 (0 still means no limit).",
                                one(D, "len(preds) > opts.max_pred_length:", "len(preds) > 100:")),
    "skew-default": Slip("dag", "DAG-3", "dag_clock_skew is hard-coded to its default, 30 s.",
                         one(D, "pred_iat > iat + opts.dag_clock_skew", "pred_iat > iat + 30")),
    "allowed-algs-ignored": Slip("verify", "HDR-2", "allowed_algs is ignored: ES256 is accepted whatever the list says.",
                                 one(J, 'if alg not in allowed_algs or alg != "ES256":', 'if alg != "ES256":')),
    "default-expiry-ignored": Slip("create", "CRT-2", "create fills exp with iat + 600 whatever default_expiry says.",
                                   one("ect_py.create", 'claims["exp"] = claims["iat"] + options.default_expiry', 'claims["exp"] = claims["iat"] + 600')),

    # Lists: only the first element looked at.
    "aud-first-only": Slip("verify", "CLM-2", "Only the first element of an aud array is compared with verifier_id.",
                           one(C, "if verifier_id not in audiences:", "if verifier_id not in audiences[:1]:")),
    "pred-exists-first-only": Slip("dag", "DAG-2", "Only the first predecessor is looked up in the store.",
                                   one(D, "for pred_id in preds:", "for pred_id in preds[:1]:")),
    "pred-workflow-first-only": Slip("dag", "DAG-8", "Only the first predecessor's wid is compared with the child's.",
                                     one(D, "        for pred_id, entry in parents:\n            if entry.get(\"wid\") != wid:",
                                         "        for pred_id, entry in parents[:1]:\n            if entry.get(\"wid\") != wid:")),
    "pred-temporal-first-only": Slip("dag", "DAG-3", "Only the first predecessor's iat is compared with the child's.",
                                     one(D, "        for pred_id, entry in parents:\n            pred_iat", "        for pred_id, entry in parents[:1]:\n            pred_iat")),
    "cycle-walk-first-pred-only": Slip("dag", "DAG-4", "The ancestor walk starts from the first predecessor only.",
                                       one(D, "queue = deque((pred_id, wid) for pred_id in preds)", "queue = deque((pred_id, wid) for pred_id in preds[:1])")),
    "http-first-field-only": Slip("http-header", "HTTP-1", "Only the first Execution-Context field of the request is read.",
                                  one("ect_py.http", "for value in field_values:", "for value in field_values[:1]:")),

    # Strings: a near miss matched.
    "aud-prefix-match": Slip("verify", "CLM-2", "aud matches when it starts with verifier_id.",
                             one(C, "if verifier_id not in audiences:", "if not any(a.startswith(verifier_id) for a in audiences):")),
    "typ-trimmed": Slip("verify", "HDR-1", "typ is compared after trimming whitespace.",
                        one(V, "typ not in mode.accepted_typs", "typ.strip() not in mode.accepted_typs")),
    "alg-case-insensitive": Slip("verify", "HDR-2", "alg is compared without regard to case.",
                                 one(J, 'if alg not in allowed_algs or alg != "ES256":', 'if alg.upper() not in allowed_algs or alg.upper() != "ES256":')),
    "uuid-prefix-match": Slip("verify", "CLM-4", "The UUID pattern is matched at the start of jti and wid, not against the whole string.",
                              one(C, "return _UUID.fullmatch(value) is not None", "return _UUID.match(value) is not None")),
    "hash-prefix-match": Slip("verify", "HASH-1", "The hash pattern is matched at the start of the value, not against the whole string.",
                              one(C, "if not pattern.fullmatch(value):", "if not pattern.match(value):")),

    # DAG: the walk, the store and the workflows.
    "cycle-direct-only": Slip("dag", "DAG-4", "The cycle check looks at the direct predecessors only, never at their ancestors.",
                              one(D, "        queue.extend((ancestor, entry.get(\"wid\")) for ancestor in _edges(entry, mode))", "        pass")),
    "lookup-ignores-workflow": Slip("dag", "DAG-8", "A predecessor id resolves to the first stored task with that jti, whatever its workflow.",
                                    one(D, "        if _in_scope(entry, wid):\n            return entry", "        return entry")),
    "store-last-entry-wins": Slip("dag", "DAG-1", "The store index keeps only the last task stored under a jti, so an earlier one in another workflow is lost.",
                                  one(D, 'index.setdefault(entry["jti"], []).append(entry)', 'index[entry["jti"]] = [entry]')),
    "duplicate-jti-ignores-workflow": Slip("dag", "DAG-1", "A jti anywhere in the store is a duplicate, even in another workflow.",
                                           one(D, "if any(_in_scope(entry, wid) for entry in index.get(jti, ())):", "if jti in index:")),

    # More near misses: a shared leeway, a distinct count, an unanchored alphabet, a mode's rule in the other mode.
    "iat-future-with-leeway": Slip("verify", "TIME-2", "exp_leeway is added to the iat_max_future window too.",
                                   one(C, "if iat - now > opts.iat_max_future:", "if iat - now > opts.iat_max_future + opts.exp_leeway:")),
    "iat-age-with-leeway": Slip("verify", "TIME-2", "exp_leeway is added to the iat_max_age window too.",
                                one(C, "if now - iat > opts.iat_max_age:", "if now - iat > opts.iat_max_age + opts.exp_leeway:")),
    "aud-trimmed": Slip("verify", "CLM-2", "aud elements are compared with verifier_id after trimming whitespace.",
                        one(C, "if verifier_id not in audiences:", "if verifier_id not in [a.strip() for a in audiences]:")),
    "sub-case-insensitive": Slip("verify", "CLM-9", "Mode 00 compares sub with iss without regard to case.",
                                 one(C, 'if "sub" in p and p["sub"] != p["iss"]:', 'if "sub" in p and str(p["sub"]).lower() != str(p["iss"]).lower():')),
    "pol-rules-in-01": Slip("verify", "CLM-8", "The -00 pol/pol_decision and sub rules are applied in mode 01 too, where those claims are unknown.",
                            one(C, "    if mode.top_level_policy:\n        _check_policy_and_sub", "    if True:\n        _check_policy_and_sub")),
    "hash-last-character-unchecked": Slip("verify", "HASH-1", "A SHA-256 hash's 43rd character may be any of the alphabet, so non-zero unused bits pass.",
                                          one(C, '_SHA256 = r"[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]"', '_SHA256 = r"[A-Za-z0-9_-]{43}"')),
    "hash-prefix-in-01": Slip("verify", "HASH-1", "The -00 hash forms (sha-256: and the other prefixes) are accepted in mode 01 too.",
                              one(C, "pattern = _HASH_00 if mode.prefixed_hashes else _HASH_01", "pattern = _HASH_00")),
    "pred-length-counts-distinct": Slip("dag", "DAG-6", "max_pred_length is compared with the number of distinct predecessors, not the length of the list.",
                                        one(D, "len(preds) > opts.max_pred_length:", "len(set(preds)) > opts.max_pred_length:")),
    "cycle-walk-two-levels": Slip("dag", "DAG-4", "The cycle check walks the predecessors and their predecessors, no further.",
                                  one(D, "        queue.extend((ancestor, entry.get(\"wid\")) for ancestor in _edges(entry, mode))",
                                      "        queue.extend((ancestor, entry.get(\"wid\")) for ancestor in (_edges(entry, mode) if pred_id in preds else []))")),

    # Replay.
    "replay-not-recorded": Slip("verify", "RPL-1", "Accepted tokens are never recorded in the replay cache.",
                                one(V, "        if self.options.replay_check:\n            self._accepted.append",
                                    "        if False:\n            self._accepted.append")),
    "replay-ignores-workflow": Slip("verify", "RPL-1", "The replay cache is global: a jti accepted in one workflow is a replay in another.",
                                    one(V, "in_scope = wid is None or seen_wid == wid", "in_scope = True")),
    "replay-records-before-dag": Slip("verify", "RPL-2", "The jti is recorded after the replay check and before the DAG checks, so a token the DAG rejects consumes its jti.",
                                      one(V, "        validate_dag(payload, self.store, mode, opts)\n        return payload",
                                          "        self._accepted.append((payload[\"jti\"], payload.get(\"wid\"), payload[\"exp\"]))\n"
                                          "        validate_dag(payload, self.store, mode, opts)\n        return payload")),

    # Create and migrate.
    "create-exp-from-now": Slip("create", "CRT-2", "create fills a missing exp from now rather than from the payload's own iat.",
                                one("ect_py.create", 'claims["exp"] = claims["iat"] + options.default_expiry', 'claims["exp"] = now + options.default_expiry')),
    "create-iat-overwritten": Slip("create", "CRT-2", "create sets iat to now even when the payload has one.",
                                   one("ect_py.create", 'claims.setdefault("iat", now)', 'claims["iat"] = now')),
    "create-pred-length-unchecked": Slip("create", "CRT-3", "create does not refuse more than max_pred_length predecessors.",
                                         one("ect_py.create", "    check_pred_length(claims[mode.pred_claim], mode, options)", "    pass")),
    "migrate-sha384-kept": Slip("migrate", "MIG-6", "A sha-384 or sha-512 hash is carried over unchanged instead of being a conflict.",
                                one("ect_py.migrate", "elif value.startswith(_HASH_PREFIXES_LOST):", "elif False:")),
    "migrate-ext-overwrites": Slip("migrate", "MIG-3", "ext silently replaces a different ect_ext.",
                                   one("ect_py.migrate", 'if "ect_ext" in p and p["ect_ext"] != ext:', "if False:")),
    "migrate-pol-overwrites": Slip("migrate", "MIG-4", "A top-level pol or pol_decision silently replaces a different one in ect_ext.",
                                   one("ect_py.migrate", "if name in ext and ext[name] != value:", "if False:")),
    "migrate-sub-dropped": Slip("migrate", "MIG-5", "A sub that differs from iss is dropped instead of being a conflict.",
                                one("ect_py.migrate", 'if "iss" not in p or p["sub"] != p["iss"]:', "if False:")),
    "migrate-par-wins": Slip("migrate", "MIG-2", "par silently replaces a different pred.",
                             one("ect_py.migrate", 'if "pred" in p and p["pred"] != par:', "if False:")),
}

# The other side of every choice the profile leaves open. Each patch names the rule whose
# optional choice it flips; the unpatched implementation takes the first side.
OTHER_SIDE = Slip(
    "*", "*", "The other side of every choice the profile allows.",
    {
        J: [
            # PARSE-1: non-canonical base64url decoded instead of refused.
            ("if b64url_encode(data) != segment:", "if False:  # other side: non-canonical encodings decoded"),
            # HDR-4 (crit_unsupported or acceptance for an empty crit list): accepted.
            ("if not isinstance(crit, list) or not crit or not all(", "if not isinstance(crit, list) or not all("),
            # PARSE-5: deep nesting and lone surrogates refused as malformed instead of read.
            ("        value = strict_loads(data)\n", "        value = _other_side_plain(strict_loads(data))\n"),
        ],
        "ect_py.jsonutil": [
            # PARSE-2 byte order mark ignored; PARSE-3 duplicates nested below the top level read
            # last-wins; PARSE-5 integers of more than 20 digits refused.
            ('text = data.decode("utf-8")', 'text = data.decode("utf-8-sig")'),
            ("        return json.loads(text, object_pairs_hook=_reject_duplicates,\n"
             "                          parse_constant=_reject_constant, parse_float=_finite_float)",
             "        return _other_side_top(json.loads(text, object_pairs_hook=_other_side_pairs, parse_int=_other_side_int,\n"
             "                          parse_constant=_reject_constant, parse_float=_finite_float))"),
        ],
        V: [
            # HDR-1: media-type variants (application/ prefix, any case) read as the same typ.
            ('        typ = header.get("typ")\n',
             '        typ = header.get("typ")\n        typ = typ.lower().removeprefix("application/") if isinstance(typ, str) else typ\n'),
            # RPL-3: an expired token's jti is never forgotten.
            ("if seen_jti == jti and in_scope and now < seen_exp + opts.exp_leeway:", "if seen_jti == jti and in_scope:"),
            # RPL-1/DAG-1: a jti accepted without wid is taken for every workflow too.
            ("in_scope = wid is None or seen_wid == wid", "in_scope = wid is None or seen_wid in (wid, None)"),
        ],
        C: [
            # CLM-3: fractional times and times past 2^53 - 1 refused.
            ('("iat", is_number, "a number (NumericDate)"),', '("iat", _other_side_time, "an integral number (NumericDate)"),'),
            ('("exp", is_number, "a number (NumericDate)"),', '("exp", _other_side_time, "an integral number (NumericDate)"),'),
            # EXT-1: limits not enforced in mode 00 (SHOULD); EXT-2/CLM-5/HASH-1: null optional claims read as absent.
            ("    if mode.ext_claim in payload:\n", '    if payload.get(mode.ext_claim) is not None and mode.draft == "01":\n'),
            ("if mode.ext_claim in p and not isinstance(p[mode.ext_claim], dict):",
             "if p.get(mode.ext_claim) is not None and not isinstance(p[mode.ext_claim], dict):"),
            ("if name in p and not isinstance(p[name], str):", "if p.get(name) is not None and not isinstance(p[name], str):"),
            ('if "wid" in p and not uuid_ok(p["wid"]):', 'if p.get("wid") is not None and not uuid_ok(p["wid"]):'),
            ("        if name in payload:\n", "        if payload.get(name) is not None:\n"),
            # CLM-8: nbf in the future applied as RFC 7519 says.
            ("    _check_shapes(payload, mode)\n", "    _check_shapes(payload, mode)\n    _other_side_nbf(payload, now)\n"),
            # CLM-9: an empty pol names no policy.
            ('if ("pol" in p) != ("pol_decision" in p):', 'if ("pol" in p) != ("pol_decision" in p) or p.get("pol") == "":'),
        ],
        D: [
            # DAG-1: a stored task without wid holds its jti for every workflow.
            ("if any(_in_scope(entry, wid) for entry in index.get(jti, ())):",
             'if any(_in_scope(entry, wid) or entry.get("wid") is None for entry in index.get(jti, ())):'),
            # DAG-5: past max_ancestors, accepted instead of dag_traversal_limit.
            ('            raise EctError("dag_traversal_limit", f"more than {limit} ancestors; cycle check stopped")', "            return"),
            # DAG-7: a predecessor listed twice accepted.
            ("if len(set(preds)) != len(preds):", "if False:"),
            # DAG-8: workflow consistency checked in mode 00 too.
            ('if mode.draft == "01" and wid is not None:', "if wid is not None:"),
        ],
    },
    prelude={
        J: '''
def _other_side_plain(value):
    from .claims import json_depth
    if json_depth(value, stop_after=1000) > 1000:
        raise JsonError("nested deeper than 1000 levels")
    try:
        compact_dumps(value).encode("utf-8")
    except UnicodeEncodeError:
        raise JsonError("a string holds a lone surrogate") from None
    return value
''',
        "ect_py.jsonutil": '''
class _DuplicatedMembers(dict):
    """An object that named a member twice; refused only at the top level."""


def _other_side_pairs(pairs):
    obj, twice = {}, False
    for key, value in pairs:
        twice = twice or key in obj
        obj[key] = value
    return _DuplicatedMembers(obj) if twice else obj


def _other_side_top(value):
    if isinstance(value, _DuplicatedMembers):
        raise JsonError("duplicate member name at the top level")
    return value


def _other_side_int(text):
    if len(text.lstrip("-")) > 20:
        raise JsonError(f"integer of {len(text)} digits")
    return int(text)
''',
        C: '''
def _other_side_time(value):
    return is_number(value) and float(value).is_integer() and abs(value) <= 2**53 - 1


def _other_side_nbf(payload, now):
    nbf = payload.get("nbf")
    if is_number(nbf) and nbf > now:
        raise EctError("claim_invalid", f"nbf {nbf} is in the future")
''',
    },
)

NO_SLIP = Slip("*", "*", "No slip: the implementation as it is.", {})


class SlipError(RuntimeError):
    pass


class _SlipLoader(importlib.machinery.SourceFileLoader):
    """Compiles a module from its patched source, never from cached bytecode."""

    def __init__(self, fullname, path, patches, prelude):
        super().__init__(fullname, path)
        self._patches = patches
        self._prelude = prelude

    def get_code(self, fullname):
        source = self.get_data(self.path).decode("utf-8")
        for text, replacement in self._patches:
            count = source.count(text)
            if count != 1:
                raise SlipError(f"{fullname}: the slip's text occurs {count} times, not once: {text!r}")
            source = source.replace(text, replacement)
        # Helpers go at the end so that the line numbers of tracebacks stay those of the file.
        return compile(source + "\n" + self._prelude, self.path, "exec", dont_inherit=True)


class _SlipFinder(importlib.abc.MetaPathFinder):
    def __init__(self, slip: Slip):
        self._slip = slip

    def find_spec(self, fullname, path, target=None):
        if fullname not in self._slip.patches and fullname not in self._slip.prelude:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not spec.origin:
            raise SlipError(f"module {fullname} not found")
        loader = _SlipLoader(fullname, spec.origin, self._slip.patches.get(fullname, []), self._slip.prelude.get(fullname, ""))
        return importlib.util.spec_from_file_location(fullname, spec.origin, loader=loader)


def slips_table() -> str:
    return "".join(f"{name}\t{s.operation}\t{s.rule}\t{s.description}\n" for name, s in SLIPS.items())


def install(name: str):
    """Import the example harness with slip `name` applied; returns the harness module."""
    slip = {"none": NO_SLIP, "other-side": OTHER_SIDE}.get(name) or SLIPS.get(name)
    if slip is None:
        raise SlipError(f"unknown slip {name!r}; see slip_harness.py --list")
    sys.dont_write_bytecode = True
    sys.meta_path.insert(0, _SlipFinder(slip))
    sys.path.insert(0, PYTHON_HARNESS)
    import harness  # noqa: E402  (imports ect_py through the finder above)
    import ect_py  # noqa: E402
    for module in list(slip.patches) + list(slip.prelude):
        if not isinstance(sys.modules.get(module).__loader__, _SlipLoader):
            raise SlipError(f"module {module} was imported before the slip could be applied")
    del ect_py
    harness.IMPLEMENTATION = dict(harness.IMPLEMENTATION, name=f"ect-py-slip-{name}", version="0.0.0-slip")
    return harness


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "--list":
        sys.stdout.write(slips_table())
        return 0
    try:
        harness = install(argv[1])
    except SlipError as exc:
        print(f"slip_harness.py: {exc}", file=sys.stderr)
        return 2
    # As harnesses/python/harness.py does: deep hostile JSON needs a deep stack (PARSE-5).
    sys.setrecursionlimit(200_000)
    threading.stack_size(512 * 1024 * 1024)
    worker = threading.Thread(target=harness.main, name="harness")
    worker.start()
    worker.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
