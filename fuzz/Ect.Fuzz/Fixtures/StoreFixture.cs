using System.Text.Json.Nodes;
using Ect.Ledger;
using Ect.Model;
using Ect.Parsing;
using Ect.Verification;
using static Ect.Fuzz.Fixtures.Scenario;

namespace Ect.Fuzz.Fixtures;

/// <summary>
/// The store every verification starts from: two roots and a task that joins them in one
/// workflow, a root of another workflow, a task without a workflow, and a task whose predecessor
/// was never stored (so that a token can close a cycle). Read once per draft; every run gets a
/// fresh ledger, so one input cannot change what the next one sees.
/// </summary>
public static class StoreFixture
{
    private static readonly EctPayload[] Draft00 = Read(EctDraft.Draft00);
    private static readonly EctPayload[] Draft01 = Read(EctDraft.Draft01);

    public static IReadOnlyList<JsonObject> Json(EctDraft draft) =>
    [
        Claims.Payload(draft, Root1, Workflow, Now - 300),
        Claims.Payload(draft, Root2, Workflow, Now - 200),
        Claims.Payload(draft, Middle, Workflow, Now - 100, Root1, Root2),
        Claims.Payload(draft, OtherRoot, OtherWorkflow, Now - 100),
        Claims.Payload(draft, NoWorkflow, null, Now - 50),
        Claims.Payload(draft, Dangling, Workflow, Now - 50, Missing),
    ];

    public static MemoryLedger Ledger(EctDraft draft)
    {
        var ledger = new MemoryLedger();
        foreach (var payload in draft == EctDraft.Draft00 ? Draft00 : Draft01)
        {
            _ = ledger.TryAppend(payload);
        }

        return ledger;
    }

    private static EctPayload[] Read(EctDraft draft) =>
        Json(draft).Select(json => ClaimReader.Read(TokenJson.Serialize(json), draft, ClaimRules.Default))
            .Select(read => read.Succeeded ? read.Value : throw new InvalidOperationException($"store fixture is invalid: {read.Error}")).ToArray();
}
