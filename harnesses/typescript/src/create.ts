// Creation (docs/profile.md section 10, CRT-1 to CRT-3): fill the defaults, refuse what
// verification would refuse on the claims alone, sign with ES256.

import { checkClaims, dagList, numericDate } from "./claims.js";
import { fail } from "./errors.js";
import { type Json, type JsonObject, copyObject, has, isObject, stringify } from "./json.js";
import { sign } from "./jws.js";
import type { Mode, Options } from "./options.js";

export async function create(input: Json, key: Json, mode: Mode, now: number, opts: Options): Promise<string> {
    if (!isObject(input)) fail("malformed", "the payload is not a JSON object");
    if (!isObject(key) || typeof key["kid"] !== "string" || typeof key["d"] !== "string") {
        throw new Error("the key is not a private JWK with kid and d");
    }
    const payload = copyObject(input); // never change the caller's object (CRT-2)
    if (!has(payload, "iat")) payload["iat"] = now;
    if (!has(payload, "exp")) payload["exp"] = numericDate(payload, "iat") + opts.defaultExpiry;
    if (!has(payload, mode.dagClaim)) {
        // CRT-2: the other draft's DAG claim alone is refused, never defaulted into a root
        if (has(payload, mode.otherDagClaim)) {
            fail("claim_missing", `${mode.dagClaim} is missing (the payload carries ${mode.otherDagClaim}, the other draft's name)`);
        }
        payload[mode.dagClaim] = [];
    }

    checkClaims(payload, { mode, opts });
    const preds = dagList(payload, mode);
    if (opts.maxPredLength > 0 && preds.length > opts.maxPredLength) {
        fail("dag_too_many_preds", `${preds.length} predecessors, over max_pred_length ${opts.maxPredLength}`);
    }

    const header: JsonObject = Object.create(null);
    header["alg"] = "ES256";
    header["typ"] = mode.typ;
    header["kid"] = key["kid"];
    return await sign(header, Buffer.from(stringify(payload), "utf8"), key);
}
