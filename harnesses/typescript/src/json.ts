// Strict JSON (RFC 8259) for ECT headers and payloads, and for the harness's own pipe.
//
// Why not JSON.parse: it keeps the last of two members with the same name (PARSE-3 wants
// `malformed`), it rounds integers beyond 2^53 silently, and it cannot tell a caller which
// member was repeated. This reader is iterative (an explicit stack, no recursion), so a
// payload nested 20,000 levels deep costs memory, not the call stack (PARSE-5).
//
// Values: null, boolean, number, string, arrays and null-prototype objects (so a member
// named "__proto__" is an ordinary member). A number whose value is an integer beyond
// ±(2^53 − 1) is kept as a BigNumber holding its exact text; a number that overflows a
// double (1e400) is refused inside a token, and kept as a BigNumber in a request of the
// harness protocol (keepHugeNumbers), whose migrate and create inputs may hold one: the
// request is readable, and the operation decides what such a value means.

export class BigNumber {
    constructor(readonly text: string) {}
}

export type Json = null | boolean | number | string | BigNumber | Json[] | JsonObject;
export interface JsonObject {
    [name: string]: Json;
}

export class JsonError extends Error {}

export function newObject(): JsonObject {
    return Object.create(null) as JsonObject;
}

export function isObject(v: unknown): v is JsonObject {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof BigNumber);
}

export function has(o: JsonObject, name: string): boolean {
    return Object.prototype.hasOwnProperty.call(o, name);
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

type Frame =
    | { kind: "array"; value: Json[] }
    | { kind: "object"; value: JsonObject; name: string | null };

/** Parses one JSON text; throws JsonError on anything RFC 8259 does not allow, on a
 *  duplicate member name, on a lone surrogate and (unless keepHugeNumbers) on a number
 *  beyond a double. */
export function parseJson(text: string, options: { keepHugeNumbers?: boolean } = {}): Json {
    let i = 0;
    const n = text.length;
    const fail = (what: string): never => {
        throw new JsonError(`${what} at offset ${i}`);
    };
    const ws = (): void => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
            else break;
        }
    };
    const readString = (): string => {
        // text[i] is the opening quote
        i++;
        let out = "";
        let start = i;
        for (;;) {
            if (i >= n) fail("unterminated string");
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                out += text.slice(start, i);
                i++;
                return out;
            }
            if (c < 0x20) fail("control character in a string");
            if (c >= 0xd800 && c <= 0xdfff) {
                // a raw surrogate can only come from a decoder that let one through; keep pairs
                const next = text.charCodeAt(i + 1);
                if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
                    i += 2;
                    continue;
                }
                fail("lone surrogate in a string");
            }
            if (c !== 0x5c) {
                i++;
                continue;
            }
            out += text.slice(start, i);
            const e = text[i + 1];
            i += 2;
            switch (e) {
                case '"': out += '"'; break;
                case "\\": out += "\\"; break;
                case "/": out += "/"; break;
                case "b": out += "\b"; break;
                case "f": out += "\f"; break;
                case "n": out += "\n"; break;
                case "r": out += "\r"; break;
                case "t": out += "\t"; break;
                case "u": {
                    const unit = hex4(text, i);
                    if (unit < 0) fail("bad \\u escape");
                    i += 4;
                    if (unit >= 0xd800 && unit <= 0xdbff) {
                        const low = text[i] === "\\" && text[i + 1] === "u" ? hex4(text, i + 2) : -1;
                        if (low < 0xdc00 || low > 0xdfff) fail("lone surrogate escape");
                        i += 6;
                        out += String.fromCharCode(unit, low);
                    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
                        fail("lone surrogate escape");
                    } else {
                        out += String.fromCharCode(unit);
                    }
                    break;
                }
                default:
                    i -= 2;
                    fail("bad escape");
            }
            start = i;
        }
    };
    const readScalar = (): Json => {
        const c = text[i];
        if (c === '"') return readString();
        if (text.startsWith("true", i)) { i += 4; return true; }
        if (text.startsWith("false", i)) { i += 5; return false; }
        if (text.startsWith("null", i)) { i += 4; return null; }
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (m === null) return fail("unexpected character");
        const spelled = m[0];
        i += spelled.length;
        const value = Number(spelled);
        if (!Number.isFinite(value)) {
            if (options.keepHugeNumbers === true) return new BigNumber(spelled);
            fail("number beyond the range of a double");
        }
        if (Number.isInteger(value) && !Number.isSafeInteger(value)) return new BigNumber(spelled);
        return value === 0 ? 0 : value; // -0 reads as 0
    };

    const stack: Frame[] = [];
    let result: Json | undefined;
    ws();
    // `value` is the value just completed; attach it to the frame on top, or finish.
    const attach = (value: Json): void => {
        const top = stack[stack.length - 1];
        if (top === undefined) {
            result = value;
        } else if (top.kind === "array") {
            top.value.push(value);
        } else {
            top.value[top.name as string] = value;
            top.name = null;
        }
    };
    const memberName = (frame: Frame & { kind: "object" }): void => {
        if (text[i] !== '"') fail("expected a member name");
        const name = readString();
        if (has(frame.value, name)) fail(`duplicate member name "${name}"`);
        ws();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        frame.name = name;
        // reserve the slot so that a later duplicate is caught even inside a deep value
        frame.value[name] = null;
    };

    // A state machine instead of recursion: either a value is expected next, or the
    // separator or closing bracket of the innermost open array or object.
    let expectValue = true;
    for (;;) {
        ws();
        if (expectValue) {
            const c = text[i];
            if (c === "[") {
                i++;
                const frame: Frame = { kind: "array", value: [] };
                stack.push(frame);
                ws();
                if (text[i] === "]") {
                    i++;
                    stack.pop();
                    attach(frame.value);
                    expectValue = false;
                }
            } else if (c === "{") {
                i++;
                const frame: Frame = { kind: "object", value: newObject(), name: null };
                stack.push(frame);
                ws();
                if (text[i] === "}") {
                    i++;
                    stack.pop();
                    attach(frame.value);
                    expectValue = false;
                } else {
                    memberName(frame);
                }
            } else {
                attach(readScalar());
                expectValue = false;
            }
            continue;
        }
        const top = stack[stack.length - 1];
        if (top === undefined) break;
        const c = text[i];
        if (c === ",") {
            i++;
            if (top.kind === "object") {
                ws();
                memberName(top);
            }
            expectValue = true;
        } else if ((c === "]" && top.kind === "array") || (c === "}" && top.kind === "object")) {
            i++;
            stack.pop();
            attach(top.value);
        } else {
            fail(top.kind === "array" ? "expected ',' or ']'" : "expected ',' or '}'");
        }
    }
    if (i !== n) fail("trailing characters after the JSON value");
    return result as Json;
}

