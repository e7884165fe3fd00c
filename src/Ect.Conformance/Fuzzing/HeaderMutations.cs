using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// One change to a token's header or signing key, made before signing. Distribution: uniformly
/// <c>typ</c>, <c>alg</c>, <c>kid</c>, <c>crit</c>, an embedded key member, or the signing key;
/// a member is removed one in eight, set to a wrong JSON type one in eight, and otherwise set to a
/// near-miss of its right value (prefixes, suffixes, substrings, case, whitespace, confusables, the
/// other mode's value and the media-type spellings HDR-1 leaves open).
/// </summary>
internal static class HeaderMutations
{
    private static readonly string[] TypNearMisses =
        ["EXEC+JWT", "Exec+Jwt", "application/exec+jwt", "APPLICATION/WIMSE-EXEC+JWT", "application/wimse-exec+jwt", "exec+jwt ", " exec+jwt", "exec+jw", "xexec+jwt", "exec+jwtx",
         "exec", "jwt", "JWT", "wimse-exec+jwt", "exec+jwt", "ехес+jwt", "exec+jwt\u0000", "wimse-exec", "wimse-exec+jw", "", "exec+jwt,jwt"];

    private static readonly string[] AlgNearMisses = ["es256", "ES256 ", " ES256", "ES2560", "ES25", "ES384", "ES512", "none", "None", "HS256", "RS256", "PS256", "EdDSA", "ES256K", "", "ЕS256"];

    private static readonly string[] KidNearMisses = ["agent-A", "agent-a ", "agent-", "agent-ab", "xagent-a", "attacker", "", "agent‐a", "AGENT-A", "agent-b", "agent-c"];

    public static Mutation Apply(Random random, JsonObject recipe)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(recipe);
        var header = recipe["header"]!.AsObject();
        switch (random.Next(6))
        {
            case 0:
                return Member(random, header, "typ", TypNearMisses, "HDR-1");
            case 1:
                return Member(random, header, "alg", AlgNearMisses, "HDR-2");
            case 2:
                return Member(random, header, "kid", KidNearMisses, "HDR-3");
            case 3:
                header["crit"] = random.Next(4) switch
                {
                    0 => new JsonArray(),
                    1 => new JsonArray("exp"),
                    2 => "x",
                    _ => new JsonArray("com.example.unknown"),
                };
                return new Mutation($"crit {header["crit"]!.ToJsonString()}", ["HDR-4"]);
            case 4:
                // Keys carried in the header are never used (HDR-3): an attacker's own key beside its signature.
                header["jwk"] = FuzzKeys.Public(FuzzKeys.Attacker);
                recipe["key"] = FuzzKeys.Attacker;
                if (random.Chance(0.5))
                {
                    header["kid"] = FuzzKeys.Attacker;
                }

                return new Mutation("signed by a key carried in the header (jwk)", ["HDR-3"]);
            default:
                var key = random.Pick(new[] { FuzzKeys.Attacker, FuzzKeys.AgentB });
                recipe["key"] = key;
                return new Mutation($"signed with {key} under kid {header["kid"]?.ToJsonString()}", ["SIG-3"]);
        }
    }

    private static Mutation Member(Random random, JsonObject header, string name, string[] nearMisses, string rule)
    {
        var roll = random.Next(8);
        if (roll == 0)
        {
            header.Remove(name);
            return new Mutation($"{name} removed", [rule]);
        }

        header[name] = roll == 1 ? ClaimMutations.WrongValue(random, header[name]) : random.Pick(nearMisses);
        return new Mutation($"{name} {Protocol.JsonText.Excerpt(header[name], 60)}", [rule]);
    }
}
