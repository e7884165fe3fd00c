using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// <c>Execution-Context</c> cases (feature http-header): 1–3 fields of 1–3 members each, joined by
/// a comma with no, one or several spaces or tabs around it; a member is an honest token, one in
/// six an empty member, one in eight a member that is not a compact JWS.
/// </summary>
internal static class HttpHeaderGenerator
{
    private static readonly string[] Separators = [",", ", ", " , ", ",\t", "  ,  "];
    private static readonly string[] Garbage = ["x", "a.b", "a.b.c.d", "eyJ", "\"quoted\"", ";", "a b"];

    public static (JsonObject Recipe, Mutation What) Generate(Random random, EctDraft draft)
    {
        ArgumentNullException.ThrowIfNull(random);
        var fields = new JsonArray();
        for (var f = random.Next(1, 4); f > 0; f--)
        {
            var members = new JsonArray();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                members.Add(random.Next(24) switch
                {
                    < 4 => "",
                    < 7 => random.Pick(Garbage),
                    _ => TokenRecipe.Create(PayloadGenerator.Header(draft), PayloadGenerator.Payload(random, draft)),
                });
            }

            fields.Add(new JsonObject { ["members"] = members, ["separator"] = random.Pick(Separators) });
        }

        return (new JsonObject { ["field_values"] = fields }, new Mutation($"{fields.Count} Execution-Context field(s)", ["HTTP-1"]));
    }
}
