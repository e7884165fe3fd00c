using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Subprocess;
using Ect.Fuzz.Fixtures;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;

namespace Ect.Fuzz.Targets;

/// <summary>
/// The runner's reader of harness replies (harness protocol section 3: "a malformed line … is
/// errored for that case, never a crash of the runner"). The input is one line a harness printed.
/// Asserts: <see cref="ReplyReader.ParseRun"/> never throws and its reply is coherent (out of step
/// means errored, results mean a results array of the expected length), <see cref="ReplyReader.ParseStart"/>
/// fails only with <see cref="HarnessStartException"/>, and <see cref="Judge.Evaluate"/> judges the
/// reply against a case of every operation without an exception.
/// </summary>
public sealed class ReplyTarget : IFuzzTarget
{
    private static readonly VectorCase[] Cases = BuildCases();

    public string Name => "reply";

    public string Description => "ReplyReader.ParseRun/ParseStart on one harness line, then Judge.Evaluate against a case of every operation";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.Conformance.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["reply.dict", "json.dict", "ect.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        // The runner reads the harness's output line by line: a line never holds a newline.
        var text = Encoding.UTF8.GetString(input);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var line = newline < 0 ? text : text[..newline];

        _ = ReplyReader.Quote(line);
        try
        {
            var info = ReplyReader.ParseStart(line);
            Check.That(info is not null, "ParseStart returned null");
        }
        catch (HarnessStartException)
        {
            // The documented refusal of a bad start reply.
        }

        // The runner reads the printed bytes themselves: that form must hold to the same promises.
        var end = input.IndexOf((byte)'\n');
        var bytes = (end < 0 ? input : input[..end]).ToArray();
        CheckCoherent(ReplyReader.ParseRunUtf8(bytes, seq: 1, expectedResults: null), expectedResults: null);
        try
        {
            _ = ReplyReader.ParseStartUtf8(bytes);
        }
        catch (HarnessStartException)
        {
            // The documented refusal of a bad start reply.
        }

        var any = ReplyReader.ParseRun(line, seq: 1, expectedResults: null);
        CheckCoherent(any, expectedResults: null);
        var one = ReplyReader.ParseRun(line, seq: 1, expectedResults: 1);
        CheckCoherent(one, expectedResults: 1);
        foreach (var vectorCase in Cases)
        {
            var judgement = Judge.Evaluate(vectorCase, vectorCase.Operation == CaseOperation.Verify ? any.Reply : one.Reply);
            Check.That(judgement is not null, "Judge.Evaluate returned null");
        }
    }

    private static void CheckCoherent(ReplyReader.RunReply run, int? expectedResults)
    {
        var reply = run.Reply;
        Check.That(run.InSync || reply.Kind == ReplyKind.Errored, () => $"out of step but {reply.Kind}");
        Check.That(reply.Kind is ReplyKind.Results or ReplyKind.Skipped or ReplyKind.Errored, () => $"a line read as {reply.Kind}");
        Check.That((reply.Kind == ReplyKind.Results) == (reply.Results is not null), () => $"{reply.Kind} with results {reply.Results?.Count}");
        Check.That(reply.Kind == ReplyKind.Results || !string.IsNullOrEmpty(reply.Message), () => $"{reply.Kind} without a message");
        Check.That(expectedResults is null || reply.Results is null || reply.Results.Count == expectedResults, () => $"{reply.Results!.Count} results, {expectedResults} expected");
    }

    private static VectorCase[] BuildCases()
    {
        var token = SampleTokens.Tokens().First(t => t.Name == "valid-01-child").Token;
        var payload = Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888801", Scenario.Workflow, Scenario.Now - 10, Scenario.Middle);
        return
        [
            Case("verify", new JsonObject { ["tokens"] = new JsonArray(token) },
                new JsonObject { ["results"] = new JsonArray(new JsonObject { ["result"] = "valid", ["payload"] = payload }) }),
            Case("dag", new JsonObject { ["payload"] = payload.DeepClone() },
                new JsonObject { ["result"] = "invalid", ["errors"] = new JsonArray("dag_pred_not_found", "dag_cycle") }),
            Case("create", new JsonObject { ["key"] = FuzzKeys.AgentA.ToJsonObject(), ["payload"] = payload.DeepClone() },
                new JsonObject { ["result"] = "valid", ["header"] = Claims.Header(EctDraft.Draft01), ["payload"] = payload.DeepClone() }),
            Case("migrate", new JsonObject { ["header"] = Claims.Header(EctDraft.Draft00), ["payload"] = payload.DeepClone() },
                new JsonObject { ["result"] = "acceptable", ["header"] = Claims.Header(EctDraft.Draft01), ["payload"] = payload.DeepClone() }),
            Case("http-header", new JsonObject { ["field_values"] = new JsonArray(token) },
                new JsonObject { ["result"] = "valid", ["tokens"] = new JsonArray(token) }),
        ];
    }

    private static VectorCase Case(string operation, JsonObject input, JsonObject expected) => new()
    {
        Id = $"fuzz::{operation}",
        Description = "reply target",
        Rules = [],
        Drafts = ["01"],
        Operation = operation,
        Input = input,
        Expected = ExpectedResult.ListFromJson(expected, CaseOperation.HasOneResultPerToken(operation), "expected"),
    };

    public IEnumerable<Seed> Seeds(SeedSource source) => ReplySeeds.For(source);
}
