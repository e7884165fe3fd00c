using System.Text.Json.Nodes;

namespace Ect.Fuzz.Seeds;

/// <summary>Seeds for the HTTP field target: hand-built tokens alone and in lists, and the field values of http-header vectors.</summary>
public static class HeaderSeeds
{
    public static IEnumerable<Seed> For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = SampleTokens.Tokens().Select(t => t.Token).ToList();
        yield return Seed.Text("hand-one", tokens[0]);
        yield return Seed.Text("hand-list", $"{tokens[0]}, {tokens[1]},\t{tokens[2]} ,");
        yield return Seed.Text("hand-fields", $"{tokens[0]}\n\n{tokens[1]} , ,{tokens[2]}");
        yield return Seed.Text("hand-empty-members", " , ,\t,");
        yield return Seed.Text("hand-bad-member", $"{tokens[0]}, not-a-token");
        yield return Seed.Text("hand-short", "a.b., c.d.e");
        foreach (var (name, c) in source.CasesOf("http-header"))
        {
            if (c["input"]?["field_values"] is JsonArray values)
            {
                yield return Seed.Text("vector-" + name, string.Join('\n', values.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? text : "")));
            }
        }
    }
}
