using System.Text.Json.Nodes;
using Ect.Fuzz.Fixtures;
using static Ect.Fuzz.Fixtures.Scenario;

namespace Ect.Fuzz.Seeds;

/// <summary>
/// Seeds for the YAML target: small hand-written vector files (one per operation, block style,
/// as the corpus is written), every vector file of the corpus, and each vector case alone as a
/// one-case JSON file.
/// </summary>
public static class YamlSeeds
{
    public static IEnumerable<Seed> For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var token = SampleTokens.Tokens().First(t => t.Name == "valid-01-child").Token;
        var key = FuzzKeys.AgentA;
        yield return Seed.Text("hand-verify", $"""
            - id: fuzz::verify
              description: A child of a stored task.
              rules: [CLM-1, DAG-2]
              drafts: ["01"]
              operation: verify
              input:
                now: {Now}
                options: {"{"}verifier_id: "{Verifier}", max_ancestors: 100{"}"}
                keys:
                  - {"{"}kty: EC, crv: P-256, kid: agent-a, x: {key.X}, y: {key.Y}{"}"}
                store:
                  - {SampleTokens.Json(Claims.Payload(EctDraft.Draft01, Middle, Workflow, Now - 100))}
                tokens:
                  - {token}
              expected:
                results:
                  - result: valid
            """);
        yield return Seed.Text("hand-dag", $"""
            - id: fuzz::dag
              description: 'A cycle through a dangling reference.'
              rules: [DAG-4]
              drafts: ["00", "01"]
              flags: [cycle]
              operation: dag
              input:
                options: {"{"}max_ancestors: 3{"}"}
                store:
                  - {"{"}iss: a, aud: b, iat: 1, exp: 2, jti: x, exec_act: e, pred: [y], par: [y]{"}"}
                payload: {"{"}iss: a, aud: [b], iat: 1, exp: 2, jti: y, exec_act: e, pred: [x], par: [x]{"}"}
              expected: {"{"}result: invalid, errors: [dag_cycle, dag_traversal_limit]{"}"}
            """);
        yield return Seed.Text("hand-create", $$"""
            - id: fuzz::create
              description: Create fills iat, exp and pred.
              rules: [CRT-2]
              drafts: ["01"]
              operation: create
              input:
                now: {{Now}}
                options: {default_expiry: 600}
                key: {{key.ToJson()}}
                payload:
                  iss: "spiffe://example.com/agent/a"
                  aud: "spiffe://example.com/agent/b"
                  jti: "88888888-8888-4888-8888-888888888888"
                  exec_act: |
                    review
              expected:
                result: valid
                header: {alg: ES256, typ: exec+jwt, kid: agent-a}
            """);
        yield return Seed.Text("hand-migrate", """
            - id: fuzz::migrate
              description: >
                pol moves into ect_ext.
              rules: [MIG-4]
              drafts: ["00"]
              operation: migrate
              input:
                header: {alg: ES256, typ: wimse-exec+jwt, kid: agent-a}
                payload: {iss: a, sub: a, par: [], pol: p, pol_decision: approved, ext: {k: 1.5e3}, inp_hash: "sha-384:x"}
              expected: {result: invalid, error: migration_conflict}
            """);
        yield return Seed.Text("hand-http-header", $"""
            - id: fuzz::http-header
              description: Two tokens in one field.
              rules: [HTTP-1]
              drafts: ["01"]
              features: [http-header]
              operation: http-header
              input:
                field_values: ["{token}, {token}", ""]
              expected: {"{"}result: valid, tokens: ["{token}", "{token}"]{"}"}
            """);
        yield return Seed.Text("hand-refused-features", "- &a {id: x}\n- *a\n- !!str yes\n- 012\n- {? complex : key}\n---\n- second\n");

        foreach (var (name, text) in source.YamlFiles)
        {
            yield return Seed.Text("vector-file-" + name, text);
        }

        foreach (var (name, c) in source.Cases)
        {
            yield return Seed.Text("vector-case-" + name, new JsonArray(c.DeepClone()).ToJsonString());
        }
    }
}
