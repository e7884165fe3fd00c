using System.Text.Json.Nodes;
using Ect.Fuzz.Fixtures;
using Ect.Conformance.Protocol;

namespace Ect.Fuzz.Seeds;

/// <summary>
/// Seeds for the targets that take a caller's JSON (create, migrate, jwk): valid inputs of both
/// drafts, the shapes issue 11 reported (lone surrogates where migration compares, nesting past the
/// bound, keys whose JWK rules out ES256), and the inputs of the corpus's create and migrate cases and keys.
/// </summary>
public static class EngineInputSeeds
{
    private const string Digest = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

    public static IEnumerable<Seed> Create(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        yield return Seed.Text("hand-01", SampleTokens.Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888801", Scenario.Workflow, Scenario.Now - 10, Scenario.Middle)));
        yield return Seed.Text("hand-00", SampleTokens.Json(Claims.Payload(EctDraft.Draft00, "88888888-8888-4888-8888-888888888800", null, Scenario.Now - 10)));
        yield return Seed.Text("hand-defaults", $$"""{"iss":"spiffe://example.com/agent/a","aud":"{{Scenario.Verifier}}","jti":"88888888-8888-4888-8888-888888888802","exec_act":"review"}""");
        yield return Seed.Text("hand-surrogate", """{"iss":"a","aud":"b","jti":"88888888-8888-4888-8888-888888888803","exec_act":"\ud800"}""");
        yield return Seed.Text("hand-duplicate", """{"iss":"a","iss":"b"}""");
        yield return Seed.Text("hand-deep", """{"note":""" + new string('[', 300) + new string(']', 300) + "}");
        foreach (var input in Inputs(source, "create"))
        {
            if (input.Value["payload"] is JsonObject payload)
            {
                yield return Seed.Text("vector-" + input.Name, JsonText.Serialize(payload));
            }
        }
    }

    public static IEnumerable<Seed> Migrate(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var header = SampleTokens.Json(Claims.Header(EctDraft.Draft00));
        yield return Seed.Text("hand-full", header + "\n" + $$"""{"iss":"a","sub":"a","par":["p"],"ext":{"k":1},"pol":"p","pol_decision":"approved","inp_hash":"sha-256:{{Digest}}"}""");
        yield return Seed.Text("hand-01", SampleTokens.Json(Claims.Header(EctDraft.Draft01)) + "\n" + SampleTokens.Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888801", null, Scenario.Now)));
        yield return Seed.Text("hand-surrogate-par", header + "\n" + """{"par":["\ud800"],"pred":["x"]}""");
        yield return Seed.Text("hand-surrogate-pol", header + "\n" + """{"pol":"\udc00","ect_ext":{"pol":"p"}}""");
        yield return Seed.Text("hand-surrogate-sub", header + "\n" + """{"iss":"a","sub":"\ud800"}""");
        yield return Seed.Text("hand-surrogate-hash", header + "\n" + """{"out_hash":"sha-256:\ud800"}""");
        yield return Seed.Text("hand-deep", header + "\n" + """{"par":""" + new string('[', 300) + new string(']', 300) + "}");
        foreach (var input in Inputs(source, "migrate"))
        {
            if (input.Value["header"] is JsonObject h && input.Value["payload"] is JsonObject p)
            {
                yield return Seed.Text("vector-" + input.Name, JsonText.Serialize(h) + "\n" + JsonText.Serialize(p));
            }
        }
    }

    public static IEnumerable<Seed> Jwk(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var a = FuzzKeys.AgentA.ToPublic().ToJsonObject();
        yield return Seed.Text("hand-public", a.ToJsonString());
        yield return Seed.Text("hand-private", FuzzKeys.AgentA.ToJson());
        yield return Seed.Text("hand-set", new JsonObject { ["keys"] = new JsonArray(a.DeepClone(), FuzzKeys.AgentB.ToPublic().ToJsonObject()) }.ToJsonString());
        yield return Seed.Text("hand-duplicate-kid", new JsonArray(a.DeepClone(), a.DeepClone()).ToJsonString());
        foreach (var (member, value) in new (string, JsonNode)[] { ("use", "sig"), ("use", "enc"), ("key_ops", new JsonArray("verify")), ("key_ops", "verify"), ("alg", "ES256"), ("alg", "ES384") })
        {
            var jwk = a.DeepClone().AsObject();
            jwk[member] = value;
            yield return Seed.Text($"hand-{member}-{value.ToJsonString().Trim('"', '[', ']')}", new JsonArray(jwk).ToJsonString());
        }

        yield return Seed.Text("hand-surrogate", """{"kty":"EC","kid":"\ud800"}""");
        foreach (var input in Inputs(source, null))
        {
            if (input.Value["keys"] is JsonArray keys)
            {
                yield return Seed.Text("vector-" + input.Name, JsonText.Serialize(keys));
            }

            if (input.Value["key"] is JsonObject key)
            {
                yield return Seed.Text("vector-key-" + input.Name, JsonText.Serialize(key));
            }
        }
    }

    private static IEnumerable<(string Name, JsonObject Value)> Inputs(SeedSource source, string? operation)
    {
        foreach (var (name, c) in source.Cases)
        {
            if (c["input"] is JsonObject input && (operation is null || (c["operation"] is JsonValue op && op.TryGetValue<string>(out var o) && o == operation)))
            {
                yield return (name, input);
            }
        }
    }
}
