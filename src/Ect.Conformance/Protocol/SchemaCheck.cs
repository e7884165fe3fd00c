using System.Text.Json.Nodes;
using Json.Schema;

namespace Ect.Conformance.Protocol;

/// <summary>
/// Where a JSON instance breaks a JSON Schema, as one line per problem, deepest place first: the
/// one evaluation behind <c>--strict-protocol</c> and the tests that hold documents to the
/// project's schemas.
/// </summary>
internal static class SchemaCheck
{
    // JsonSchema.Net keeps evaluation state on the schema objects; concurrent callers (--jobs, parallel tests) take turns.
    private static readonly Lock Gate = new();

    /// <param name="schema">The schema to hold <paramref name="instance"/> to.</param>
    /// <param name="instance">The document.</param>
    /// <param name="others">Schemas that <paramref name="schema"/> may refer to by <c>$id</c>.</param>
    public static IReadOnlyList<string> Problems(JsonSchema schema, JsonNode? instance, IEnumerable<JsonSchema>? others = null)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        foreach (var other in others ?? [])
        {
            options.SchemaRegistry.Register(other);
        }

        EvaluationResults result;
        lock (Gate)
        {
            result = schema.Evaluate(instance, options);
        }

        if (result.IsValid)
        {
            return [];
        }

        // Deepest places first: a oneOf names every branch that failed at the root, the member at fault lies below.
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (At: d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/", e.Value)))
            .OrderByDescending(p => p.At.Count(c => c == '/'))
            .Select(p => $"{p.At}: {p.Value}")
            .Distinct()
            .DefaultIfEmpty("the document does not match the schema")
            .ToList();
    }
}
