using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Configuration;
using Ect.Dag;
using Ect.Errors;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;
using Ect.Ledger;
using Ect.Model;
using Ect.Parsing;
using Ect.Verification;

namespace Ect.Fuzz.Targets;

/// <summary>
/// DAG validation on a fuzzed store and task. The input is the <c>input</c> object of a
/// <c>dag</c> vector: <c>{"draft", "options", "store": [payload…], "payload"}</c>, payloads read
/// leniently as the reference engine reads them. The store goes into a <see cref="MemoryLedger"/>
/// (refused appends are skipped, so dangling references and cross-workflow tangles stay). Asserts
/// that the engine's code equals <see cref="DagModel"/>'s (DAG-5 aside), that the store-free part
/// agrees, and that an accepted task can be appended and found (DAG-1, LDG-1).
/// </summary>
public sealed class DagTarget : IFuzzTarget
{
    private static readonly ClaimRules Lenient = new(ValidateUuids: false, ExtMaxBytes: int.MaxValue, ExtMaxDepth: int.MaxValue);

    public string Name => "dag";

    public string Description => "DagValidator.Validate on fuzzed store/payload JSON; differential against a plain model of profile section 7";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["ect.dict", "json.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        if (StrictJson.TryParseObject(input.ToArray(), out _) is not { } document)
        {
            return;
        }

        document.Dispose();
        var json = (JsonObject)JsonNode.Parse(input, documentOptions: StrictJson.DocumentOptions)!;
        if (!TryReadSetup(json, out var draft, out var options) || ReadPayload(json["payload"], draft) is not { } task)
        {
            return;
        }

        var ledger = new MemoryLedger();
        if (json["store"] is JsonArray store)
        {
            foreach (var node in store)
            {
                if (ReadPayload(node, draft) is { } stored)
                {
                    _ = ledger.TryAppend(stored);
                }
            }
        }

        var entries = ledger.Entries();
        var actual = DagValidator.Validate(task, ledger, draft, options);
        var expected = DagModel.Validate(task, entries, draft, options);
        Check.That(actual is null || (actual.Code != EctErrorCode.None && actual.Message.Length > 0), () => $"error without a code or message: {actual}");
        Check.That(actual?.Code == expected
            || (actual?.Code == EctErrorCode.DagTraversalLimit && expected is null or EctErrorCode.DagCycle),
            () => $"engine says {actual?.ToString() ?? "valid"}, the model says {expected?.ToWireName() ?? "valid"} (mode {draft.ToWireName()}, {entries.Count} stored)");

        var listError = DagValidator.ValidateList(task, options);
        Check.That(listError is null || listError.Code == actual?.Code, () => $"ValidateList says {listError}, Validate says {actual}");
        if (actual is null)
        {
            var appended = ledger.TryAppend(task);
            Check.That(appended is null, () => $"a task DAG validation accepted cannot be appended: {appended}");
            Check.That(ReferenceEquals(ledger.FindPredecessor(task.Jti, task.Wid), task) && ledger.Contains(task.Jti, task.Wid) && ledger.Count == entries.Count + 1,
                "an appended task is not found under its own jti and wid (LDG-1)");
        }
    }

    private static bool TryReadSetup(JsonObject json, out EctDraft draft, out DagOptions options)
    {
        options = DagOptions.Default;
        draft = EctDraft.Draft01;
        if (json["draft"] is { } d && !(d is JsonValue v && v.TryGetValue<string>(out var name) && EctDrafts.TryParse(name, out draft)))
        {
            return false;
        }

        VerifierOptions verifierOptions;
        try
        {
            // The reference engine reads a dag case's options the same way (a verifier identity is required, unused).
            var raw = json["options"] as JsonObject ?? [];
            var copy = raw.DeepClone().AsObject();
            copy.TryAdd("verifier_id", "dag");
            verifierOptions = OptionsJson.ReadVerifierOptions(copy);
        }
        catch (FormatException)
        {
            return false;
        }

        options = new DagOptions
        {
            MaxPredLength = verifierOptions.MaxPredLength,
            ClockSkewSeconds = verifierOptions.DagClockSkewSeconds,
            MaxAncestors = verifierOptions.MaxAncestors,
            RejectDuplicatePredecessors = json["reject_duplicate_preds"] is not JsonValue r || !r.TryGetValue<bool>(out var reject) || reject,
        };
        return true;
    }

    private static EctPayload? ReadPayload(JsonNode? node, EctDraft draft)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        return ClaimReader.Read(JsonBytes.Serialize(obj), draft, Lenient, out _);
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => DagSeeds.For(source);
}
