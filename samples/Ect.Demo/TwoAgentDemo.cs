using System.Text.Json.Nodes;
using Ect.Configuration;
using Ect.Creation;
using Ect.Keys;
using Ect.Ledger;
using Ect.Verification;

namespace Ect.Demo;

/// <summary>
/// The authors' two-agent workflow, in C#: agent A creates a task token, agent B verifies it
/// against its ledger and appends it, A then creates a task that depends on the first, and a
/// replay of the first token is refused. Returns the lines it prints, so a test can check them.
/// </summary>
public static class TwoAgentDemo
{
    public static IReadOnlyList<string> Run(TimeProvider clock)
    {
        var log = new List<string>();
        var config = EctConfiguration.FromEnvironment();

        // Agent A's key; agent B knows only its public half, by kid.
        var agentAKey = JsonWebKey.GenerateP256("agent-a-key");
        using var agentBKeys = new KeySet([agentAKey.ToPublic()]);

        var ledger = new MemoryLedger();
        var verifier = new EctVerifier(EctDraft.Draft01, config.ToVerifierOptions("spiffe://example.com/agent/b"),
            agentBKeys, ledger, config.CreateReplayCache(), clock);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();

        // 1. Agent A records a root task.
        var review = new JsonObject
        {
            ["iss"] = "spiffe://example.com/agent/a",
            ["aud"] = new JsonArray("spiffe://example.com/agent/b"),
            ["jti"] = "550e8400-e29b-41d4-a716-446655440000",
            ["wid"] = "a0b1c2d3-e4f5-4789-abcd-ef0123456789",
            ["exec_act"] = "review_spec",
            ["ect_ext"] = new JsonObject { ["pol"] = "policy_v1", ["pol_decision"] = "approved" },
        };
        var created = EctCreator.Create(review, agentAKey, EctDraft.Draft01, config.ToCreateOptions(), now);
        var first = created.Token ?? throw new InvalidOperationException(created.Error!.ToString());
        log.Add($"agent A created {review["exec_act"]}: {first[..40]}...");

        // 2. Agent B verifies it; the verifier appends accepted tokens to the ledger.
        var result = verifier.Verify(first);
        log.Add(result.IsValid ? $"agent B accepted {result.Payload.ExecAct} (ledger: {ledger.Count})" : $"agent B refused: {result.Error}");

        // 3. A dependent task names the first one as its predecessor.
        var implement = new JsonObject
        {
            ["iss"] = "spiffe://example.com/agent/a",
            ["aud"] = "spiffe://example.com/agent/b",
            ["jti"] = "6ba7b810-9dad-41d1-80b4-00c04fd430c8",
            ["wid"] = "a0b1c2d3-e4f5-4789-abcd-ef0123456789",
            ["exec_act"] = "implement_module",
            ["pred"] = new JsonArray("550e8400-e29b-41d4-a716-446655440000"),
        };
        var second = EctCreator.Create(implement, agentAKey, EctDraft.Draft01, config.ToCreateOptions(), now).Token!;
        result = verifier.Verify(second);
        log.Add(result.IsValid
            ? $"agent B accepted {result.Payload.ExecAct} after {string.Join(", ", result.Payload.Predecessors)} (ledger: {ledger.Count})"
            : $"agent B refused: {result.Error}");

        // 4. The first token again: a replay.
        result = verifier.Verify(first);
        log.Add(result.IsValid ? "agent B accepted the replay (wrong!)" : $"agent B refused the replay: {result.Error}");
        return log;
    }
}
