"""Self tests for ect_py and its harness (stdlib unittest only).

    /usr/bin/python3 -m unittest discover -s harnesses/python -p 'test_*.py'

The library tests pin the choices the profile leaves open; the harness tests drive the real
harness.py through a pipe exactly as the conformance runner does.
"""

import copy
import json
import os
import subprocess
import sys
import unittest

from jwt.algorithms import ECAlgorithm

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from ect_py import (EctError, Options, Verifier, create, generate_jwk, migrate,  # noqa: E402
                    mode_for, public_jwk, split_field_values, validate_dag)
from ect_py.jose import b64url_encode, load_p256_key, sign_es256  # noqa: E402

NOW = 1_767_225_600
AGENT_B = "spiffe://example.com/agent/b"
KEY = generate_jwk("agent-a")
OPTIONS = Options(verifier_id=AGENT_B)


def uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def payload(n: int = 1, **claims) -> dict:
    base = {"iss": "spiffe://example.com/agent/a", "aud": [AGENT_B], "iat": NOW, "exp": NOW + 600,
            "jti": uuid(n), "exec_act": "review_spec", "pred": []}
    base.update(claims)
    return {k: v for k, v in base.items() if v is not None}


def signed(header: dict, body: dict, jwk: dict = KEY) -> str:
    return sign_es256(load_p256_key(jwk), header, body)


def unsigned(header: dict, body, signature: bytes = b"") -> str:
    """A token built from raw parts, for shapes a signer would never produce."""
    def seg(part):
        return b64url_encode(part if isinstance(part, bytes) else json.dumps(part).encode())
    return f"{seg(header)}.{seg(body)}.{b64url_encode(signature)}"


