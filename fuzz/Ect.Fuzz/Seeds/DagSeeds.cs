using System.Text.Json.Nodes;
using Ect.Fuzz.Fixtures;
using static Ect.Fuzz.Fixtures.Scenario;

namespace Ect.Fuzz.Seeds;

/// <summary>Seeds for the DAG target: dag-case inputs, hand-built around the store fixture and taken from the vectors.</summary>
public static class DagSeeds
{
    public static IEnumerable<Seed> For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var draft in (EctDraft[])[EctDraft.Draft00, EctDraft.Draft01])
        {
            var d = draft.ToWireName();
            yield return Input($"hand-{d}-child", draft, StoreFixture.Json(draft), Claims.Payload(draft, "88888888-8888-4888-8888-888888888801", Workflow, Now, Middle));
            yield return Input($"hand-{d}-cycle", draft, StoreFixture.Json(draft), Claims.Payload(draft, Missing, Workflow, Now, Dangling));
            yield return Input($"hand-{d}-not-found", draft, StoreFixture.Json(draft), Claims.Payload(draft, "88888888-8888-4888-8888-888888888802", Workflow, Now, Missing));
            yield return Input($"hand-{d}-other-workflow", draft, StoreFixture.Json(draft), Claims.Payload(draft, "88888888-8888-4888-8888-888888888803", Workflow, Now, OtherRoot));
            yield return Input($"hand-{d}-temporal", draft, StoreFixture.Json(draft), Claims.Payload(draft, "88888888-8888-4888-8888-888888888804", Workflow, Now - 300, Middle));
            yield return Input($"hand-{d}-duplicate-jti", draft, StoreFixture.Json(draft), Claims.Payload(draft, Root1, Workflow, Now));
            yield return Input($"hand-{d}-duplicate-pred", draft, StoreFixture.Json(draft), Claims.Payload(draft, "88888888-8888-4888-8888-888888888805", Workflow, Now, Root1, Root1));
            yield return Input($"hand-{d}-fan-in", draft, StoreFixture.Json(draft), Claims.Payload(draft, "88888888-8888-4888-8888-888888888806", null, Now, Root1, Root2, Middle, OtherRoot, NoWorkflow));
        }

        // Short ids keep these small, so the fuzzer can rewire them cheaply; UUIDs are not checked here.
        var chain = Enumerable.Range(1, 12).Select(i => Claims.Payload(EctDraft.Draft01, $"t{i}", "w", Now - 100 + i, i == 1 ? "t0" : $"t{i - 1}")).ToList();
        yield return Input("hand-chain-traversal-limit", EctDraft.Draft01, chain, Claims.Payload(EctDraft.Draft01, "t0", "w", Now, "t12"), new JsonObject { ["max_ancestors"] = 5 });
        yield return Input("hand-chain-no-limit", EctDraft.Draft01, chain, Claims.Payload(EctDraft.Draft01, "t0", "w", Now, "t12"), new JsonObject { ["max_ancestors"] = 0, ["max_pred_length"] = 0 });
        yield return Input("hand-two-workflows", EctDraft.Draft00,
            [Claims.Payload(EctDraft.Draft00, "a", "w1", Now, "b"), Claims.Payload(EctDraft.Draft00, "b", "w2", Now), Claims.Payload(EctDraft.Draft00, "x", "w2", Now)],
            Claims.Payload(EctDraft.Draft00, "x", "w1", Now, "a"), new JsonObject { ["dag_clock_skew"] = 0 });

        foreach (var (name, c) in source.CasesOf("dag"))
        {
            yield return Seed.Text("vector-" + name, c["input"]!.ToJsonString());
        }
    }

    private static Seed Input(string name, EctDraft draft, IEnumerable<JsonObject> store, JsonObject payload, JsonObject? options = null)
    {
        var input = new JsonObject
        {
            ["draft"] = draft.ToWireName(),
            ["store"] = new JsonArray(store.Select(p => (JsonNode)p.DeepClone()).ToArray()),
            ["payload"] = payload,
        };
        if (options is not null)
        {
            input["options"] = options;
        }

        return Seed.Text(name, SampleTokens.Json(input));
    }
}
