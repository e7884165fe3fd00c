using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// One change to a token's characters after signing, so it does not get past the signature (or
/// the parser). Distribution: uniformly a character replaced (by one of the base64url alphabet or
/// <c>. = + / space %</c>), deleted or inserted at a uniform position, the token truncated, a
/// segment appended, an unused bit set in a segment's last character (non-canonical base64url,
/// PARSE-1), or the signature replaced (empty, shortened, a DER-length blob, r = 0 / s = 0).
/// </summary>
internal static class ByteMutations
{
    private static readonly string[] Tails = [".", ".x", "..", "="];

    private static readonly string[] Characters = ["A", "a", "_", "-", "0", ".", "=", "+", "/", " ", "%", "é"];

    public static Mutation Apply(Random random, JsonObject recipe)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(recipe);
        var at = random.Next(0, 4096);
        switch (random.Next(7))
        {
            case 0:
                recipe["mutation"] = new JsonObject { ["op"] = "replace", ["at"] = at, ["text"] = random.Pick(Characters) };
                return new Mutation("a character replaced after signing", ["PARSE-1", "SIG-3"]);
            case 1:
                recipe["mutation"] = new JsonObject { ["op"] = "delete", ["at"] = at };
                return new Mutation("a character deleted after signing", ["PARSE-1", "SIG-3"]);
            case 2:
                recipe["mutation"] = new JsonObject { ["op"] = "insert", ["at"] = at, ["text"] = random.Pick(Characters) };
                return new Mutation("a character inserted after signing", ["PARSE-1", "SIG-3"]);
            case 3:
                recipe["mutation"] = new JsonObject { ["op"] = "truncate", ["at"] = at };
                return new Mutation("truncated after signing", ["PARSE-1", "SIG-1"]);
            case 4:
                recipe["mutation"] = new JsonObject { ["op"] = "append", ["text"] = random.Pick(Tails) };
                return new Mutation("characters appended after signing", ["PARSE-1"]);
            case 5:
                recipe["mutation"] = new JsonObject { ["op"] = "noncanonical", ["at"] = random.Next(3) };
                return new Mutation("an unused bit set in a segment's last character", ["PARSE-1"]);
            default:
                var zero = new string('A', 43);
                recipe["signature"] = random.Next(5) switch
                {
                    0 => "",
                    1 => "AAAA",
                    2 => "MEUCIQ" + new string('A', 90),
                    3 => zero + "A" + zero[..42],
                    _ => new string('_', 86),
                };
                return new Mutation("the signature replaced", ["SIG-1", "SIG-2"]);
        }
    }
}
