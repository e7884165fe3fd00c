using System.Text;
using System.Text.Json;
using Ect.Conformance.Cli;
using Ect.Conformance.Protocol;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;

namespace Ect.Fuzz.Targets;

/// <summary>
/// The reference harness's request loop (<c>ect-conformance harness</c>, issue 12). The input is
/// request lines. Asserts: every line but <c>stop</c> gets exactly one reply, each reply is a JSON
/// object the runner's <see cref="ReplyReader"/> reads, a <c>run</c> with a numeric <c>seq</c> is
/// answered in step, and <c>stop</c> ends the loop without a reply.
/// </summary>
public sealed class HarnessServerTarget : IFuzzTarget
{
    // Each line runs on its own; a handful is enough to reach every branch and keeps an input fast.
    private const int MaxLines = 8;

    private static readonly JsonDocumentOptions RequestOptions = new() { MaxDepth = ReplyReader.MaxDepth, AllowDuplicateProperties = false };

    public string Name => "harness-server";

    public string Description => "HarnessServer.Serve on request lines: one reply per line but stop, readable by the runner, in step for run";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["ect-conformance.dll", "Ect.Conformance.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["harness.dict", "reply.dict", "json.dict", "ect.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        using var lines = new StringReader(Encoding.UTF8.GetString(input));
        for (var i = 0; i < MaxLines && lines.ReadLine() is { } line; i++)
        {
            RunLine(line);
        }
    }

    private static void RunLine(string line)
    {
        using var output = new StringWriter();
        var code = HarnessServer.Serve(new StringReader(line), output, TextWriter.Null);
        Check.That(code == 0, () => $"Serve returned {code}");
        var replies = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (cmd, seq) = Request(line);
        if (line.Trim().Length == 0 || cmd == "stop")
        {
            Check.That(replies.Length == 0, () => $"{replies.Length} replies to a blank line or stop");
            return;
        }

        Check.That(replies.Length == 1, () => $"{replies.Length} replies to one request {Check.Show(line)}");
        var reply = replies[0];
        if (cmd == "start")
        {
            var info = ReplyReader.ParseStart(reply);
            Check.That(info.Name.Length > 0, "start reply without a name");
            return;
        }

        // Any other line is answered like a run: a reply the runner reads, in step when the seq was a number.
        var run = ReplyReader.ParseRun(reply, seq ?? 0, expectedResults: null);
        Check.That(seq is null || run.InSync, () => $"a run with seq {seq} answered out of step: {run.Reply.Message}");
        Check.That(cmd == "run" || run.Reply.Kind == ReplyKind.Errored, () => $"cmd {Check.Show(cmd)} answered with {run.Reply.Kind}");
    }

    /// <summary>The request's cmd and integer seq as the protocol defines them, or nulls for a line that is no such request.</summary>
    private static (string? Cmd, long? Seq) Request(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line, RequestOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = document.RootElement;
            var cmd = root.TryGetProperty("cmd", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var seq = root.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : (long?)null;
            return (cmd, seq);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, too deep, a duplicate name, or a lone surrogate escape where a string is needed.
            return (null, null);
        }
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => HarnessSeeds.For(source);
}
