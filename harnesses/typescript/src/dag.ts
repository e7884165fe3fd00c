// DAG validation against a store of accepted payloads (docs/profile.md section 7). The
// checks run in the order DAG-9 fixes: length (6), uniqueness (1), existence (2),
// workflow (8), time (3), cycle (4).

import { fail } from "./errors.js";
import { BigNumber, type Json, type JsonObject, has, isObject } from "./json.js";
import type { Mode, Options } from "./options.js";

function text(v: Json | undefined): string | undefined {
    return typeof v === "string" ? v : undefined;
}

/** Payloads indexed by jti. The store may hold the same jti in several workflows, and
 *  references to tasks it does not hold. */
export class Store {
    private readonly byJti = new Map<string, JsonObject[]>();

    constructor(entries: Iterable<Json> = []) {
        for (const e of entries) if (isObject(e)) this.add(e);
    }

    add(entry: JsonObject): void {
        const jti = text(entry["jti"]);
        if (jti === undefined) return;
        const list = this.byJti.get(jti);
        if (list) list.push(entry);
        else this.byJti.set(jti, [entry]);
    }

    /** DAG-1: a jti is taken within the wid when there is one, anywhere without one. */
    taken(jti: string, wid: string | undefined): boolean {
        const list = this.byJti.get(jti) ?? [];
        return wid === undefined ? list.length > 0 : list.some((e) => e["wid"] === wid);
    }

    /** The entry a reference names: the one of the referring task's workflow first, else
     *  any entry with that jti. */
    find(jti: string, wid: string | undefined): JsonObject | undefined {
        const list = this.byJti.get(jti);
        if (!list) return undefined;
        return (wid !== undefined ? list.find((e) => e["wid"] === wid) : undefined) ?? list[0];
    }
}

function iatOf(entry: JsonObject): number | undefined {
    const v = entry["iat"];
    if (typeof v === "number") return v;
    if (v instanceof BigNumber) return Number(v.text);
    return undefined;
}

function predsOf(entry: JsonObject, mode: Mode): string[] {
    const v = entry[mode.dagClaim];
    return Array.isArray(v) ? v.filter((e): e is string => typeof e === "string") : [];
}

export function validateDag(payload: JsonObject, store: Store, mode: Mode, opts: Options): void {
    const claim = mode.dagClaim;
    if (!has(payload, claim)) fail("claim_missing", `${claim} is missing`);
    const raw = payload[claim];
    if (!Array.isArray(raw) || !raw.every((e) => typeof e === "string")) {
        fail("claim_invalid", `${claim} is not an array of strings`);
    }
    const preds = raw as string[];
    const jti = text(payload["jti"]);
    if (jti === undefined) fail("claim_invalid", "jti is not a string");
    const wid = text(payload["wid"]);

    // DAG-6
    if (opts.maxPredLength > 0 && preds.length > opts.maxPredLength) {
        fail("dag_too_many_preds", `${preds.length} predecessors, over max_pred_length ${opts.maxPredLength}`);
    }
    // DAG-1
    if (store.taken(jti, wid)) {
        fail("dag_duplicate_jti", `jti ${jti} is already in the store${wid === undefined ? "" : ` for wid ${wid}`}`);
    }
    // DAG-7 (PROFILE, either verdict): a predecessor named twice is read once.
    const unique = [...new Set(preds)];
    // DAG-2
    const found: JsonObject[] = [];
    for (const p of unique) {
        const entry = store.find(p, wid);
        if (entry === undefined) fail("dag_pred_not_found", `predecessor ${p} is not in the store`);
        found.push(entry);
    }
    // DAG-8: MUST in -01; -00 has no workflow rule, so a cross-workflow predecessor passes there
    if (mode.draft === "01" && wid !== undefined) {
        for (const entry of found) {
            if (entry["wid"] !== wid) {
                fail("dag_workflow_mismatch", `predecessor ${String(entry["jti"])} is not in workflow ${wid}`);
            }
        }
    }
    // DAG-3
    const childIat = iatOf(payload);
    if (childIat !== undefined) {
        for (const entry of found) {
            const predIat = iatOf(entry);
            if (predIat !== undefined && predIat > childIat + opts.dagClockSkew) {
                fail("dag_temporal_order", `predecessor ${String(entry["jti"])} was issued at ${predIat}, after the child's iat ${childIat} + ${opts.dagClockSkew} s`);
            }
        }
    }
    // DAG-4: walk the ancestors, each stored entry once, looking for the task itself. A stored
    // entry can name tasks the store does not hold (dangling references), which is how a
    // cycle can close.
    if (unique.includes(jti)) fail("dag_cycle", `${jti} lists itself as a predecessor`);
    const sameTask = (ref: string, holder: JsonObject): boolean =>
        ref === jti && (wid === undefined || holder["wid"] === undefined || holder["wid"] === wid);
    const seen = new Set<JsonObject>(found);
    const todo = [...found];
    if (seen.size > opts.maxAncestors) fail("dag_traversal_limit", `more than ${opts.maxAncestors} ancestors`);
    while (todo.length > 0) {
        const entry = todo.pop() as JsonObject;
        const entryWid = text(entry["wid"]);
        for (const ref of predsOf(entry, mode)) {
            if (sameTask(ref, entry)) fail("dag_cycle", `${jti} is its own ancestor (through ${String(entry["jti"])})`);
            const next = store.find(ref, entryWid);
            if (next === undefined || seen.has(next)) continue;
            seen.add(next);
            if (seen.size > opts.maxAncestors) {
                fail("dag_traversal_limit", `the ancestor walk passed max_ancestors ${opts.maxAncestors}`);
            }
            todo.push(next);
        }
    }
}
