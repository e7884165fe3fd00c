// Unit tests (node --test). The conformance vectors are the real test of this
// implementation; these pin down the pieces a vector run cannot show directly, and run
// without the suite's runner.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createSign, generateKeyPairSync } from "node:crypto";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { create } from "../create.js";
import { Store, validateDag } from "../dag.js";
import { EctError } from "../errors.js";
import { BigNumber, type Json, type JsonObject, depth, parseJson, stringify } from "../json.js";
import { migratePayload } from "../migrate.js";
import { MODE_00, MODE_01, readOptions } from "../options.js";
import { Verifier } from "../verify.js";

const NOW = 1767225600;
const here = dirname(fileURLToPath(import.meta.url));

function json(text: string): JsonObject {
    return parseJson(text) as JsonObject;
}

function codeOf(f: () => unknown): string {
    try {
        f();
    } catch (e) {
        if (e instanceof EctError) return e.code;
        throw e;
    }
    return "valid";
}

async function codeOfAsync(f: () => Promise<unknown>): Promise<string> {
    try {
        await f();
    } catch (e) {
        if (e instanceof EctError) return e.code;
        throw e;
    }
    return "valid";
}

// A fresh P-256 key pair as JWKs, kid agent-a.
const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
const publicJwk = { ...pair.publicKey.export({ format: "jwk" }), kid: "agent-a" } as Record<string, unknown>;
const privateJwk = { ...pair.privateKey.export({ format: "jwk" }), kid: "agent-a" } as Record<string, unknown>;
const keys = [json(JSON.stringify(publicJwk))];

function payload01(extra: Record<string, unknown> = {}): JsonObject {
    return json(JSON.stringify({
        iss: "spiffe://example.com/agent/a", aud: "spiffe://example.com/agent/b",
        jti: "00000000-0000-4000-8000-000000000001", wid: "10000000-0000-4000-a000-000000000001",
        exec_act: "review_spec", ...extra,
    }));
}

const verifierOptions = readOptions(json('{"verifier_id":"spiffe://example.com/agent/b"}'));

/** A token whose header and payload are exactly the given texts, signed with node:crypto
 *  (jose would re-serialize the header and so could not write a duplicate member). */
function signRaw(headerText: string, payloadText: string): string {
    const input = `${Buffer.from(headerText).toString("base64url")}.${Buffer.from(payloadText).toString("base64url")}`;
    const signature = createSign("SHA256").update(input).sign({ key: pair.privateKey, dsaEncoding: "ieee-p1363" });
    return `${input}.${signature.toString("base64url")}`;
}

describe("strict JSON", () => {
    it("refuses duplicate member names, also when one is spelled with an escape", () => {
        assert.throws(() => parseJson('{"aud":"a","aud":"b"}'), /duplicate member name "aud"/);
        assert.throws(() => parseJson('{"aud":"a","\\u0061ud":"b"}'), /duplicate/);
        assert.throws(() => parseJson('{"x":{"k":1,"k":2}}'), /duplicate/);
        assert.deepEqual(Object.keys(parseJson('{"aud":1,"AUD":2}') as JsonObject), ["aud", "AUD"]);
    });

    it("keeps integers beyond 2^53 exactly and reads any spelling of a safe one", () => {
        const big = "9".repeat(300);
        const v = parseJson(`{"n":${big}}`) as JsonObject;
        assert.ok(v["n"] instanceof BigNumber);
        assert.equal(stringify(v), `{"n":${big}}`);
        assert.equal((parseJson("[1.7672256e9]") as Json[])[0], 1767225600);
        assert.throws(() => parseJson("1e400"), /beyond/);
    });

    it("keeps a number beyond a double as its text in a harness request, so the request stays readable", () => {
        const v = parseJson('{"n":1e99999999999}', { keepHugeNumbers: true }) as JsonObject;
        assert.ok(v["n"] instanceof BigNumber);
        assert.equal(stringify(v), '{"n":1e99999999999}');
        assert.throws(() => parseJson('{"n":1e99999999999}'), /beyond/);
    });

    it("refuses what RFC 8259 refuses", () => {
        for (const bad of ['{"a":1,}', "{'a':1}", '{"a":01}', '{"a":NaN}', '{"a":"\t"}', '{} {}', '{"a":1}x',
            '{"a":"\\ud800"}', "\ufeff{}", '{"a":tru}', '[1 2]', '{"a" 1}', '']) {
            assert.throws(() => parseJson(bad), Error, JSON.stringify(bad));
        }
        assert.deepEqual(parseJson(' {"a" : [ "\\/" , -0, 1.5e2 ] } '), Object.assign(Object.create(null), { a: ["/", 0, 150] }));
    });

    it("reads and writes 100,000 levels of nesting without recursion", () => {
        const deep = "[".repeat(100_000) + "]".repeat(100_000);
        const v = parseJson(deep);
        assert.equal(depth(v), 100_000);
        assert.equal(stringify(v), deep);
    });

    it("treats __proto__ as an ordinary member", () => {
        const v = parseJson('{"__proto__":{"polluted":true}}') as JsonObject;
        assert.equal(Object.getPrototypeOf(v), null);
        assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
        assert.equal(stringify(v), '{"__proto__":{"polluted":true}}');
    });
});