function hex4(s: string, at: number): number {
    if (at + 4 > s.length) return -1;
    let v = 0;
    for (let k = at; k < at + 4; k++) {
        const c = s.charCodeAt(k);
        let d: number;
        if (c >= 0x30 && c <= 0x39) d = c - 0x30;
        else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
        else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
        else return -1;
        v = v * 16 + d;
    }
    return v;
}

/** Compact JSON text of a value, written iteratively. `sortKeys` gives a canonical form
 *  (used to compare two values regardless of member order). */
export function stringify(value: Json, sortKeys = false): string {
    const out: string[] = [];
    type Item = { v: Json } | { raw: string };
    const todo: Item[] = [{ v: value }];
    while (todo.length > 0) {
        const item = todo.pop() as Item;
        if ("raw" in item) {
            out.push(item.raw);
            continue;
        }
        const v = item.v;
        if (v === null) out.push("null");
        else if (typeof v === "boolean") out.push(v ? "true" : "false");
        else if (typeof v === "number") out.push(Number.isFinite(v) ? String(v) : "null");
        else if (typeof v === "string") out.push(JSON.stringify(v));
        else if (v instanceof BigNumber) out.push(v.text);
        else if (Array.isArray(v)) {
            // push in reverse so the first element is written first
            todo.push({ raw: "]" });
            for (let k = v.length - 1; k >= 0; k--) {
                todo.push({ v: v[k] as Json });
                if (k > 0) todo.push({ raw: "," });
            }
            out.push("[");
        } else {
            const names = Object.keys(v);
            if (sortKeys) names.sort();
            todo.push({ raw: "}" });
            for (let k = names.length - 1; k >= 0; k--) {
                const name = names[k] as string;
                todo.push({ v: v[name] as Json });
                todo.push({ raw: JSON.stringify(name) + ":" });
                if (k > 0) todo.push({ raw: "," });
            }
            out.push("{");
        }
    }
    return out.join("");
}

export function jsonEqual(a: Json, b: Json): boolean {
    return stringify(a, true) === stringify(b, true);
}

/** Nesting depth: a scalar is 0, an empty object or array 1. Iterative. */
export function depth(value: Json): number {
    let max = 0;
    const todo: Array<[Json, number]> = [[value, 0]];
    while (todo.length > 0) {
        const [v, d] = todo.pop() as [Json, number];
        if (v === null || typeof v !== "object" || v instanceof BigNumber) {
            if (d > max) max = d;
            continue;
        }
        const here = d + 1;
        if (here > max) max = here;
        const children = Array.isArray(v) ? v : Object.values(v);
        for (const child of children) todo.push([child, here]);
    }
    return max;
}

/** A shallow copy of an object, keeping the null prototype. */
export function copyObject(o: JsonObject): JsonObject {
    const c = newObject();
    for (const name of Object.keys(o)) c[name] = o[name] as Json;
    return c;
}
