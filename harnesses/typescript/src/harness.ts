// Protocol-v1 harness (docs/protocol.md) for ect-ts: one JSON request per line on stdin,
// one JSON reply per line on stdout. Logs go to stderr, which the runner keeps.
//
//   -> {"cmd":"start","version":1}        <- {"version":1,"implementation":{...}}
//   -> {"cmd":"run","seq":N,"case":{...}} <- {"seq":N,"results":[...]} | skipped | errored
//   -> {"cmd":"stop"}                     (no reply; exit 0)
//
// The harness reports what the library did; it never sees what the suite expects.
// Requests are read with the same strict JSON reader as tokens, and replies written with
// its iterative writer, so a payload nested 20,000 deep or an integer of 300 digits goes
// through the pipe unchanged.

import { createInterface } from "node:readline";
import { create } from "./create.js";
import { Store, validateDag } from "./dag.js";
import { EctError } from "./errors.js";
import { splitFieldValues } from "./http.js";
import { type Json, type JsonObject, isObject, newObject, parseJson, stringify } from "./json.js";
import { migrateHeader, migratePayload } from "./migrate.js";
import { modeFor, readOptions } from "./options.js";
import { Verifier } from "./verify.js";

const IMPLEMENTATION = {
    name: "ect-ts-example",
    language: "typescript",
    version: "0.1.0",
    homepage: "harnesses/typescript/README.md",
    drafts: ["00", "01"],
    operations: ["verify", "dag", "create", "migrate", "http-header"],
    // assurance levels (profile section 12) are not implemented, so `levels` is not declared
    features: ["http-header"],
};

type Result = JsonObject;

function log(message: string): void {
    process.stderr.write(`[ect-ts] ${message}\n`);
}

function obj(entries: Record<string, Json>): JsonObject {
    const o = newObject();
    for (const [k, v] of Object.entries(entries)) o[k] = v;
    return o;
}

function invalid(e: EctError): Result {
    return obj({ result: "invalid", error: e.code, message: e.message });
}

function list(v: Json | undefined, name: string): Json[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new Error(`input.${name} is not an array`);
    return v;
}

function clock(v: Json | undefined): number {
    if (typeof v !== "number") throw new Error("input.now is not a number");
    return v;
}

function object(v: Json | undefined, name: string): JsonObject {
    if (!isObject(v)) throw new Error(`input.${name} is not an object`);
    return v;
}

const OPERATIONS: Record<string, (input: JsonObject) => Promise<Result[]>> = {
    async verify(input) {
        const verifier = new Verifier(modeFor(input["draft"]), readOptions(input["options"]),
            list(input["keys"], "keys"), list(input["store"], "store"));
        const now = clock(input["now"]);
        const results: Result[] = [];
        for (const token of list(input["tokens"], "tokens")) {
            try {
                if (typeof token !== "string") throw new Error("a token is not a string");
                results.push(obj({ result: "valid", payload: await verifier.verify(token, now) }));
            } catch (e) {
                if (!(e instanceof EctError)) throw e;
                results.push(invalid(e));
            }
        }
        return results;
    },
    async dag(input) {
        validateDag(object(input["payload"], "payload"), new Store(list(input["store"], "store")),
            modeFor(input["draft"]), readOptions(input["options"]));
        return [obj({ result: "valid" })];
    },
    async create(input) {
        const token = await create(input["payload"] ?? null, input["key"] ?? null, modeFor(input["draft"]),
            clock(input["now"]), readOptions(input["options"]));
        return [obj({ result: "valid", token })];
    },
    async migrate(input) {
        const header = migrateHeader(object(input["header"], "header"));
        const payload = migratePayload(object(input["payload"], "payload"));
        return [obj({ result: "valid", header, payload })];
    },
    async "http-header"(input) {
        return [obj({ result: "valid", tokens: splitFieldValues(input["field_values"]) })];
    },
};

async function runCase(seq: Json, c: JsonObject): Promise<JsonObject> {
    const operation = c["operation"];
    const handler = typeof operation === "string" && Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (handler === undefined) {
        return obj({ seq, skipped: true, reason: `operation ${JSON.stringify(operation)} is not implemented` });
    }
    try {
        return obj({ seq, results: await handler(object(c["input"], "input")) });
    } catch (e) {
        // single-result operations refuse by throwing; verify catches per token instead
        if (e instanceof EctError) return obj({ seq, results: [invalid(e)] });
        log(`case ${JSON.stringify(c["id"])} errored: ${(e as Error).stack ?? String(e)}`);
        return obj({ seq, errored: true, message: `${(e as Error).name}: ${(e as Error).message}` });
    }
}

function reply(message: JsonObject): void {
    process.stdout.write(`${stringify(message)}\n`);
}

/** The seq of a request the strict reader refused (say, a case whose input repeats a
 *  member name), so that the errored reply still answers the right run; null when even a
 *  lenient reader cannot find one. */
function lenientSeq(line: string): Json {
    try {
        const seq: unknown = (JSON.parse(line) as { seq?: unknown }).seq;
        return typeof seq === "number" && Number.isSafeInteger(seq) ? seq : null;
    } catch {
        return null;
    }
}

/** Answers one request line; returns false when the harness should stop. */
async function handle(line: string): Promise<boolean> {
    let request: Json;
    try {
        request = parseJson(line, { keepHugeNumbers: true });
        if (!isObject(request)) throw new Error("the request is not a JSON object");
    } catch (e) {
        reply(obj({ seq: lenientSeq(line), errored: true, message: `unreadable request: ${(e as Error).message}` }));
        return true;
    }
    const seq = request["seq"] ?? null;
    switch (request["cmd"]) {
        case "start":
            if (request["version"] !== 1) log(`the runner asked for protocol version ${stringify(request["version"] ?? null)}; speaking 1`);
            reply(obj({ version: 1, implementation: parseJson(JSON.stringify(IMPLEMENTATION)) }));
            return true;
        case "run": {
            const c = request["case"];
            reply(isObject(c) ? await runCase(seq, c) : obj({ seq, errored: true, message: "run without a case" }));
            return true;
        }
        case "stop":
            return false;
        default:
            reply(obj({ seq, errored: true, message: `unknown cmd ${stringify(request["cmd"] ?? null)}` }));
            return true;
    }
}

async function main(): Promise<void> {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
    // for await reads one line at a time, so cases run strictly in order
    for await (const raw of lines) {
        const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        if (line.trim() === "") continue;
        if (!(await handle(line))) break;
    }
    lines.close();
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        log(`fatal: ${(e as Error).stack ?? String(e)}`);
        process.exit(1);
    },
);
