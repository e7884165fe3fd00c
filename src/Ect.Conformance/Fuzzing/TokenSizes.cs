using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Token sizes around <c>max_token_bytes</c> (PARSE-4). The token is rendered once to be measured
/// (an ES256 signature always takes 86 characters, so signing again does not change its length).
/// Distribution: two in three an honest token with <c>max_token_bytes</c> its length in bytes one
/// below, equal or one above; one in three the token with a character of two, three or four UTF-8
/// bytes (é, €, an emoji) inserted after signing, and <c>max_token_bytes</c> one below, at or one
/// above either its length in code points or its length in bytes, so that a limit counted in
/// characters falls on the other side of one counted in bytes.
/// </summary>
internal static class TokenSizes
{
    private static readonly string[] MultiByte = ["é", "€", "😀"];

    public static Mutation Apply(Random random, JsonObject recipe, JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(options);
        var delta = random.Next(-1, 2);
        if (random.Next(3) < 2)
        {
            var length = Encoding.UTF8.GetByteCount(TokenRecipe.Render(recipe));
            options["max_token_bytes"] = length + delta;
            return new Mutation(string.Create(CultureInfo.InvariantCulture, $"a token of {length} bytes, max_token_bytes {length + delta}"), ["PARSE-4"]);
        }

        var character = random.Pick(MultiByte);
        recipe["mutation"] = new JsonObject { ["op"] = "insert", ["at"] = random.Next(0, 4096), ["text"] = character };
        var token = TokenRecipe.Render(recipe);
        var bytes = Encoding.UTF8.GetByteCount(token);
        var codePoints = token.EnumerateRunes().Count();
        var limit = (random.Chance(0.5) ? codePoints : bytes) + delta;
        options["max_token_bytes"] = limit;
        return new Mutation(string.Create(CultureInfo.InvariantCulture, $"a token of {codePoints} characters and {bytes} bytes ({character} inserted after signing), max_token_bytes {limit}"), ["PARSE-4", "PARSE-1"]);
    }
}