class VerifyTest(unittest.TestCase):
    def verifier(self, draft="01", store=(), **opts) -> Verifier:
        return Verifier(draft, Options(verifier_id=AGENT_B, **opts), [public_jwk(KEY)], store)

    def assertRejects(self, code, verifier, token):
        with self.assertRaises(EctError) as ctx:
            verifier.verify(token, NOW)
        self.assertEqual(code, ctx.exception.code, ctx.exception.message)

    def test_create_then_verify_fills_defaults_without_touching_input(self):
        given = {k: v for k, v in payload().items() if k not in ("iat", "exp", "pred")}
        before = copy.deepcopy(given)
        token = create(given, KEY, "01", NOW, OPTIONS)
        self.assertEqual(before, given)
        self.assertEqual(payload(), self.verifier().verify(token, NOW))

    def test_alg_none_and_hs256_are_refused_before_any_key_is_used(self):
        for alg in ("none", "HS256"):
            token = unsigned({"alg": alg, "typ": "exec+jwt", "kid": "nobody"}, payload())
            self.assertRejects("alg_not_allowed", self.verifier(), token)

    def test_duplicate_member_names_are_malformed(self):
        body = b'{"jti":"a","jti":"b"}'
        self.assertRejects("malformed", self.verifier(), unsigned({"alg": "ES256"}, body))

    def test_lone_surrogate_in_typ_alg_or_kid_is_malformed_before_the_header_checks(self):
        other = {"typ": "exec+jwt", "alg": "none", "kid": "agent-a"}
        for name, escape in (("kid", "\\ud800"), ("kid", "a\\udc00"), ("kid", "\\ud800A"),
                             ("alg", "\\ud800"), ("typ", "\\ud800")):
            header = json.dumps({**other, name: "placeholder"}).replace('"placeholder"', f'"{escape}"')
            token = unsigned(header.encode(), payload())
            self.assertRejects("malformed", self.verifier(), token)

    def test_escaped_surrogate_pair_in_kid_names_its_key(self):
        jwk = {**KEY, "kid": "agent-\U0001F600"}
        header = b'{"alg":"ES256","typ":"exec+jwt","kid":"agent-\\ud83d\\ude00"}'
        signing_input = f"{b64url_encode(header)}.{b64url_encode(json.dumps(payload()).encode())}"
        signature = ECAlgorithm(ECAlgorithm.SHA256).sign(signing_input.encode("ascii"), load_p256_key(jwk))
        verifier = Verifier("01", OPTIONS, [public_jwk(jwk)])
        self.assertEqual(payload(), verifier.verify(f"{signing_input}.{b64url_encode(signature)}", NOW))

    def test_key_whose_jwk_rules_out_verifying_es256_is_key_unknown(self):
        token = create(payload(), KEY, "01", NOW, OPTIONS)
        refused = [{"use": "enc"}, {"use": 1}, {"key_ops": ["sign"]}, {"key_ops": "verify"},
                   {"key_ops": ["verify", 2]}, {"alg": "ES384"}, {"alg": ["ES256"]}]
        for extra in refused:
            with self.subTest(extra=extra):
                keys = [dict(public_jwk(KEY), **extra)]
                self.assertRejects("key_unknown", Verifier("01", OPTIONS, keys), token)
        for extra in ({"use": "sig"}, {"key_ops": ["sign", "verify"]}, {"alg": "ES256"}):
            with self.subTest(extra=extra):
                keys = [dict(public_jwk(KEY), **extra)]
                self.assertEqual(payload(), Verifier("01", OPTIONS, keys).verify(token, NOW))

    def test_zero_r_and_der_signatures_are_invalid(self):
        header = {"alg": "ES256", "typ": "exec+jwt", "kid": "agent-a"}
        good = signed(header, payload())
        head, body, _ = good.split(".")
        zero_r = bytes(32) + bytes([1]) * 32
        der_sized = bytes([0x30]) * 70
        for signature in (zero_r, der_sized):
            token = f"{head}.{body}.{b64url_encode(signature)}"
            self.assertRejects("signature_invalid", self.verifier(), token)

    def test_replay_and_a_failed_token_does_not_consume_its_jti(self):
        v = self.verifier()
        header = {"alg": "ES256", "typ": "exec+jwt", "kid": "agent-a"}
        self.assertRejects("aud_mismatch", v, signed(header, payload(aud="someone-else")))
        token = signed(header, payload())
        v.verify(token, NOW)
        self.assertRejects("replay", v, token)
        self.assertRejects("dag_duplicate_jti", self.verifier(store=[payload()], replay_check=False), token)

    def test_legacy_token_in_mode_01_is_migrated_and_exec_jwt_with_par_is_not(self):
        legacy = payload(2, pred=None, par=[uuid(1)], sub="spiffe://example.com/agent/a",
                         inp_hash="sha-256:" + "A" * 43)
        got = self.verifier(store=[payload(1)]).verify(
            signed({"alg": "ES256", "typ": "wimse-exec+jwt", "kid": "agent-a"}, legacy), NOW)
        self.assertEqual([uuid(1)], got["pred"])
        self.assertNotIn("sub", got)
        self.assertEqual("A" * 43, got["inp_hash"])
        token = signed({"alg": "ES256", "typ": "exec+jwt", "kid": "agent-a"}, legacy)
        self.assertRejects("claim_missing", self.verifier(store=[payload(1)]), token)

    def test_ext_depth_counts_the_object_itself(self):
        def nested(levels):  # levels counted as the profile does
            ext = {"k": 1}
            for _ in range(levels - 1):
                ext = {"k": ext}
            return ext
        header = {"alg": "ES256", "typ": "exec+jwt", "kid": "agent-a"}
        self.verifier().verify(signed(header, payload(ect_ext=nested(5))), NOW)
        self.assertRejects("ext_too_deep", self.verifier(), signed(header, payload(ect_ext=nested(6))))

    def test_hash_formats_per_mode(self):
        header01 = {"alg": "ES256", "typ": "exec+jwt", "kid": "agent-a"}
        self.assertRejects("hash_invalid", self.verifier(),
                           signed(header01, payload(out_hash="sha-256:" + "A" * 43)))
        self.assertRejects("hash_invalid", self.verifier(), signed(header01, payload(out_hash="A" * 42 + "B")))
        header00 = {"alg": "ES256", "typ": "wimse-exec+jwt", "kid": "agent-a"}
        ok = payload(pred=None, par=[], out_hash="sha-512:" + "A" * 86)
        self.verifier("00").verify(signed(header00, ok), NOW)


