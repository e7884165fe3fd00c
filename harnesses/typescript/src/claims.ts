// Claim rules (docs/profile.md section 6: CLM, TIME, EXT, HASH), shared by verification and
// creation. Everything here reads an already parsed payload; nothing reads the clock.

import { isCanonicalDigest } from "./base64url.js";
import { fail } from "./errors.js";
import { BigNumber, type Json, type JsonObject, depth, has, isObject, stringify } from "./json.js";
import type { Mode, Options } from "./options.js";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const POL_DECISIONS = ["approved", "rejected", "pending_human_review"];

function describe(v: Json): string {
    if (v === null) return "null";
    if (Array.isArray(v)) return "an array";
    if (v instanceof BigNumber) return "a number";
    return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

function required(p: JsonObject, name: string): Json {
    if (!has(p, name)) fail("claim_missing", `${name} is missing`);
    return p[name] as Json;
}

function nonEmptyString(p: JsonObject, name: string): string {
    const v = required(p, name);
    if (typeof v !== "string") fail("claim_invalid", `${name} is ${describe(v)}, not a string`);
    if (v === "") fail("claim_invalid", `${name} is empty`);
    return v;
}

/** iat and exp: JSON numbers. An integral value counts whatever its spelling (1.7e9), a
 *  fraction is taken as it is (RFC 7519 NumericDate); a value beyond ±(2^53 − 1) cannot be
 *  compared exactly and is refused (CLM-3 allows either). */
export function numericDate(p: JsonObject, name: string): number {
    const v = required(p, name);
    if (v instanceof BigNumber) fail("claim_invalid", `${name} is beyond the exact range of a JSON number`);
    if (typeof v !== "number") fail("claim_invalid", `${name} is ${describe(v)}, not a number`);
    return v;
}

function uuid(p: JsonObject, name: string, code: "jti_invalid" | "wid_invalid", opts: Options): void {
    const v = p[name] as Json;
    if (typeof v !== "string") fail("claim_invalid", `${name} is ${describe(v)}, not a string`);
    if (v === "") fail("claim_invalid", `${name} is empty`);
    if (opts.validateUuids && !UUID.test(v)) fail(code, `${name} ${JSON.stringify(v)} is not a UUID`);
}

/** The DAG claim of the mode: an array of non-empty strings. */
export function dagList(p: JsonObject, mode: Mode): string[] {
    const v = required(p, mode.dagClaim);
    if (!Array.isArray(v)) fail("claim_invalid", `${mode.dagClaim} is ${describe(v)}, not an array`);
    for (const [k, e] of v.entries()) {
        if (typeof e !== "string") fail("claim_invalid", `${mode.dagClaim}[${k}] is ${describe(e)}, not a string`);
        if (e === "") fail("claim_invalid", `${mode.dagClaim}[${k}] is empty`);
    }
    return v as string[];
}

function hash(p: JsonObject, name: string, mode: Mode): void {
    if (!has(p, name)) return;
    const v = p[name] as Json;
    if (typeof v !== "string") fail("claim_invalid", `${name} is ${describe(v)}, not a string`);
    const ok = (() => {
        if (isCanonicalDigest(v, 32)) return true;
        if (mode.draft !== "00") return false;
        if (v.startsWith("sha-256:")) return isCanonicalDigest(v.slice(8), 32);
        if (v.startsWith("sha-384:")) return isCanonicalDigest(v.slice(8), 48);
        if (v.startsWith("sha-512:")) return isCanonicalDigest(v.slice(8), 64);
        return false;
    })();
    if (!ok) fail("hash_invalid", `${name} is not ${mode.draft === "00" ? "a -00" : "an unpadded base64url SHA-256"} hash`);
}

/** The extension object (EXT-1, EXT-2): an object, its compact UTF-8 JSON at most
 *  ext_max_bytes, nested at most ext_max_depth (the object itself is depth 1). The limits
 *  are applied in both modes: a MUST NOT in -01, a SHOULD NOT that this implementation
 *  follows in -00. */
function extension(p: JsonObject, mode: Mode, opts: Options): void {
    const name = mode.extClaim;
    if (!has(p, name)) return;
    const v = p[name] as Json;
    if (!isObject(v)) fail("claim_invalid", `${name} is ${describe(v)}, not an object`);
    const bytes = Buffer.byteLength(stringify(v), "utf8");
    if (bytes > opts.extMaxBytes) fail("ext_too_large", `${name} is ${bytes} bytes, over ${opts.extMaxBytes}`);
    const d = depth(v);
    if (d > opts.extMaxDepth) fail("ext_too_deep", `${name} is nested ${d} deep, over ${opts.extMaxDepth}`);
}

export interface ClaimContext {
    mode: Mode;
    opts: Options;
    /** verification: the verifier's identity to find in aud, and the clock */
    verifierId?: string | null;
    now?: number;
}

/** Every claim check that needs nothing but the payload (and, when verifying, the clock
 *  and the verifier's identity). Throws the first failure. */
export function checkClaims(p: JsonObject, ctx: ClaimContext): void {
    const { mode, opts } = ctx;
    nonEmptyString(p, "iss");

    const aud = required(p, "aud");
    if (typeof aud !== "string" && !(Array.isArray(aud) && aud.every((a) => typeof a === "string"))) {
        fail("claim_invalid", `aud is ${describe(aud)}, not a string or an array of strings`);
    }

    const iat = numericDate(p, "iat");
    const exp = numericDate(p, "exp");
    if (!has(p, "jti")) fail("claim_missing", "jti is missing");
    uuid(p, "jti", "jti_invalid", opts);
    if (has(p, "wid")) uuid(p, "wid", "wid_invalid", opts);
    nonEmptyString(p, "exec_act");
    dagList(p, mode);
    hash(p, "inp_hash", mode);
    hash(p, "out_hash", mode);
    extension(p, mode, opts);

    if (mode.draft === "00") {
        const hasPol = has(p, "pol");
        const hasDecision = has(p, "pol_decision");
        if (hasPol !== hasDecision) fail("pol_pair", hasPol ? "pol without pol_decision" : "pol_decision without pol");
        if (hasPol) {
            const pol = p["pol"] as Json;
            if (typeof pol !== "string") fail("claim_invalid", `pol is ${describe(pol)}, not a string`);
            const decision = p["pol_decision"] as Json;
            if (typeof decision !== "string" || !POL_DECISIONS.includes(decision)) {
                fail("pol_pair", `pol_decision ${stringify(decision)} is not one of ${POL_DECISIONS.join(", ")}`);
            }
        }
        if (has(p, "sub")) {
            const sub = p["sub"] as Json;
            if (typeof sub !== "string") fail("claim_invalid", `sub is ${describe(sub)}, not a string`);
            if (sub !== p["iss"]) fail("sub_mismatch", "sub differs from iss");
        }
    }

    if (exp <= iat) fail("claim_invalid", `exp ${exp} is not after iat ${iat}`);

    if (ctx.now === undefined) return;
    const now = ctx.now;
    const audiences = typeof aud === "string" ? [aud] : (aud as string[]);
    if (ctx.verifierId == null || !audiences.includes(ctx.verifierId)) {
        fail("aud_mismatch", `verifier ${JSON.stringify(ctx.verifierId)} is not in aud`);
    }
    if (now >= exp + opts.expLeeway) fail("expired", `expired at ${exp} (now ${now})`);
    if (now - iat > opts.iatMaxAge) fail("iat_too_old", `iat ${iat} is more than ${opts.iatMaxAge} s before now ${now}`);
    if (iat - now > opts.iatMaxFuture) fail("iat_in_future", `iat ${iat} is more than ${opts.iatMaxFuture} s after now ${now}`);
}