describe("create and verify", () => {
    it("round-trips in both modes, and the second presentation is a replay", async () => {
        for (const mode of [MODE_00, MODE_01]) {
            const token = await create(payload01(), json(JSON.stringify(privateJwk)), mode, NOW, readOptions(null));
            const header = JSON.parse(Buffer.from(token.split(".")[0] as string, "base64url").toString());
            assert.deepEqual(header, { alg: "ES256", typ: mode.typ, kid: "agent-a" });
            const verifier = new Verifier(mode, verifierOptions, keys, []);
            const read = await verifier.verify(token, NOW);
            assert.equal(read["iat"], NOW);
            assert.equal(read["exp"], NOW + 600);
            assert.deepEqual(read[mode.dagClaim], []);
            assert.equal(await codeOfAsync(() => verifier.verify(token, NOW)), "replay");
        }
    });

    it("refuses a lone surrogate in typ, alg or kid as malformed before the header checks, and keeps an escaped pair", async () => {
        const body = stringify(payload01({ iat: NOW, exp: NOW + 600, pred: [] }));
        const verifier = new Verifier(MODE_01, verifierOptions, keys, []);
        for (const header of ['{"alg":"none","typ":"exec+jwt","kid":"\\ud800"}', '{"alg":"none","typ":"exec+jwt","kid":"a\\udc00"}',
            '{"alg":"none","typ":"exec+jwt","kid":"\\ud800A"}', '{"alg":"\\ud800","typ":"JWT","kid":"agent-a"}',
            '{"alg":"none","typ":"\\ud800","kid":"agent-a"}']) {
            assert.equal(await codeOfAsync(() => verifier.verify(signRaw(header, body), NOW)), "malformed", header);
        }
        const pairKeys = [json(JSON.stringify({ ...publicJwk, kid: "agent-\u{1F600}" }))];
        const pairToken = signRaw('{"alg":"ES256","typ":"exec+jwt","kid":"agent-\\ud83d\\ude00"}', body);
        assert.equal(await codeOfAsync(() => new Verifier(MODE_01, verifierOptions, pairKeys, []).verify(pairToken, NOW)), "valid");
    });

    it("refuses a duplicate header member even under a valid signature", async () => {
        const body = stringify(payload01({ iat: NOW, exp: NOW + 600, pred: [] }));
        const token = signRaw('{"alg":"none","alg":"ES256","typ":"exec+jwt","kid":"agent-a"}', body);
        const verifier = new Verifier(MODE_01, verifierOptions, keys, []);
        assert.equal(await codeOfAsync(() => verifier.verify(token, NOW)), "malformed");
        const honest = signRaw('{"alg":"ES256","typ":"exec+jwt","kid":"agent-a"}', body);
        assert.equal(await codeOfAsync(() => verifier.verify(honest, NOW)), "valid");
    });

    it("refuses the psychic signature (r = s = 0) and a rejected token does not consume its jti", async () => {
        const body = stringify(payload01({ iat: NOW, exp: NOW + 600, pred: [] }));
        const honest = signRaw('{"alg":"ES256","typ":"exec+jwt","kid":"agent-a"}', body);
        const zero = `${honest.slice(0, honest.lastIndexOf("."))}.${Buffer.alloc(64).toString("base64url")}`;
        const verifier = new Verifier(MODE_01, verifierOptions, keys, []);
        assert.equal(await codeOfAsync(() => verifier.verify(zero, NOW)), "signature_invalid");
        assert.equal(await codeOfAsync(() => verifier.verify(honest, NOW)), "valid");
    });

    it("reads a legacy -00 token in mode 01 through the migration: par is not dropped", async () => {
        const body = stringify(payload01({ iat: NOW, exp: NOW + 600, par: ["00000000-0000-4000-8000-000000000009"] }));
        const verifier = new Verifier(MODE_01, verifierOptions, keys, []);
        assert.equal(await codeOfAsync(() => verifier.verify(signRaw('{"alg":"ES256","typ":"wimse-exec+jwt","kid":"agent-a"}', body), NOW)), "dag_pred_not_found");
        assert.equal(await codeOfAsync(() => verifier.verify(signRaw('{"alg":"ES256","typ":"exec+jwt","kid":"agent-a"}', body), NOW)), "claim_missing");
    });
});