class DagTest(unittest.TestCase):
    def check(self, body, store, draft="01", **opts):
        try:
            validate_dag(body, store, mode_for(draft), Options(**opts))
            return "valid"
        except EctError as exc:
            return exc.code

    def test_rules_fire_in_the_profile_order(self):
        stored = payload(1)
        # Duplicate jti (rule 1) wins over a missing predecessor (rule 2).
        self.assertEqual("dag_duplicate_jti", self.check(payload(1, pred=[uuid(9)]), [stored]))
        self.assertEqual("dag_pred_not_found", self.check(payload(2, pred=[uuid(9)]), [stored]))
        self.assertEqual("dag_too_many_preds",
                         self.check(payload(2, pred=[uuid(1)] * 3), [stored], max_pred_length=2))
        late = payload(1, iat=NOW + 31)
        self.assertEqual("dag_temporal_order", self.check(payload(2, pred=[uuid(1)]), [late]))
        self.assertEqual("valid", self.check(payload(2, pred=[uuid(1)]), [payload(1, iat=NOW + 30)]))

    def test_workflow_scope_and_cycle_through_a_dangling_reference(self):
        wid_a, wid_b = uuid(100), uuid(200)
        other = payload(1, wid=wid_b)
        self.assertEqual("dag_workflow_mismatch", self.check(payload(2, wid=wid_a, pred=[uuid(1)]), [other]))
        self.assertEqual("valid", self.check(payload(2, wid=wid_a, pred=None, par=[uuid(1)]), [other], "00"))
        self.assertEqual("valid", self.check(payload(1, wid=wid_a), [other]))  # jti scoped by wid
        dangling = payload(1, pred=[uuid(2)])  # names task 2 before it exists
        self.assertEqual("dag_cycle", self.check(payload(2, pred=[uuid(1)]), [dangling]))

    def test_an_ancestor_of_the_same_jti_in_another_workflow_is_another_task(self):
        wid_a, wid_b = uuid(100), uuid(200)
        # Workflow b holds its own task 1 and a task 3 naming it; task 2 of workflow a names task 3 across
        # workflows, and task 4 of workflow a names task 1 of workflow a, which does not exist yet.
        store = [payload(1, wid=wid_b), payload(3, wid=wid_b, pred=[uuid(1)]),
                 payload(2, wid=wid_a, pred=[uuid(3)]), payload(4, wid=wid_a, pred=[uuid(1)])]
        for draft, claim in (("01", "pred"), ("00", "par")):
            task = payload(1, wid=wid_a, **{"pred": None, claim: [uuid(2)]})
            self.assertEqual("valid", self.check(task, store, draft))
        # From its own workflow, the same reference is the task itself.
        looping = [payload(2, wid=wid_a, pred=[uuid(1)])]
        self.assertEqual("dag_cycle", self.check(payload(1, wid=wid_a, pred=[uuid(2)]), looping))


class MigrateAndHttpTest(unittest.TestCase):
    def test_migration_moves_policy_and_refuses_conflicts(self):
        header, body = migrate({"typ": "wimse-exec+jwt"},
                               {"par": ["x"], "pol": "p", "pol_decision": "approved", "ext": {"a": 1}})
        self.assertEqual({"typ": "exec+jwt"}, header)
        self.assertEqual({"pred": ["x"], "ect_ext": {"a": 1, "pol": "p", "pol_decision": "approved"}}, body)
        for bad in ({"par": ["x"], "pred": ["y"]}, {"iss": "a", "sub": "b"},
                    {"pol": "p", "ect_ext": {"pol": "q"}}, {"inp_hash": "sha-384:" + "A" * 64}):
            with self.assertRaises(EctError) as ctx:
                migrate({}, bad)
            self.assertEqual("migration_conflict", ctx.exception.code)

    def test_migration_refuses_a_number_read_as_infinity(self):
        # json.loads reads 1e99999999999 as inf, which no JSON reply can carry.
        huge = json.loads('{"ext": {"n": 1e99999999999}, "ect_ext": {"n": 1e99999999999}}')
        with self.assertRaises(EctError) as ctx:
            migrate({}, huge)
        self.assertEqual("malformed", ctx.exception.code)

    def test_http_field_values(self):
        one, two = "eyJh.eyJi.c2ln", "eyJj.eyJk."  # shape only: no JSON or signature check here
        self.assertEqual([one, two], split_field_values([f"{one} ,\t, {two}", ""]))
        for bad in (f"{one}, not-a-jws", f"{one}, e y.J.h", f"{one}, a.b.c.d.e"):
            with self.assertRaises(EctError) as ctx:
                split_field_values([bad])
            self.assertEqual("malformed", ctx.exception.code)


