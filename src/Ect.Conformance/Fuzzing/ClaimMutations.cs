using System.Globalization;
using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// One change to a payload, made before signing. Distribution: a claim picked uniformly among
/// <c>iss</c>, <c>aud</c>, <c>iat</c>, <c>exp</c>, <c>jti</c>, <c>wid</c>, <c>exec_act</c>, the DAG
/// claim, the hashes, the extension, the mode 00 policy claims and an unknown claim; then, one in
/// five, the claim removed or set to a value of each wrong JSON type (booleans, null, numbers,
/// strings, empty and one-element arrays, objects); otherwise a change particular to the claim:
/// boundary times on both sides of each comparison (equal, one above, one below) under the case's
/// options and in other JSON spellings (<c>.0</c>, exponents, fractions, past 2^53), near-misses of
/// <c>aud</c> (prefix, suffix, substring, case, whitespace, confusable letters), UUIDs one character
/// off, hashes of every length and alphabet and prefix, extensions at their size and depth limits
/// and one past them, with non-ASCII content.
/// </summary>
internal static class ClaimMutations
{
    private static readonly string[] Claims = ["iss", "aud", "iat", "exp", "jti", "wid", "exec_act", "dag", "inp_hash", "out_hash", "ext", "pol", "unknown"];

    public static Mutation Apply(Random random, JsonObject payload, EctDraft draft, JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(payload);
        var claim = random.Pick(Claims) switch
        {
            "dag" => draft.PredClaim(),
            "ext" => draft.ExtClaim(),
            var name => name,
        };
        if (claim == "unknown")
        {
            payload["x-" + PayloadGenerator.Text(random, 6)] = WrongValue(random, payload["iss"]);
            return new Mutation("an unknown claim added", ["CLM-8"]);
        }

        if (random.Chance(0.2))
        {
            if (random.Chance(0.3))
            {
                payload.Remove(claim);
                return new Mutation($"{claim} removed", RulesOf(claim, draft));
            }

            payload[claim] = WrongValue(random, payload[claim]);
            return new Mutation($"{claim} set to {Protocol.JsonText.Excerpt(payload[claim], 60)}", RulesOf(claim, draft));
        }

        switch (claim)
        {
            case "iat":
            case "exp":
                return Time(random, payload, claim, options);
            case "aud":
                payload["aud"] = random.Chance(0.5) ? NearMiss(random, FuzzDefaults.VerifierId) : new JsonArray(NearMiss(random, FuzzDefaults.VerifierId), random.Chance(0.5) ? FuzzDefaults.VerifierId : "x");
                return new Mutation($"aud near-miss {Protocol.JsonText.Excerpt(payload["aud"], 80)}", ["CLM-2"]);
            case "jti":
            case "wid":
                payload[claim] = UuidNearMiss(random, random.Uuid());
                return new Mutation($"{claim} {payload[claim]!.GetValue<string>()}", [claim == "jti" ? "CLM-4" : "CLM-5"]);
            case "inp_hash":
            case "out_hash":
                payload[claim] = Hash(random);
                return new Mutation($"{claim} {payload[claim]!.GetValue<string>()}", ["HASH-1"]);
            case "ect_ext":
            case "ext":
                payload[claim] = ExtensionNearLimit(random, options, out var what);
                return new Mutation($"{claim} {what}", ["EXT-1", "EXT-2"]);
            case "pol":
                return Policy(random, payload, draft);
            default:
                payload[claim] = random.Pick(new JsonNode?[] { "", " ", "\u0000", "\"\\", "é😀", new string('i', random.Next(1, 300)), PayloadGenerator.Text(random) });
                return new Mutation($"{claim} {Protocol.JsonText.Excerpt(payload[claim], 60)}", RulesOf(claim, draft));
        }
    }

    public static IReadOnlyList<string> RulesOf(string claim, EctDraft draft) => claim switch
    {
        "iss" => ["CLM-1"],
        "aud" => ["CLM-2"],
        "iat" or "exp" => ["CLM-3", "TIME-1", "TIME-2"],
        "jti" => ["CLM-4"],
        "wid" => ["CLM-5"],
        "exec_act" => ["CLM-6"],
        "pred" or "par" => ["CLM-7"],
        "inp_hash" or "out_hash" => ["HASH-1"],
        "ect_ext" or "ext" => ["EXT-1", "EXT-2"],
        "pol" or "pol_decision" or "sub" => draft == EctDraft.Draft00 ? ["CLM-9"] : ["CLM-8"],
        _ => ["CLM-8"],
    };

    /// <summary>A value of another JSON type than <paramref name="original"/>'s, or an empty one.</summary>
    public static JsonNode? WrongValue(Random random, JsonNode? original)
    {
        var options = new Func<JsonNode?>[]
        {
            () => true, () => false, () => null, () => 0, () => 1, () => -1, () => JsonNode.Parse("1.5"), () => "", () => "1767225600",
            () => new JsonArray(), () => new JsonArray(original?.DeepClone()), () => new JsonObject(), () => new JsonObject { ["a"] = 1 },
        };
        return random.Pick(options)();
    }

