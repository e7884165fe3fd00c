using System.Text.Json.Nodes;
using Ect.Parsing;
using Ect.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>
/// Random payloads a verifier in the given mode accepts at <see cref="Tokens.Now"/>: random
/// issuers and actions (non-ASCII included), <c>aud</c> as a string or a list holding the
/// verifier, optional workflow, hashes, predecessors and extension objects near the size and
/// depth limits; in mode 00 also <c>pol</c>/<c>pol_decision</c>, <c>sub</c> and prefixed hashes.
/// </summary>
public static class PayloadGen
{
    private static readonly string[] Actions = ["review_spec", "implement_module", "prüfen+freigeben", "执行", "a b/c?d=e", "x"];
    private static readonly string[] Decisions = ["approved", "rejected", "pending_human_review"];

    // Whole code points only: a lone surrogate is no Unicode string, so no issuer could sign one.
    private static readonly string[] TextAtoms = ["a", "b", "c", "x", "y", "z", "0", "1", "9", " ", "-", "_", ".", "/", ":", "é", "€", "😀", "\"", "\\"];

    private static Gen<string> Uuid =>
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255), 16)
        let text = new Guid(bytes.Select(b => (byte)b).ToArray()).ToString("D")
        select bytes[0] % 2 == 0 ? text : text.ToUpperInvariant();

    private static Gen<string> Digest =>
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255), 32)
        select Base64Url.Encode(bytes.Select(b => (byte)b).ToArray());

    private static Gen<string> Text =>
        from length in Gen.Choose(1, 40)
        from atoms in Gen.ArrayOf(Gen.Elements(TextAtoms), length)
        select string.Concat(atoms);

    /// <summary>An extension object: its compact size stays under 4096 bytes and its depth at most 5.</summary>
    private static Gen<JsonObject> Extension =>
        from depth in Gen.Choose(1, 5)
        from padding in Gen.Choose(0, 3900)
        from key in Text
        select Nest(depth, new JsonObject { ["com.example." + key.Length] = new string('p', padding) });

    private static JsonObject Nest(int depth, JsonObject leaf)
    {
        var node = leaf;
        for (var level = 1; level < depth; level++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }

    public static Gen<JsonObject> Payloads(EctDraft draft) =>
        from iss in Text
        from audAsString in Gen.Elements(true, false)
        from extraAud in Gen.ListOf(Text)
        from jti in Uuid
        from wid in Gen.OneOf(Gen.Constant<string?>(null), Uuid.Select(u => (string?)u))
        from act in Gen.OneOf(Gen.Elements(Actions), Text)
        from predCount in Gen.Choose(0, 100)
        from hashes in Gen.Two(Gen.OneOf(Gen.Constant<string?>(null), Digest.Select(d => (string?)d)))
        from ext in Gen.OneOf(Gen.Constant<JsonObject?>(null), Extension.Select(e => (JsonObject?)e))
        from age in Gen.Choose(0, 900)
        from lifetime in Gen.Choose(1, 3600)
        from legacy in Gen.Three(Gen.Elements(true, false))
        from decision in Gen.Elements(Decisions)
        select Build(draft, iss, audAsString, extraAud, jti, wid, act, predCount, hashes, ext, age, lifetime, legacy, decision);

    private static JsonObject Build(EctDraft draft, string iss, bool audAsString, IEnumerable<string> extraAud, string jti, string? wid,
        string act, int predCount, (string? In, string? Out) hashes, JsonObject? ext, int age, int lifetime, (bool Pol, bool Sub, bool Prefix) legacy,
        string decision)
    {
        var aud = audAsString ? (JsonNode)Tokens.Verifier : new JsonArray([.. extraAud.Select(a => (JsonNode)a), Tokens.Verifier]);
        var payload = new JsonObject
        {
            ["iss"] = iss,
            ["aud"] = aud,
            ["iat"] = Tokens.Now - age,
            ["exp"] = Tokens.Now - age + Math.Max(lifetime, age + 1),
            ["jti"] = jti,
            ["exec_act"] = act,
            [draft.PredClaim()] = new JsonArray(Enumerable.Range(0, predCount).Select(i => (JsonNode)$"{jti[..8]}-pred-{i}").ToArray()),
        };
        if (wid is not null)
        {
            payload["wid"] = wid;
        }

        var prefix = draft == EctDraft.Draft00 && legacy.Prefix ? "sha-256:" : "";
        if (hashes.In is not null)
        {
            payload["inp_hash"] = prefix + hashes.In;
        }

        if (hashes.Out is not null)
        {
            payload["out_hash"] = prefix + hashes.Out;
        }

        if (ext is not null)
        {
            payload[draft.ExtClaim()] = ext;
        }

        if (draft == EctDraft.Draft00 && legacy.Pol)
        {
            payload["pol"] = "policy_v1";
            payload["pol_decision"] = decision;
        }

        if (draft == EctDraft.Draft00 && legacy.Sub)
        {
            payload["sub"] = iss;
        }

        return payload;
    }
}
