using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Ect.Fuzz.Fixtures;

namespace Ect.Fuzz.Seeds;

/// <summary>
/// Seeds for the harness-server target: the runner's own requests (start, stop, a run of each
/// operation), the requests that once killed the server (issue 12), and a run request per vector case.
/// </summary>
public static class HarnessSeeds
{
    public static IEnumerable<Seed> For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var token = SampleTokens.Tokens().First(t => t.Name == "valid-01-child").Token;
        var payload = Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888801", Scenario.Workflow, Scenario.Now - 10, Scenario.Middle);
        var key = FuzzKeys.AgentA.ToJsonObject();
        yield return Seed.Text("hand-start", ProtocolRequests.Start().ToJsonString());
        yield return Seed.Text("hand-stop", ProtocolRequests.Stop().ToJsonString());
        yield return Seed.Text("hand-verify", Run("verify", new JsonObject
        {
            ["now"] = Scenario.Now,
            ["options"] = new JsonObject { ["verifier_id"] = Scenario.Verifier },
            ["keys"] = new JsonArray(key.DeepClone()),
            ["tokens"] = new JsonArray(token),
        }));
        yield return Seed.Text("hand-create", Run("create", new JsonObject { ["now"] = Scenario.Now, ["key"] = key.DeepClone(), ["payload"] = payload.DeepClone() }));
        yield return Seed.Text("hand-migrate", Run("migrate", new JsonObject { ["header"] = Claims.Header(EctDraft.Draft00), ["payload"] = payload.DeepClone() }));
        yield return Seed.Text("hand-dag", Run("dag", new JsonObject { ["now"] = Scenario.Now, ["payload"] = payload.DeepClone() }));
        yield return Seed.Text("hand-http-header", Run("http-header", new JsonObject { ["field_values"] = new JsonArray(token + ", " + token) }));
        yield return Seed.Text("hand-session", $"{ProtocolRequests.Start().ToJsonString()}\n{Run("dag", new JsonObject { ["payload"] = payload.DeepClone() })}\n{ProtocolRequests.Stop().ToJsonString()}");

        // Issue 12: each of these once ended the server without a reply.
        yield return Seed.Text("hand-unknown-operation", """{"cmd":"run","seq":1,"case":{"id":"a","operation":"nope","input":{}}}""");
        yield return Seed.Text("hand-surrogate-name", """{"cmd":"run","seq":1,"\ud800":1}""");
        yield return Seed.Text("hand-surrogate-cmd", """{"cmd":"\ud800","seq":1}""");
        yield return Seed.Text("hand-duplicate-cmd", """{"cmd":"run","cmd":"stop","seq":1}""");
        yield return Seed.Text("hand-deep-seq", """{"cmd":"run","seq":""" + new string('[', 30_000) + new string(']', 30_000) + "}");

        foreach (var (name, c) in source.Cases)
        {
            if (c["input"] is JsonObject input && JsonText.TryGetString(c["operation"], out var operation))
            {
                yield return Seed.Text("vector-" + name, Run(operation, (JsonObject)input.DeepClone(), JsonText.TryGetString(c["id"], out var id) ? id : name));
            }
        }
    }

    private static string Run(string operation, JsonObject input, string id = "fuzz::harness") =>
        JsonText.Serialize(ProtocolRequests.Run(1, new JsonObject { ["id"] = id, ["operation"] = operation, ["input"] = input }));
}
