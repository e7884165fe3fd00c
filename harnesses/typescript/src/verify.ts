// The verifier: one per case, holding the case's options, key set, store and replay cache.
// Stages in the order DAG-9 fixes: size, parse, typ, alg, crit, kid and key, signature,
// claims, replay, DAG. Only a token that passes every stage is recorded (RPL-2, LDG-2).

import { checkClaims } from "./claims.js";
import { Store, validateDag } from "./dag.js";
import { fail } from "./errors.js";
import type { Json, JsonObject } from "./json.js";
import { checkHeader, checkSignature, parseCompact, resolveKey } from "./jws.js";
import { migratePayload } from "./migrate.js";
import { LEGACY_TYP, type Mode, MODE_01, type Options } from "./options.js";

interface Seen {
    wid: string | undefined;
    exp: number;
}

export class Verifier {
    readonly store: Store;
    private readonly seen = new Map<string, Seen[]>();

    constructor(
        readonly mode: Mode,
        readonly opts: Options,
        private readonly keys: Json[],
        store: Json[],
    ) {
        this.store = new Store(store);
    }

    /** Verifies one token at time `now`; returns the payload as read (a legacy token read in
     *  mode 01 comes back migrated). */
    async verify(token: string, now: number): Promise<JsonObject> {
        const { header, payload: raw, signature } = parseCompact(token, this.opts);
        checkHeader(header, this.mode, this.opts);
        const key = await resolveKey(header, this.keys);
        await checkSignature(token, signature, key);

        // Section 2: a legacy typ in mode 01 is read through the -00 to -01 migration.
        const payload = this.mode === MODE_01 && header["typ"] === LEGACY_TYP ? migratePayload(raw) : raw;
        checkClaims(payload, { mode: this.mode, opts: this.opts, verifierId: this.opts.verifierId, now });

        const jti = payload["jti"] as string;
        const wid = typeof payload["wid"] === "string" ? payload["wid"] : undefined;
        const exp = payload["exp"] as number;
        if (this.opts.replayCheck) this.checkReplay(jti, wid, now);
        validateDag(payload, this.store, this.mode, this.opts);

        this.store.add(payload);
        const list = this.seen.get(jti);
        if (list) list.push({ wid, exp });
        else this.seen.set(jti, [{ wid, exp }]);
        return payload;
    }

    /** RPL-1: a jti accepted earlier whose token has not expired is a replay, in its wid
     *  scope when the token has a wid, anywhere when it has none. Expired ones are
     *  forgotten (RPL-3); the store still holds them for DAG-1. */
    private checkReplay(jti: string, wid: string | undefined, now: number): void {
        for (const s of this.seen.get(jti) ?? []) {
            const live = now < s.exp + this.opts.expLeeway;
            if (live && (wid === undefined || s.wid === wid)) {
                fail("replay", `jti ${jti} was already accepted${wid === undefined ? "" : ` in workflow ${wid}`}`);
            }
        }
    }
}
