using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;
using Ect.Migration;

namespace Ect.Fuzz.Targets;

/// <summary>
/// <see cref="EctMigrator.Migrate"/> on <c>HEADER-JSON \n PAYLOAD-JSON</c> read as nodes (deep
/// nesting and duplicate names allowed, as a caller's nodes can be). Asserts: a result or an error,
/// never an exception; only <c>migration_conflict</c>, <c>malformed</c> or <c>token_too_large</c>;
/// the inputs are unchanged; the result has no -00 names left; and migrating it again changes
/// nothing (MIG-8) unless it still holds a prefixed hash, which no -01 payload does.
/// </summary>
public sealed class MigrateTarget : IFuzzTarget
{
    private static readonly JsonDocumentOptions NodeOptions = new() { MaxDepth = 100_000 };

    private static readonly EctErrorCode[] MigrationCodes = [EctErrorCode.MigrationConflict, EctErrorCode.Malformed, EctErrorCode.TokenTooLarge];

    public string Name => "migrate";

    public string Description => "EctMigrator.Migrate on header and payload nodes; a result never an exception, inputs unchanged, no -00 names left, MIG-8 idempotence";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["ect.dict", "json.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var (headerText, payloadText) = newline < 0 ? ("""{"alg":"ES256","typ":"wimse-exec+jwt","kid":"agent-a"}""", text) : (text[..newline], text[(newline + 1)..]);
        if (Read(headerText) is not { } header || Read(payloadText) is not { } payload)
        {
            return;
        }

        var result = EctMigrator.Migrate(header, payload);
        Check.That(result.Succeeded == (result.Header is not null) && result.Succeeded == (result.Payload is not null), () => $"result and error together or neither: {result.Error}");
        if (!result.Succeeded)
        {
            Check.That(MigrationCodes.Contains(result.Error.Code) && result.Error.Message.Length > 0, () => $"migration refused with {result.Error}");
            return;
        }

        // Migration succeeded, so every string is Unicode and the nesting bounded: the nodes can be compared.
        Check.That(Ect.Conformance.Judging.JsonEquality.DeepEquals(header, Read(headerText)) && Ect.Conformance.Judging.JsonEquality.DeepEquals(payload, Read(payloadText)), "migration changed its inputs");
        var migrated = result.Payload;
        Check.That(!migrated.ContainsKey("par") && !migrated.ContainsKey("ext") && !migrated.ContainsKey("pol") && !migrated.ContainsKey("pol_decision"),
            () => $"-00 names left after migration: {string.Join(", ", migrated.Select(m => m.Key))}");
        Check.That(!migrated.ContainsKey("sub") || !payload.ContainsKey("iss"), "sub kept although iss is there (MIG-5)");
        Check.That(!(result.Header["typ"] is JsonValue typ && typ.TryGetValue<string>(out var t) && t == EctDrafts.TypLegacy), "typ still wimse-exec+jwt (MIG-1)");

        var again = EctMigrator.Migrate(result.Header, migrated);
        if (!HasPrefixedHash(migrated))
        {
            Check.That(again.Succeeded && Ect.Conformance.Judging.JsonEquality.DeepEquals(again.Header, result.Header) && Ect.Conformance.Judging.JsonEquality.DeepEquals(again.Payload, migrated),
                () => $"migrating the result again changes it or fails: {again.Error} (MIG-8)");
        }
    }

    private static readonly string[] HashClaims = ["inp_hash", "out_hash"];

    private static bool HasPrefixedHash(JsonObject payload) =>
        HashClaims.Any(claim => payload[claim] is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith("sha-", StringComparison.Ordinal));

    private static JsonObject? Read(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: NodeOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => EngineInputSeeds.Migrate(source);
}
