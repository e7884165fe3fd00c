using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// The reference engine with one planted slip in process: every token the slip picks (by its
/// payload and the reference's result) is accepted whatever else is wrong with it, so a test knows
/// exactly what a minimal disagreeing case holds.
/// </summary>
internal sealed class ReferenceWithSlip(Func<JsonObject, JsonObject, bool> accepts) : IImplementation
{
    /// <summary>Accepts every token whose payload has the claim <paramref name="marker"/>.</summary>
    public static ReferenceWithSlip Marked(string marker) => new((payload, _) => payload.ContainsKey(marker));

    /// <summary>Accepts every token the reference rejects with <paramref name="code"/>.</summary>
    public static ReferenceWithSlip Ignoring(string code) => new((_, result) => result["error"]?.GetValue<string>() == code);

    private readonly ReferenceImplementation _reference = new();

    public Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken) => _reference.StartAsync(cancellationToken);

    public async Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = await _reference.RunAsync(seq, requestCase, timeout, cancellationToken);
        if (reply.Results is null || requestCase["input"]?["tokens"] is not JsonArray tokens)
        {
            return reply;
        }

        var results = reply.Results.DeepClone().AsArray();
        for (var i = 0; i < tokens.Count && i < results.Count; i++)
        {
            if (tokens[i]?.GetValue<string>() is { } token && Payload(token) is { } payload && results[i] is JsonObject result && accepts(payload, result))
            {
                results[i] = new JsonObject { ["result"] = "valid", ["payload"] = Payload(token) };
            }
        }

        return HarnessReply.FromResults(results);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject? Payload(string token)
    {
        var parts = token.Split('.');
        try
        {
            return parts.Length == 3 ? JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])) as JsonObject : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            // A token broken after signing has no payload to read; the slip leaves it to the reference.
            return null;
        }
    }
}
