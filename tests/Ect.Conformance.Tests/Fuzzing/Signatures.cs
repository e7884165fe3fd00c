using System.Text.Json.Nodes;
using Ect.Conformance.Fuzzing;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// What of a campaign does not depend on the bytes of an ECDSA signature, which differ from run to
/// run: cases whose answer may turn on them are told apart, and tokens are compared without them.
/// </summary>
internal static class Signatures
{
    /// <summary>
    /// True when a token of the case is changed after signing at a place inside its signature. A
    /// signature is randomised, so a replaced character could be the one already there, and a
    /// truncated one could end in a character with unused bits set, and the answer varied run to
    /// run; <see cref="TokenRecipe"/> now makes such changes do the same every run
    /// (<see cref="SignatureMutationTests"/>), and <see cref="SeedReplayTests"/> still leaves these
    /// cases out of its pin, as when the pin was taken.
    /// </summary>
    public static bool DependsOnTheSignature(JsonNode? node) => node switch
    {
        JsonObject recipe when TokenRecipe.IsRecipe(recipe) => ChangedInsideTheSignature(recipe),
        JsonObject obj => obj.Any(member => DependsOnTheSignature(member.Value)),
        JsonArray array => array.Any(DependsOnTheSignature),
        _ => false,
    };

    private static bool ChangedInsideTheSignature(JsonObject recipe)
    {
        if (recipe["mutation"] is not JsonObject mutation || mutation["op"]!.GetValue<string>() is not ("replace" or "delete" or "insert" or "truncate"))
        {
            return false;
        }

        var unchanged = recipe.DeepClone().AsObject();
        unchanged.Remove("mutation");
        var token = TokenRecipe.Render(unchanged);
        var at = Math.Abs(mutation["at"]!.GetValue<int>());
        return at % token.Length > token.LastIndexOf('.');
    }

    /// <summary>The expected results with every compact token cut to its signing input (an http-header answer lists the tokens).</summary>
    public static JsonNode? WithoutSignatures(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = WithoutSignatures(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(WithoutSignatures)]);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Count(c => c == '.') == 2:
                return text[..text.LastIndexOf('.')];
            default:
                return node?.DeepClone();
        }
    }
}
