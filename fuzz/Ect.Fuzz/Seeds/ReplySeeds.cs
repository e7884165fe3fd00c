using System.Text.Json.Nodes;
using Ect.Fuzz.Fixtures;

namespace Ect.Fuzz.Seeds;

/// <summary>Seeds for the reply target: one line of each reply shape of protocol v1, and replies built from the vectors' expected results.</summary>
public static class ReplySeeds
{
    public static IEnumerable<Seed> For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var token = SampleTokens.Tokens().First(t => t.Name == "valid-01-child").Token;
        var payload = SampleTokens.Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888801", Scenario.Workflow, Scenario.Now - 10, Scenario.Middle));
        yield return Seed.Text("hand-valid", """{"seq":1,"results":[{"result":"valid","payload":""" + payload + "}]}");
        yield return Seed.Text("hand-invalid", """{"seq":1,"results":[{"result":"invalid","error":"dag_cycle","message":"cycle"}]}""");
        yield return Seed.Text("hand-token", $$"""{"seq":1,"results":[{"result":"valid","token":"{{token}}","tokens":["{{token}}"],"header":{"alg":"ES256","typ":"exec+jwt","kid":"agent-a"} }]}""");
        yield return Seed.Text("hand-skipped", """{"seq":1,"skipped":true,"reason":"levels not implemented"}""");
        yield return Seed.Text("hand-errored", """{"seq":1,"errored":true,"message":"boom","context":{"message":"trace"}}""");
        yield return Seed.Text("hand-wrong-seq", """{"seq":2,"results":[]}""");
        yield return Seed.Text("hand-start", """{"version":1,"implementation":{"name":"ect-py","language":"python","version":"0.3.1","homepage":"https://example.com","drafts":["00","01"],"operations":["verify","dag"],"features":["http-header"]}}""");
        yield return Seed.Text("hand-not-json", "Traceback (most recent call last):");

        foreach (var (name, c) in source.Cases)
        {
            if (c["expected"] is not JsonObject expected)
            {
                continue;
            }

            var results = expected["results"] is JsonArray many ? many.DeepClone() : new JsonArray(expected.DeepClone());
            yield return Seed.Text("vector-" + name, new JsonObject { ["seq"] = 1, ["results"] = results }.ToJsonString());
        }
    }
}
