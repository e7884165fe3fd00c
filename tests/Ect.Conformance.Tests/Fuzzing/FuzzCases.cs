using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>Hand-made generated cases for the fuzzing tests.</summary>
internal static class FuzzCases
{
    public static JsonObject Honest(EctDraft draft, string? jti = null, string? wid = null, params string[] preds) =>
        TokenRecipe.Create(PayloadGenerator.Header(draft), PayloadGenerator.Task(draft, jti ?? "00000000-0000-4000-8000-00000000000a", wid, FuzzDefaults.Now - 10, preds));

    public static FuzzCase Verify(EctDraft draft, params JsonObject[] tokens) => Verify(draft, [], tokens);

    public static FuzzCase Verify(EctDraft draft, JsonObject[] store, params JsonObject[] tokens) => new()
    {
        Id = "fuzz::verify::test",
        Operation = CaseOperation.Verify,
        Draft = draft.ToWireName(),
        What = new Mutation("a test case", ["CLM-1"]),
        Recipe = new JsonObject
        {
            ["now"] = FuzzDefaults.Now,
            ["options"] = new JsonObject { ["verifier_id"] = FuzzDefaults.VerifierId },
            ["keys"] = FuzzKeys.VerifierKeys(),
            ["store"] = new JsonArray(store.Select(s => (JsonNode?)s).ToArray()),
            ["tokens"] = new JsonArray(tokens.Select(t => (JsonNode?)t).ToArray()),
        },
    };

    public static FuzzCase Dag(EctDraft draft, JsonObject payload, params JsonObject[] store) => new()
    {
        Id = "fuzz::dag::test",
        Operation = CaseOperation.Dag,
        Draft = draft.ToWireName(),
        What = new Mutation("a test case", ["DAG-2"]),
        Recipe = new JsonObject
        {
            ["now"] = FuzzDefaults.Now,
            ["options"] = new JsonObject(),
            ["store"] = new JsonArray(store.Select(s => (JsonNode?)s).ToArray()),
            ["payload"] = payload,
        },
    };
}
