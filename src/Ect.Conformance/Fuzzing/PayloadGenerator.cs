using System.Text.Json.Nodes;
using Ect.Parsing;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Payloads a verifier in the given mode accepts at <see cref="FuzzDefaults.Now"/> with the default
/// options. Distribution: <c>iss</c> and <c>exec_act</c> of 1–40 text atoms (ASCII, Latin-1, euro
/// sign, emoji, quote and backslash, so escapes are written) or a fixed action name; <c>aud</c> the
/// verifier as a string (one in two) or at the end of a list of 0–3 other audiences; a UUID
/// <c>jti</c> (one in four uppercase); a <c>wid</c> one in two; the predecessors given; each hash one
/// in three; an extension one in four, 1–5 levels deep and up to 3,900 bytes of padding; an age of
/// 0–900 s and a lifetime past it of 1–3,600 s; in mode 00 <c>pol</c>/<c>pol_decision</c> and
/// <c>sub</c> = <c>iss</c> one in four each and a <c>sha-256:</c> prefix one in two.
/// </summary>
internal static class PayloadGenerator
{
    private static readonly string[] Actions = ["review_spec", "implement_module", "prüfen+freigeben", "执行", "a b/c?d=e", "x"];

    public static readonly IReadOnlyList<string> Decisions = ["approved", "rejected", "pending_human_review"];

    // Whole code points only: a lone surrogate is no Unicode string, so no issuer could sign one.
    private static readonly string[] TextAtoms = ["a", "b", "c", "x", "y", "z", "0", "1", "9", " ", "-", "_", ".", "/", ":", "é", "€", "😀", "\"", "\\"];

    public static string Text(Random random, int maxAtoms = 40)
    {
        var length = random.Next(1, maxAtoms + 1);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Pick(TextAtoms));
        }

        return text.ToString();
    }

    public static string Digest(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return Base64Url.Encode(bytes);
    }

    /// <summary>An extension object whose compact size stays under 4096 bytes and whose depth is at most 5.</summary>
    public static JsonObject Extension(Random random) => Nest(random.Next(1, 6), new JsonObject { ["com.example." + random.Next(100)] = new string('p', random.Next(0, 3901)) });

    public static JsonObject Nest(int depth, JsonObject leaf)
    {
        var node = leaf;
        for (var level = 1; level < depth; level++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }

    /// <summary>0 to <paramref name="max"/> predecessor ids, uniformly, each a fresh UUID: what a payload names when no store is consulted.</summary>
    public static IReadOnlyList<string> Predecessors(Random random, int max)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = random.Next(0, max + 1);
        var preds = new string[count];
        for (var i = 0; i < count; i++)
        {
            preds[i] = random.Uuid();
        }

        return preds;
    }

    /// <summary>A valid payload with the given identity, workflow, issue time and predecessors.</summary>
    public static JsonObject Task(EctDraft draft, string jti, string? wid, long iat, IEnumerable<string> preds, long lifetime = 600)
    {
        var payload = new JsonObject
        {
            ["iss"] = FuzzDefaults.Issuer,
            ["aud"] = FuzzDefaults.VerifierId,
            ["iat"] = iat,
            ["exp"] = iat + lifetime,
            ["jti"] = jti,
            ["exec_act"] = "review_spec",
            [draft.PredClaim()] = new JsonArray(preds.Select(p => (JsonNode?)p).ToArray()),
        };
        if (wid is not null)
        {
            payload["wid"] = wid;
        }

        return payload;
    }

    /// <summary>A random valid payload (see the type's summary for the distribution).</summary>
    public static JsonObject Payload(Random random, EctDraft draft, IReadOnlyList<string>? preds = null, string? jti = null, string? wid = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var age = random.Next(0, 901);
        var lifetime = random.Next(1, 3601);
        JsonNode aud = random.Chance(0.5)
            ? FuzzDefaults.VerifierId
            : new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => (JsonNode?)Text(random, 8)), FuzzDefaults.VerifierId]);
        var payload = new JsonObject
        {
            ["iss"] = random.Chance(0.5) ? FuzzDefaults.Issuer : Text(random),
            ["aud"] = aud,
            ["iat"] = FuzzDefaults.Now - age,
            ["exp"] = FuzzDefaults.Now - age + Math.Max(lifetime, age + 1),
            ["jti"] = jti ?? random.Uuid(),
            ["exec_act"] = random.Chance(0.5) ? random.Pick(Actions) : Text(random),
            [draft.PredClaim()] = new JsonArray((preds ?? []).Select(p => (JsonNode?)p).ToArray()),
        };
        wid ??= random.Chance(0.5) ? random.Uuid() : null;
        if (wid is not null)
        {
            payload["wid"] = wid;
        }

        var prefix = draft == EctDraft.Draft00 && random.Chance(0.5) ? "sha-256:" : "";
        foreach (var hash in new[] { "inp_hash", "out_hash" })
        {
            if (random.Chance(1.0 / 3))
            {
                payload[hash] = prefix + Digest(random);
            }
        }

        if (random.Chance(0.25))
        {
            payload[draft.ExtClaim()] = Extension(random);
        }

        if (draft == EctDraft.Draft00 && random.Chance(0.25))
        {
            payload["pol"] = "policy_v1";
            payload["pol_decision"] = random.Pick(Decisions);
        }

        if (draft == EctDraft.Draft00 && random.Chance(0.25))
        {
            payload["sub"] = payload["iss"]!.DeepClone();
        }

        return payload;
    }

    /// <summary>The header a mode's issuer writes.</summary>
    public static JsonObject Header(EctDraft draft, string kid = FuzzKeys.AgentA) => new()
    {
        ["alg"] = "ES256",
        ["typ"] = draft.CreateTyp(),
        ["kid"] = kid,
    };
}
