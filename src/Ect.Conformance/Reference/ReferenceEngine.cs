using System.Text.Json.Nodes;
using Ect.Choices;
using Ect.Configuration;
using Ect.Conformance.Cases;
using Ect.Creation;
using Ect.Dag;
using Ect.Errors;
using Ect.Migration;
using Ect.Transport;
using Ect.Verification;

namespace Ect.Conformance.Reference;

/// <summary>
/// Runs protocol-v1 cases on the reference engine. This is the whole of what a harness does, so it
/// serves the in-process adapter and the <c>harness</c> command alike.
/// </summary>
public static class ReferenceEngine
{
    public static Protocol.ImplementationInfo Info { get; } = new()
    {
        Name = "ect-conformance-reference",
        Language = "csharp",
        Version = typeof(ReferenceEngine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        Homepage = "README.md",
        Drafts = ["00", "01"],
        Operations = CaseOperation.All,
        Features = ["http-header", "levels"],
    };

    /// <summary>The <c>results</c> for one request case; throws <see cref="FormatException"/> when the case itself is unusable.</summary>
    public static JsonArray Execute(JsonObject requestCase) => Execute(requestCase, null);

    /// <summary>
    /// As <see cref="Execute(JsonObject)"/>; for verify, <paramref name="choices"/> (when given) receives,
    /// per token, the profile's optional choices its verification touched (<see cref="ProfileChoiceLog"/>).
    /// </summary>
    public static JsonArray Execute(JsonObject requestCase, List<ProfileChoice>? choices)
    {
        ArgumentNullException.ThrowIfNull(requestCase);
        var operation = requestCase["operation"] is JsonValue op && op.TryGetValue<string>(out var name) ? name : null;
        var input = new CaseInput(requestCase["input"] as JsonObject ?? throw new FormatException("case.input must be an object"));
        return operation switch
        {
            CaseOperation.Verify => Verify(input, choices),
            CaseOperation.Dag => [Dag(input)],
            CaseOperation.Create => [Create(input)],
            CaseOperation.Migrate => [Migrate(input)],
            CaseOperation.HttpHeader => [HttpHeader(input)],
            _ => throw new FormatException($"unknown operation \"{operation}\""),
        };
    }

    private static JsonArray Verify(CaseInput input, List<ProfileChoice>? choices)
    {
        var draft = input.Draft;
        var options = OptionsJson.ReadVerifierOptions(input.Options);
        var keys = ImportedKeys.KeySet(input.Array("keys"), input.Keys);
        var verifier = new EctVerifier(draft, options, keys, input.Store(draft));
        var now = input.Now;
        var results = new JsonArray();
        foreach (var token in input.Strings("tokens"))
        {
            VerificationResult result;
            if (choices is null)
            {
                result = verifier.Verify(token, now);
            }
            else
            {
                using var scope = ProfileChoiceLog.Observe();
                result = verifier.Verify(token, now);
                choices.Add(scope.Touched);
            }

            results.Add(result.IsValid
                ? new JsonObject { ["result"] = "valid", ["payload"] = result.Payload.ToJsonObject() }
                : Invalid(result.Error));
        }

        return results;
    }

    private static JsonObject Dag(CaseInput input)
    {
        var draft = input.Draft;
        var options = OptionsJson.ReadVerifierOptions(WithVerifierId(input.Options));
        var payload = CaseInput.ReadPayload(input.Object("payload"), draft, "input.payload");
        var result = DagValidator.Validate(payload, input.Store(draft), draft, options.DagOptions);
        return result.IsValid ? Valid() : Invalid(result.Error);
    }

    private static JsonObject Create(CaseInput input)
    {
        var payload = input.Object("payload");
        var key = input.Key();
        var draft = input.Draft;
        var options = OptionsJson.ReadCreateOptions(input.Options);
        var now = input.Now;
        var result = ImportedKeys.SigningKey(input.Object("key"), key) is { } signingKey
            ? EctCreator.Create(payload, signingKey, key.Kid!, draft, options, now)
            : EctCreator.Create(payload, key, draft, options, now);
        return result.Succeeded ? new JsonObject { ["result"] = "valid", ["token"] = result.Token } : Invalid(result.Error);
    }

    private static JsonObject Migrate(CaseInput input)
    {
        var result = EctMigrator.Migrate(input.Object("header"), input.Object("payload"));
        return result.Succeeded
            ? new JsonObject { ["result"] = "valid", ["header"] = result.Header, ["payload"] = result.Payload }
            : Invalid(result.Error);
    }

    private static JsonObject HttpHeader(CaseInput input)
    {
        var parsed = ExecutionContextHeader.Parse(input.Strings("field_values"));
        return parsed.Succeeded
            ? new JsonObject { ["result"] = "valid", ["tokens"] = new JsonArray(parsed.Tokens.Select(t => (JsonNode?)t).ToArray()) }
            : Invalid(parsed.Error);
    }

    private static JsonObject? WithVerifierId(JsonObject? options)
    {
        // The DAG operation has no verifier, but the options reader requires an identity.
        var copy = options?.DeepClone().AsObject() ?? [];
        copy.TryAdd("verifier_id", "dag");
        return copy;
    }

    private static JsonObject Valid() => new() { ["result"] = "valid" };

    private static JsonObject Invalid(EctError error) => new()
    {
        ["result"] = "invalid",
        ["error"] = error.CodeName,
        ["message"] = error.Message,
    };
}
