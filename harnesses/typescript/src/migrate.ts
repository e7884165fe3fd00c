// Migration of a -00 token's header and payload to -01 (docs/profile.md section 9, MIG-1
// to MIG-6). A pure function: the inputs are never changed, and no claim is validated.

import { fail } from "./errors.js";
import { type Json, type JsonObject, copyObject, has, isObject, jsonEqual } from "./json.js";
import { LEGACY_TYP } from "./options.js";

export function migrateHeader(header: JsonObject): JsonObject {
    const out = copyObject(header);
    if (out["typ"] === LEGACY_TYP) out["typ"] = "exec+jwt"; // MIG-1
    return out;
}

export function migratePayload(payload: JsonObject): JsonObject {
    const out = copyObject(payload);

    // MIG-2: par becomes pred; both present must agree
    if (has(out, "par")) {
        const par = out["par"] as Json;
        if (has(out, "pred") && !jsonEqual(out["pred"] as Json, par)) {
            fail("migration_conflict", "par and pred differ");
        }
        out["pred"] = par;
        delete out["par"];
    }

    // MIG-3: ext becomes ect_ext, carried over whatever it holds
    if (has(out, "ext")) {
        const ext = out["ext"] as Json;
        if (has(out, "ect_ext") && !jsonEqual(out["ect_ext"] as Json, ext)) {
            fail("migration_conflict", "ext and ect_ext differ");
        }
        out["ect_ext"] = ext;
        delete out["ext"];
    }

    // MIG-4: pol and pol_decision move into ect_ext
    const moving = ["pol", "pol_decision"].filter((name) => has(out, name));
    if (moving.length > 0) {
        let target: JsonObject;
        if (!has(out, "ect_ext")) {
            target = Object.create(null) as JsonObject;
        } else {
            const ext = out["ect_ext"] as Json;
            if (!isObject(ext)) fail("migration_conflict", `${moving.join(" and ")} cannot move into an extension that is not an object`);
            target = copyObject(ext);
        }
        for (const name of moving) {
            const value = out[name] as Json;
            if (has(target, name) && !jsonEqual(target[name] as Json, value)) {
                fail("migration_conflict", `ect_ext already holds another ${name}`);
            }
            target[name] = value;
            delete out[name];
        }
        out["ect_ext"] = target;
    }

    // MIG-5: sub is dropped when it equals iss
    if (has(out, "sub")) {
        if (!has(out, "iss") || !jsonEqual(out["sub"] as Json, out["iss"] as Json)) {
            fail("migration_conflict", "sub differs from iss and has no -01 form");
        }
        delete out["sub"];
    }

    // MIG-6: sha-256: loses its prefix; sha-384: and sha-512: have no -01 form
    for (const name of ["inp_hash", "out_hash"]) {
        const v = out[name];
        if (typeof v !== "string") continue;
        if (v.startsWith("sha-256:")) out[name] = v.slice("sha-256:".length);
        else if (v.startsWith("sha-384:") || v.startsWith("sha-512:")) {
            fail("migration_conflict", `${name} uses ${v.slice(0, 7)}, which -01 cannot express`);
        }
    }
    return out;
}
