using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>The requests the runner writes, one JSON object per line (protocol v1).</summary>
public static class ProtocolRequests
{
    public const int Version = 1;

    public static JsonObject Start() => new() { ["cmd"] = "start", ["version"] = Version };

    /// <summary>A <c>run</c> request; <paramref name="requestCase"/> must already be stripped of expected results.</summary>
    public static JsonObject Run(long seq, JsonObject requestCase) => new()
    {
        ["cmd"] = "run",
        ["seq"] = seq,
        ["case"] = requestCase.DeepClone(),
    };

    public static JsonObject Stop() => new() { ["cmd"] = "stop" };

    /// <summary>How many results a reply to this case must hold: one per token for verify, otherwise one.</summary>
    public static int? ExpectedResultCount(JsonObject requestCase)
    {
        ArgumentNullException.ThrowIfNull(requestCase);
        var operation = requestCase["operation"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
        if (!Cases.CaseOperation.HasOneResultPerToken(operation ?? ""))
        {
            return 1;
        }

        return requestCase["input"]?["tokens"] is JsonArray tokens ? tokens.Count : null;
    }
}
