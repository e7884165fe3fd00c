using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Configuration;
using Ect.Keys;
using Ect.Ledger;
using Ect.Parsing;
using Ect.Verification;

namespace Ect.Conformance.Reference;

/// <summary>Typed access to a case's <c>input</c>; every accessor throws <see cref="FormatException"/> naming the member at fault.</summary>
internal sealed class CaseInput(JsonObject input)
{
    public EctDraft Draft =>
        EctDrafts.TryParse(String("draft"), out var draft) ? draft : throw new FormatException("input.draft must be \"00\" or \"01\"");

    public long Now => input["now"] is JsonValue v && OptionsJson.TryGetInteger(v, out var now)
        ? now
        : throw new FormatException("input.now must be an integer (Unix seconds)");

    public JsonObject? Options => input["options"] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw new FormatException("input.options must be an object"),
    };

    public JsonObject Object(string name) => input[name] as JsonObject ?? throw new FormatException($"input.{name} must be an object");

    public JsonArray Array(string name) => input[name] as JsonArray ?? throw new FormatException($"input.{name} must be an array");

    public string? String(string name) => input[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public IEnumerable<string?> Strings(string name) =>
        Array(name).Select(n => n is null ? null : n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"input.{name} must hold strings"));

    public KeySet Keys() => new(Array("keys").Select(k => JsonWebKey.FromJson(ToElement(k))).ToList());

    public JsonWebKey Key() => JsonWebKey.FromJson(ToElement(Object("key")));

    /// <summary>A ledger holding the <c>store</c> payloads, read in this case's mode without the format checks (they were accepted before).</summary>
    public MemoryLedger Store(EctDraft draft)
    {
        var ledger = new MemoryLedger();
        if (input["store"] is null)
        {
            return ledger;
        }

        var index = 0;
        foreach (var node in Array("store"))
        {
            var payload = ReadPayload(node, draft, $"input.store[{index}]");
            var error = ledger.TryAppend(payload);
            if (error is not null)
            {
                throw new FormatException($"input.store[{index}] cannot be stored: {error}");
            }

            index++;
        }

        return ledger;
    }

    /// <summary>A payload read leniently (no UUID, hash or extension limits), for the store and the DAG operation.</summary>
    public static Model.EctPayload ReadPayload(JsonNode? node, EctDraft draft, string where)
    {
        if (node is not JsonObject obj)
        {
            throw new FormatException($"{where} must be an object");
        }

        var rules = new ClaimRules(ValidateUuids: false, ExtMaxBytes: int.MaxValue, ExtMaxDepth: int.MaxValue);
        // JsonText keeps each value's source text, so a lone surrogate escape is read by the engine, not refused by a writer.
        var read = ClaimReader.Read(Protocol.JsonText.SerializeToUtf8Bytes(obj), draft, rules);
        return read.Succeeded ? read.Value : throw new FormatException($"{where} is not a payload the DAG can read: {read.Error}");
    }

    private static JsonElement ToElement(JsonNode? node) => JsonSerializer.SerializeToElement(node, JsonContext.Default.JsonNode);
}
