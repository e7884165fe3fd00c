// Strict unpadded base64url (RFC 4648 section 5), as RFC 7515 section 2 uses it.

const SEGMENT = /^[A-Za-z0-9_-]*$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** The bytes of a segment, or null when it is not unpadded base64url (a padding `=`, a
 *  character of the standard alphabet, whitespace, or a length of 4k+1). Non-zero unused
 *  bits in the last character are tolerated (PARSE-1 allows either). */
export function decodeSegment(segment: string): Buffer | null {
    if (!SEGMENT.test(segment) || segment.length % 4 === 1) return null;
    return Buffer.from(segment, "base64url");
}

export function encode(bytes: Uint8Array): string {
    return Buffer.from(bytes).toString("base64url");
}

/** True when `s` is exactly the canonical unpadded base64url of `length` bytes: the right
 *  number of characters, and zero unused bits in the last one. */
export function isCanonicalDigest(s: string, length: number): boolean {
    const chars = Math.ceil((length * 8) / 6);
    if (s.length !== chars || !SEGMENT.test(s)) return false;
    const unusedBits = chars * 6 - length * 8;
    if (unusedBits === 0) return true;
    const last = ALPHABET.indexOf(s[s.length - 1] as string);
    return last % (1 << unusedBits) === 0;
}
