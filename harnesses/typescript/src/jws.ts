// The JOSE layer: compact JWS parsing and the header checks (PARSE, HDR), and ES256
// signatures (SIG) through jose.
//
// jose's compactVerify reads the header with JSON.parse, which takes the last of two
// duplicate members. So the token is split, decoded and parsed here with the strict
// reader, every header rule is decided here, and jose is only asked the one question it
// is needed for: does this signature verify under this key. The key comes from the
// verifier's own key set, looked up by kid, never from the header (HDR-3).

import { CompactSign, compactVerify, importJWK, type JWK } from "jose";
import { decodeSegment } from "./base64url.js";
import { EctError, fail } from "./errors.js";
import { type Json, type JsonObject, JsonError, has, isObject, parseJson } from "./json.js";
import type { Mode, Options } from "./options.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// The order of the P-256 group.
const P256_N = BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

export interface ParsedToken {
    header: JsonObject;
    payload: JsonObject;
    signature: Buffer;
}

/** Reads bytes as a UTF-8 JSON object (PARSE-2, PARSE-3); a byte order mark is refused. */
export function parseObject(bytes: Uint8Array, part: string): JsonObject {
    let text: string;
    try {
        text = UTF8.decode(bytes);
    } catch {
        return fail("malformed", `the ${part} is not valid UTF-8`);
    }
    let value: Json;
    try {
        value = parseJson(text);
    } catch (e) {
        if (e instanceof JsonError) fail("malformed", `the ${part} is not strict JSON: ${e.message}`);
        throw e;
    }
    if (!isObject(value)) fail("malformed", `the ${part} is not a JSON object`);
    return value;
}

/** PARSE-4 then PARSE-1 to PARSE-3. */
export function parseCompact(token: string, opts: Options): ParsedToken {
    const bytes = Buffer.byteLength(token, "utf8");
    if (bytes > opts.maxTokenBytes) fail("token_too_large", `the token is ${bytes} bytes, over ${opts.maxTokenBytes}`);
    const parts = token.split(".");
    if (parts.length !== 3) fail("malformed", `a compact JWS has 3 segments, not ${parts.length}`);
    const [h, p, s] = parts as [string, string, string];
    const headerBytes = decodeSegment(h);
    const payloadBytes = decodeSegment(p);
    const signature = decodeSegment(s);
    if (headerBytes === null) fail("malformed", "the header segment is not unpadded base64url");
    if (payloadBytes === null) fail("malformed", "the payload segment is not unpadded base64url");
    if (signature === null) fail("malformed", "the signature segment is not unpadded base64url");
    return {
        header: parseObject(headerBytes, "header"),
        payload: parseObject(payloadBytes, "payload"),
        signature,
    };
}

/** HDR-1 (typ), HDR-2 (alg), HDR-4 (crit), in that order (DAG-9). */
export function checkHeader(header: JsonObject, mode: Mode, opts: Options): void {
    const typ = header["typ"];
    if (typeof typ !== "string" || !mode.acceptedTyp.includes(typ)) {
        fail("typ_invalid", `typ ${typ === undefined ? "is missing" : `${JSON.stringify(typ)} is not accepted in mode ${mode.draft}`}`);
    }
    const alg = header["alg"];
    if (typeof alg !== "string") fail("alg_not_allowed", alg === undefined ? "alg is missing" : "alg is not a string");
    if (!opts.allowedAlgs.includes(alg)) fail("alg_not_allowed", `alg ${JSON.stringify(alg.slice(0, 40))} is not in allowed_algs`);
    if (alg !== "ES256") fail("alg_not_allowed", `alg ${alg} is allowed but not implemented: ES256 only`);
    if (has(header, "crit")) {
        const crit = header["crit"];
        if (!Array.isArray(crit) || !crit.every((c) => typeof c === "string")) fail("malformed", "crit is not an array of strings");
        // RFC 7515 4.1.11: an empty list must not be produced
        if (crit.length === 0) fail("malformed", "crit is an empty list");
        fail("crit_unsupported", `crit names ${crit.map((c) => JSON.stringify(c)).join(", ")}, which this verifier does not understand`);
    }
}

/** HDR-3, SIG-4, SIG-5: the kid names a usable P-256 verification key of the key set. */
export async function resolveKey(header: JsonObject, keys: Json[]): Promise<CryptoKey | Uint8Array> {
    const kid = header["kid"];
    if (kid === undefined) fail("kid_missing", "the header has no kid");
    if (typeof kid !== "string" || kid === "") fail("kid_missing", "kid is not a non-empty string");
    const jwk = keys.find((k): k is JsonObject => isObject(k) && k["kid"] === kid);
    const shown = JSON.stringify(kid.length > 64 ? `${kid.slice(0, 64)}...` : kid);
    if (jwk === undefined) fail("key_unknown", `kid ${shown} is not in the key set`);
    if (jwk["kty"] !== "EC" || jwk["crv"] !== "P-256") fail("key_unknown", `kid ${shown} is not a P-256 EC key`);
    if (has(jwk, "use") && jwk["use"] !== "sig") fail("key_unknown", `kid ${shown} has use ${JSON.stringify(jwk["use"])}`);
    if (has(jwk, "key_ops")) {
        const ops = jwk["key_ops"];
        // RFC 7517 §4.3: an array of strings; a key whose key_ops is anything else is no usable key.
        if (!Array.isArray(ops) || !ops.every((op) => typeof op === "string")) fail("key_unknown", `kid ${shown} has key_ops that is not an array of strings`);
        if (!ops.includes("verify")) fail("key_unknown", `kid ${shown} has key_ops without verify`);
    }
    if (has(jwk, "alg") && jwk["alg"] !== header["alg"]) fail("key_unknown", `kid ${shown} is meant for alg ${JSON.stringify(jwk["alg"])}`);
    const x = jwk["x"];
    const y = jwk["y"];
    if (typeof x !== "string" || typeof y !== "string") fail("key_unknown", `kid ${shown} has no x and y`);
    try {
        // only the public members: a stray d must not turn this into a private key
        return await importJWK({ kty: "EC", crv: "P-256", x, y }, "ES256");
    } catch (e) {
        return fail("key_unknown", `kid ${shown} is not a usable P-256 key: ${(e as Error).message}`);
    }
}

/** SIG-1 to SIG-3. */
export async function checkSignature(token: string, signature: Buffer, key: CryptoKey | Uint8Array): Promise<void> {
    if (signature.length !== 64) fail("signature_invalid", `an ES256 signature is 64 bytes, not ${signature.length}`);
    const r = BigInt(`0x${signature.subarray(0, 32).toString("hex")}`);
    const s = BigInt(`0x${signature.subarray(32).toString("hex")}`);
    if (r === 0n || s === 0n || r >= P256_N || s >= P256_N) {
        fail("signature_invalid", "r or s is zero or not below the group order");
    }
    try {
        await compactVerify(token, key, { algorithms: ["ES256"] });
    } catch (e) {
        if (e instanceof EctError) throw e;
        fail("signature_invalid", `the signature does not verify: ${(e as Error).message}`);
    }
}

/** ES256-signs the payload bytes under the given protected header with a private JWK. */
export async function sign(header: JsonObject, payloadBytes: Uint8Array, privateJwk: JsonObject): Promise<string> {
    const key = await importJWK(privateJwk as unknown as JWK, "ES256");
    return await new CompactSign(payloadBytes)
        .setProtectedHeader({ alg: "ES256", typ: String(header["typ"]), kid: String(header["kid"]) })
        .sign(key);
}
