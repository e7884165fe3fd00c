using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Turns a generated case's recipe into the input a harness receives: each token recipe signed (and
/// mutated) into a compact token, each <c>Execution-Context</c> field joined from its members, and
/// the profile's defaults filled in as the vector loader fills them.
/// </summary>
internal static class CaseRenderer
{
    /// <summary>The input as a vector holds it; throws <see cref="FormatException"/> when the recipe cannot be rendered.</summary>
    public static JsonObject Render(FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        var input = (JsonObject)RenderNode(fuzzCase.Recipe)!;
        return ProfileDefaults.Fill(fuzzCase.Operation, input);
    }

    private static JsonNode? RenderNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject recipe when TokenRecipe.IsRecipe(recipe):
                return TokenRecipe.Render(recipe);
            case JsonObject field when field.ContainsKey("members"):
                return RenderField(field);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = RenderNode(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(RenderNode).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>An <c>Execution-Context</c> field value: its members (token recipes or raw text) joined by its separator.</summary>
    private static string RenderField(JsonObject field)
    {
        var separator = field["separator"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : ",";
        var members = field["members"] as JsonArray ?? throw new FormatException("a field's members are a list");
        return string.Join(separator, members.Select(m => RenderNode(m) is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new FormatException("a field member is a token recipe or a string")));
    }
}
