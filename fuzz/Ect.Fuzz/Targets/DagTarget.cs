using System.Runtime.InteropServices;
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
        using var document = StrictJson.TryParseObject(input.ToArray(), out _);
        if (document is null)
        {
            return;
        }

        var json = document.RootElement;
        if (!TryReadSetup(json, out var draft, out var options)
            || !json.TryGetProperty("payload"u8, out var payloadElement) || ReadPayload(payloadElement, draft) is not { } task)
        {
            return;
        }

        var ledger = new MemoryLedger();
        if (json.TryGetProperty("store"u8, out var store) && store.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in store.EnumerateArray())
            {
                if (ReadPayload(element, draft) is { } stored)
                {
                    _ = ledger.TryAppend(stored);
                }
            }
        }

        var entries = ledger.Entries();
        var actual = DagValidator.Validate(task, ledger, draft, options).Error;
        var expected = DagModel.Validate(task, entries, draft, options);
        Check.That(actual is null || (actual.Code != EctErrorCode.None && actual.Message.Length > 0), () => $"error without a code or message: {actual}");
        Check.That(actual?.Code == expected
            || (actual?.Code == EctErrorCode.DagTraversalLimit && expected is null or EctErrorCode.DagCycle),
            () => $"engine says {actual?.ToString() ?? "valid"}, the model says {expected?.ToWireName() ?? "valid"} (mode {draft.ToWireName()}, {entries.Count} stored)");

        var listError = DagValidator.ValidateList(task, options).Error;
        Check.That(listError is null || listError.Code == actual?.Code, () => $"ValidateList says {listError}, Validate says {actual}");
        if (actual is null)
        {
            var appended = ledger.TryAppend(task);
            Check.That(appended is null, () => $"a task DAG validation accepted cannot be appended: {appended}");
            Check.That(ReferenceEquals(ledger.FindPredecessor(task.Jti, task.Wid), task) && ledger.Contains(task.Jti, task.Wid) && ledger.Count == entries.Count + 1,
                "an appended task is not found under its own jti and wid (LDG-1)");
        }
    }

    /// <summary>Only a plain "00" or "01" selects a draft; anything else is not a case the model covers.</summary>
    private static bool IsDraft(JsonElement d, out EctDraft draft)
    {
        draft = EctDraft.Draft01;
        if (d.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        // ValueEquals unescapes, and throws on a lone surrogate escape rather than returning false;
        // the raw text has no escapes to resolve.
        var raw = d.GetRawText();
        return raw is "\"00\"" or "\"01\"" && EctDrafts.TryParse(raw[1..^1], out draft);
    }

    private static bool TryReadSetup(JsonElement json, out EctDraft draft, out DagOptions options)
    {
        options = DagOptions.Default;
        draft = EctDraft.Draft01;
        if (json.TryGetProperty("draft"u8, out var d) && !IsDraft(d, out draft))
        {
            return false;
        }

        VerifierOptions verifierOptions;
        try
        {
            // The reference engine reads a dag case's options the same way (a verifier identity is required, unused).
            var copy = json.TryGetProperty("options"u8, out var raw) && raw.ValueKind == JsonValueKind.Object ? JsonObject.Create(raw)! : [];
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
            RejectDuplicatePredecessors = !(json.TryGetProperty("reject_duplicate_preds"u8, out var r) && r.ValueKind == JsonValueKind.False),
        };
        return true;
    }

    /// <summary>Reads a payload from its own JSON text, so that what the fuzzer wrote is what the claim reader sees.</summary>
    private static EctPayload? ReadPayload(JsonElement element, EctDraft draft) =>
        element.ValueKind == JsonValueKind.Object
            ? ClaimReader.Read(JsonMarshal.GetRawUtf8Value(element).ToArray(), draft, Lenient).Value
            : null;

    public IEnumerable<Seed> Seeds(SeedSource source) => DagSeeds.For(source);
}
