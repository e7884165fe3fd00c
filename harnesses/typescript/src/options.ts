// Verifier and creator parameters (docs/profile.md section 1) and the two modes (section 2).

import { BigNumber, type Json, type JsonObject, isObject } from "./json.js";

export type Draft = "00" | "01";

export interface Mode {
    draft: Draft;
    /** the DAG claim: par in -00, pred in -01 */
    dagClaim: "par" | "pred";
    /** the other draft's DAG claim */
    otherDagClaim: "par" | "pred";
    /** the extension object: ext in -00, ect_ext in -01 */
    extClaim: "ext" | "ect_ext";
    acceptedTyp: readonly string[];
    /** typ written by create */
    typ: string;
}

export const MODE_00: Mode = {
    draft: "00", dagClaim: "par", otherDagClaim: "pred", extClaim: "ext",
    acceptedTyp: ["wimse-exec+jwt"], typ: "wimse-exec+jwt",
};
export const MODE_01: Mode = {
    draft: "01", dagClaim: "pred", otherDagClaim: "par", extClaim: "ect_ext",
    acceptedTyp: ["exec+jwt", "wimse-exec+jwt"], typ: "exec+jwt",
};
export const LEGACY_TYP = "wimse-exec+jwt";

export function modeFor(draft: unknown): Mode {
    if (draft === "00") return MODE_00;
    if (draft === "01") return MODE_01;
    throw new Error(`unknown draft ${JSON.stringify(draft)}`);
}

export interface Options {
    verifierId: string | null;
    allowedAlgs: string[];
    iatMaxAge: number;
    iatMaxFuture: number;
    expLeeway: number;
    defaultExpiry: number;
    maxPredLength: number;
    dagClockSkew: number;
    maxAncestors: number;
    extMaxBytes: number;
    extMaxDepth: number;
    validateUuids: boolean;
    replayCheck: boolean;
    maxTokenBytes: number;
}

export const DEFAULTS: Options = {
    verifierId: null,
    allowedAlgs: ["ES256"],
    iatMaxAge: 900,
    iatMaxFuture: 30,
    expLeeway: 0,
    defaultExpiry: 600,
    maxPredLength: 100,
    dagClockSkew: 30,
    maxAncestors: 10_000,
    extMaxBytes: 4096,
    extMaxDepth: 5,
    validateUuids: true,
    replayCheck: true,
    maxTokenBytes: 65_536,
};

function count(o: JsonObject, name: string, fallback: number): number {
    const v: Json | undefined = o[name];
    if (v === undefined || v === null) return fallback;
    if (v instanceof BigNumber) return Number.MAX_SAFE_INTEGER;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
        throw new Error(`option ${name} must be a non-negative integer, not ${JSON.stringify(v)}`);
    }
    return v;
}

function flag(o: JsonObject, name: string, fallback: boolean): boolean {
    const v = o[name];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "boolean") throw new Error(`option ${name} must be a boolean`);
    return v;
}

/** Reads the case's `options` object; unknown members are ignored. */
export function readOptions(raw: Json | undefined): Options {
    const o: JsonObject = isObject(raw) ? raw : Object.create(null);
    const verifier = o["verifier_id"];
    const algs = o["allowed_algs"];
    return {
        verifierId: typeof verifier === "string" ? verifier : null,
        allowedAlgs: Array.isArray(algs) ? algs.filter((a): a is string => typeof a === "string") : DEFAULTS.allowedAlgs,
        iatMaxAge: count(o, "iat_max_age", DEFAULTS.iatMaxAge),
        iatMaxFuture: count(o, "iat_max_future", DEFAULTS.iatMaxFuture),
        expLeeway: count(o, "exp_leeway", DEFAULTS.expLeeway),
        defaultExpiry: count(o, "default_expiry", DEFAULTS.defaultExpiry),
        // MIG-7: the -00 name max_par_length stands for max_pred_length
        maxPredLength: count(o, "max_pred_length", count(o, "max_par_length", DEFAULTS.maxPredLength)),
        dagClockSkew: count(o, "dag_clock_skew", DEFAULTS.dagClockSkew),
        maxAncestors: count(o, "max_ancestors", DEFAULTS.maxAncestors),
        extMaxBytes: count(o, "ext_max_bytes", DEFAULTS.extMaxBytes),
        extMaxDepth: count(o, "ext_max_depth", DEFAULTS.extMaxDepth),
        validateUuids: flag(o, "validate_uuids", DEFAULTS.validateUuids),
        replayCheck: flag(o, "replay_check", DEFAULTS.replayCheck),
        maxTokenBytes: count(o, "max_token_bytes", DEFAULTS.maxTokenBytes),
    };
}