class HarnessTest(unittest.TestCase):
    """The harness end to end, through a pipe, as the runner drives it."""

    def test_protocol_session(self):
        keys = [public_jwk(KEY)]
        opts = {"verifier_id": AGENT_B}
        created = {"cmd": "run", "seq": 1, "case": {"id": "t::create", "operation": "create", "input": {
            "draft": "01", "now": NOW, "options": {"default_expiry": 600}, "key": KEY,
            "payload": payload(pred=None)}}}
        proc = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "harness.py")], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def ask(message):
            proc.stdin.write(json.dumps(message) + "\n")
            proc.stdin.flush()
            return json.loads(proc.stdout.readline())

        try:
            start = ask({"cmd": "start", "version": 1})
            self.assertEqual(1, start["version"])
            self.assertNotIn("levels", start["implementation"]["features"])

            token = ask(created)["results"][0]["token"]
            none = unsigned({"alg": "none", "typ": "exec+jwt", "kid": "agent-a"}, payload(2))
            verified = ask({"cmd": "run", "seq": 2, "case": {"id": "t::verify", "operation": "verify", "input": {
                "draft": "01", "now": NOW, "options": opts, "keys": keys, "store": [],
                "tokens": [token, none, token]}}})
            self.assertEqual(2, verified["seq"])
            self.assertEqual(["valid", "invalid", "invalid"], [r["result"] for r in verified["results"]])
            self.assertEqual(payload(), verified["results"][0]["payload"])
            self.assertEqual(["alg_not_allowed", "replay"], [r["error"] for r in verified["results"][1:]])

            dag = ask({"cmd": "run", "seq": 3, "case": {"id": "t::dag", "operation": "dag", "input": {
                "draft": "01", "options": opts, "store": [payload(1)], "payload": payload(2, pred=[uuid(9)])}}})
            self.assertEqual([{"result": "invalid", "error": "dag_pred_not_found",
                               "message": dag["results"][0]["message"]}], dag["results"])

            migrated = ask({"cmd": "run", "seq": 4, "case": {"id": "t::migrate", "operation": "migrate", "input": {
                "header": {"alg": "ES256", "typ": "wimse-exec+jwt", "kid": "k"}, "payload": {"par": []}}}})
            self.assertEqual({"result": "valid", "header": {"alg": "ES256", "typ": "exec+jwt", "kid": "k"},
                              "payload": {"pred": []}}, migrated["results"][0])

            broken = ask({"cmd": "run", "seq": 5, "case": {"id": "t::broken", "operation": "verify", "input": {}}})
            self.assertEqual({"seq": 5, "errored": True}, {k: broken[k] for k in ("seq", "errored")})
            skipped = ask({"cmd": "run", "seq": 6, "case": {"id": "t::levels", "operation": "verify",
                                                           "features": ["levels"], "input": {}}})
            self.assertTrue(skipped["skipped"])

            proc.stdin.write(json.dumps({"cmd": "stop"}) + "\n")
            proc.stdin.flush()
            self.assertEqual(0, proc.wait(timeout=10))
            self.assertEqual("", proc.stdout.read())
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdin.close()
            proc.stdout.close()
            proc.stderr.close()


if __name__ == "__main__":
    unittest.main()