describe("DAG and migration", () => {
    const opts = readOptions(null);
    const task = (jti: string, iat: number, pred: string[]) => payload01({ jti, iat, exp: iat + 600, pred });
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

    it("finds a cycle closed through a dangling reference, and checks time before cycles", () => {
        const store = new Store([task(id(2), NOW - 10, [id(1)])]);
        assert.equal(codeOf(() => validateDag(task(id(1), NOW, [id(2)]), store, MODE_01, opts)), "dag_cycle");
        const late = new Store([task(id(2), NOW + 3600, [id(1)])]);
        assert.equal(codeOf(() => validateDag(task(id(1), NOW, [id(2)]), late, MODE_01, opts)), "dag_temporal_order");
        assert.equal(codeOf(() => validateDag(task(id(3), NOW, [id(2)]), store, MODE_01, opts)), "valid");
    });

    it("migrates without touching its input, and refuses what it would lose", () => {
        const input = json('{"iss":"a","sub":"a","par":["x"],"ext":{"k":1},"pol":"p","pol_decision":"approved","inp_hash":"sha-256:AAAA"}');
        const before = stringify(input);
        const out = migratePayload(input);
        assert.equal(stringify(input), before);
        assert.equal(stringify(out, true), '{"ect_ext":{"k":1,"pol":"p","pol_decision":"approved"},"inp_hash":"AAAA","iss":"a","pred":["x"]}');
        assert.equal(codeOf(() => migratePayload(json('{"iss":"a","sub":"b"}'))), "migration_conflict");
        assert.equal(codeOf(() => migratePayload(json('{"pol":"p","ext":[1]}'))), "migration_conflict");
    });
});

describe("harness", () => {
    it("speaks protocol v1 through a pipe and exits 0 on stop", async () => {
        const child = spawn(process.execPath, [join(here, "..", "harness.js")], { stdio: ["pipe", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
        const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
        const lines = [
            { cmd: "start", version: 1 },
            { cmd: "run", seq: 1, case: { id: "t::split", operation: "http-header", input: { draft: "01", field_values: ["a.b.c, d.e.f", ""] } } },
            { cmd: "run", seq: 2, case: { id: "t::bad", operation: "http-header", input: { draft: "01", field_values: ["Bearer a.b.c"] } } },
            { cmd: "run", seq: 3, case: { id: "t::levels", operation: "nosuch", input: {} } },
        ];
        const text = lines.map((l) => JSON.stringify(l)).join("\n") +
            // a request the strict reader refuses still gets an errored reply with its seq
            '\n{"cmd":"run","seq":4,"seq":4,"case":{}}\nnot json\n{"cmd":"stop"}\n';
        child.stdin.end(text);
        assert.equal(await exited, 0);
        const replies = out.trim().split("\n").map((l) => JSON.parse(l));
        assert.equal(replies.length, 6);
        assert.equal(replies[0].version, 1);
        assert.deepEqual(replies[0].implementation.drafts, ["00", "01"]);
        assert.deepEqual(replies[1], { seq: 1, results: [{ result: "valid", tokens: ["a.b.c", "d.e.f"] }] });
        assert.equal(replies[2].results[0].error, "malformed");
        assert.equal(replies[3].skipped, true);
        assert.deepEqual([replies[4].seq, replies[4].errored], [4, true]);
        assert.deepEqual([replies[5].seq, replies[5].errored], [null, true]);
    });
});
