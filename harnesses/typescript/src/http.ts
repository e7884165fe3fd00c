// The Execution-Context HTTP field (docs/profile.md section 11, HTTP-1).

import { fail } from "./errors.js";

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The ECTs of every field value, in order: members are separated by commas, optional
 *  whitespace (space, tab) around them is dropped, empty members are skipped, and any
 *  other member must have the compact JWS shape. The tokens themselves are not judged. */
export function splitFieldValues(fields: unknown): string[] {
    if (!Array.isArray(fields)) throw new Error("field_values is not an array");
    const tokens: string[] = [];
    for (const [f, field] of fields.entries()) {
        if (typeof field !== "string") throw new Error(`field_values[${f}] is not a string`);
        for (const member of field.split(",")) {
            const m = member.replace(/^[ \t]+|[ \t]+$/g, "");
            if (m === "") continue;
            if (!COMPACT_JWS.test(m)) fail("malformed", `field ${f + 1}: member ${JSON.stringify(m.slice(0, 40))} is not a compact JWS`);
            tokens.push(m);
        }
    }
    return tokens;
}