    private static Mutation Time(Random random, JsonObject payload, string claim, JsonObject options)
    {
        var now = FuzzDefaults.Now;
        var maxAge = Option(options, "iat_max_age", 900);
        var maxFuture = Option(options, "iat_max_future", 30);
        var leeway = Option(options, "exp_leeway", 0);
        var iat = payload["iat"] is JsonValue i && i.TryGetValue<long>(out var iv) ? iv : now;
        var delta = random.Next(-1, 2);
        long value;
        string why;
        if (claim == "iat")
        {
            (value, why) = random.Next(3) switch
            {
                0 => (now - maxAge + delta, "at the iat_max_age bound"),
                1 => (now + maxFuture + delta, "at the iat_max_future bound"),
                _ => (now + delta, "at now"),
            };
            if (payload["exp"] is JsonValue e && e.TryGetValue<long>(out var exp) && exp <= value)
            {
                payload["exp"] = value + 600;
            }
        }
        else
        {
            (value, why) = random.Next(2) switch
            {
                0 => (now - leeway + delta, "at the expiry bound"),
                _ => (iat + delta, "at iat"),
            };
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        payload[claim] = random.Next(8) switch
        {
            0 => JsonNode.Parse(text + ".0"),
            1 => JsonNode.Parse(text + ".5"),
            2 => JsonNode.Parse(SpellWithExponent(value)),
            3 => JsonNode.Parse("9007199254740993"),
            4 => JsonNode.Parse("-" + text),
            _ => value,
        };
        return new Mutation($"{claim} {payload[claim]!.ToJsonString()} ({why} {delta:+0;-0;0})", ["CLM-3", "TIME-1", "TIME-2"]);
    }

    private static string SpellWithExponent(long value)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        return (value < 0 ? "-" : "") + digits[0] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (digits.Length - 1).ToString(CultureInfo.InvariantCulture);
    }

    public static long Option(JsonObject options, string name, long fallback) =>
        options[name] is JsonValue v && v.TryGetValue<long>(out var value) ? value : fallback;

    /// <summary>A string one step from <paramref name="target"/>: prefix, suffix, substring, case, whitespace or a confusable letter.</summary>
    public static string NearMiss(Random random, string target) => random.Next(9) switch
    {
        0 => "x" + target,
        1 => target + "x",
        2 => target[..^1],
        3 => target[1..],
        4 => target.ToUpperInvariant(),
        5 => " " + target,
        6 => target + " ",
        7 => target.Replace('a', 'а'),
        _ => target + "\u0000",
    };

    private static string UuidNearMiss(Random random, string uuid) => random.Next(8) switch
    {
        0 => uuid.Replace("-", "", StringComparison.Ordinal),
        1 => uuid[..^1],
        2 => uuid + "0",
        3 => "{" + uuid + "}",
        4 => "urn:uuid:" + uuid,
        5 => uuid[..^1] + "g",
        6 => uuid.ToUpperInvariant(),
        _ => uuid,
    };

    private static string Hash(Random random)
    {
        var digest = PayloadGenerator.Digest(random);
        return random.Next(10) switch
        {
            0 => digest[..^1],
            1 => digest + "A",
            2 => digest.Replace('-', '+').Replace('_', '/') + (random.Chance(0.5) ? "=" : ""),
            3 => "sha-256:" + digest,
            4 => "sha-384:" + Digest(random, 48),
            5 => "sha-512:" + Digest(random, 64),
            6 => "sha-384:" + digest,
            7 => digest[..^1] + "B",
            8 => "SHA-256:" + digest,
            _ => digest,
        };
    }

    private static string Digest(Random random, int bytes)
    {
        var data = new byte[bytes];
        random.NextBytes(data);
        return Ect.Parsing.Base64Url.Encode(data);
    }

    private static JsonObject ExtensionNearLimit(Random random, JsonObject options, out string what)
    {
        var maxBytes = (int)Math.Clamp(Option(options, "ext_max_bytes", 4096), 0, 70_000);
        var maxDepth = (int)Math.Clamp(Option(options, "ext_max_depth", 5), 1, 64);
        var delta = random.Next(-1, 2);
        if (random.Chance(0.5))
        {
            // {"p":"..."} is 8 bytes of framing; a non-ASCII letter takes two bytes of UTF-8.
            var target = Math.Max(8, maxBytes + delta);
            var nonAscii = random.Chance(0.3);
            var filler = nonAscii ? new string('é', (target - 8) / 2) + ((target - 8) % 2 == 1 ? "p" : "") : new string('p', target - 8);
            what = $"of {target} bytes{(nonAscii ? " with non-ASCII content" : "")} (ext_max_bytes {maxBytes})";
            return new JsonObject { ["p"] = filler };
        }

        var depth = Math.Max(1, maxDepth + delta);
        what = $"nested {depth} deep (ext_max_depth {maxDepth})";
        return PayloadGenerator.Nest(depth, new JsonObject { ["k"] = "ü" });
    }

    private static Mutation Policy(Random random, JsonObject payload, EctDraft draft)
    {
        switch (random.Next(4))
        {
            case 0:
                payload["pol"] = "policy_v1";
                return new Mutation("pol without pol_decision", RulesOf("pol", draft));
            case 1:
                payload["pol"] = "policy_v1";
                payload["pol_decision"] = random.Chance(0.5) ? "Approved" : "approve";
                return new Mutation($"pol_decision {payload["pol_decision"]}", RulesOf("pol", draft));
            case 2:
                payload["sub"] = NearMiss(random, payload["iss"] is JsonValue v && v.TryGetValue<string>(out var iss) && iss.Length > 1 ? iss : "issuer");
                return new Mutation("sub differs from iss", RulesOf("sub", draft));
            default:
                payload["pol_decision"] = random.Pick(PayloadGenerator.Decisions);
                return new Mutation("pol_decision without pol", RulesOf("pol", draft));
        }
    }
}
