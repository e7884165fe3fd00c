using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>
/// Reads harness replies (protocol v1). Nothing a harness prints makes it throw: a reply that
/// breaks the protocol becomes an errored reply, and <see cref="RunReply.InSync"/> tells whether
/// the conversation can go on or the harness must be restarted.
/// </summary>
public static class ReplyReader
{
    private const int QuoteLimit = 200;

    private const int MessageLimit = 4 * 1024;

    /// <summary>
    /// How deep a reply may nest. An implementation may accept a token whose unknown claim nests
    /// 20,000 levels (hostile::nesting::arrays-20000 allows it) and echo that payload, so the bound
    /// sits above the corpus's deepest input; it keeps every later step (comparison, reports), which
    /// recurses, far from the stack's limit (a 90,000-deep payload overflowed it).
    /// </summary>
    public const int MaxDepth = 25_000;

    /// <summary>A parsed reply to <c>run</c>, and whether the harness is still in step with the runner.</summary>
    public readonly record struct RunReply(HarnessReply Reply, bool InSync);

    /// <summary>Reads the reply to <c>start</c>; throws <see cref="HarnessStartException"/> naming what is wrong.</summary>
    public static ImplementationInfo ParseStart(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ParseStart(Parse(line, out var parseError), parseError, () => Quote(line));
    }

    /// <summary>Reads the reply to <c>start</c> as the harness printed it (UTF-8, without the newline).</summary>
    public static ImplementationInfo ParseStartUtf8(byte[] utf8Line)
    {
        ArgumentNullException.ThrowIfNull(utf8Line);
        return Utf8.IsValid(utf8Line)
            ? ParseStart(Parse(utf8Line, out var parseError), parseError, () => Quote(utf8Line))
            : ParseStart(Encoding.UTF8.GetString(utf8Line));
    }

    private static ImplementationInfo ParseStart(JsonNode? node, string? parseError, Func<string> quote)
    {
        if (node is not JsonObject reply)
        {
            throw new HarnessStartException($"the reply to start is not a JSON object: {quote()} ({parseError ?? "another JSON value"})");
        }

        if (reply["version"] is not JsonValue v || !v.TryGetValue<long>(out var version))
        {
            throw new HarnessStartException($"the reply to start has no numeric \"version\": {quote()}");
        }

        if (version != ProtocolRequests.Version)
        {
            throw new HarnessStartException($"the harness speaks protocol version {version}; this runner speaks {ProtocolRequests.Version}");
        }

        if (reply["implementation"] is not JsonObject implementation)
        {
            throw new HarnessStartException("the reply to start has no \"implementation\" object");
        }

        try
        {
            return ImplementationInfo.FromJson(implementation);
        }
        catch (FormatException e)
        {
            throw new HarnessStartException($"the reply to start is unusable: {e.Message}", e);
        }
    }

    /// <summary>Reads the reply to <c>run</c> number <paramref name="seq"/>.</summary>
    public static RunReply ParseRun(string line, long seq, int? expectedResults)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ParseRun(Parse(line, out var parseError), parseError, () => Quote(line), seq, expectedResults);
    }

    /// <summary>
    /// Reads the reply to <c>run</c> as the harness printed it (UTF-8, without the newline), never
    /// holding it as a string: a reply of megabytes is not copied twice more to be read. A line that
    /// is not valid UTF-8 is read as before, with its bad bytes replaced.
    /// </summary>
    public static RunReply ParseRunUtf8(byte[] utf8Line, long seq, int? expectedResults)
    {
        ArgumentNullException.ThrowIfNull(utf8Line);
        return Utf8.IsValid(utf8Line)
            ? ParseRun(Parse(utf8Line, out var parseError), parseError, () => Quote(utf8Line), seq, expectedResults)
            : ParseRun(Encoding.UTF8.GetString(utf8Line), seq, expectedResults);
    }

    private static RunReply ParseRun(JsonNode? node, string? parseError, Func<string> quote, long seq, int? expectedResults)
    {
        if (node is not JsonObject reply)
        {
            return new(HarnessReply.Errored($"protocol error: the reply is not a JSON object: {quote()} ({parseError ?? "another JSON value"})"), InSync: false);
        }

        if (reply["seq"] is not JsonValue s || !s.TryGetValue<long>(out var replySeq) || replySeq != seq)
        {
            // Most likely the answer to an earlier or later request: the stream is out of step.
            var got = reply["seq"] is { } seqNode ? JsonText.Excerpt(seqNode, QuoteLimit) : "no seq";
            return new(HarnessReply.Errored($"protocol error: the reply has seq {got}, expected {seq}"), InSync: false);
        }

        if (reply.ContainsKey("results"))
        {
            if (reply["results"] is not JsonArray results)
            {
                return new(HarnessReply.Errored("protocol error: \"results\" is not an array"), InSync: true);
            }

            if (expectedResults is { } count && results.Count != count)
            {
                return new(HarnessReply.Errored($"protocol error: expected {count} result(s), the reply has {results.Count}"), InSync: true);
            }

            return new(HarnessReply.FromResults(results), InSync: true);
        }

        if (IsTrue(reply["skipped"]))
        {
            return new(HarnessReply.Skipped(Text(reply["reason"]) ?? Text(reply["message"]) ?? "skipped by the harness"), InSync: true);
        }

        if (IsTrue(reply["errored"]))
        {
            // "message" is protocol v1; "context.message" is accepted for harnesses ported from Bowtie.
            var message = Text(reply["message"]) ?? (reply["context"] is JsonObject context ? Text(context["message"]) : null) ?? "(no message)";
            return new(HarnessReply.Errored($"the harness reported an error: {message}"), InSync: true);
        }

        return new(HarnessReply.Errored($"protocol error: the reply has none of results, skipped: true, errored: true: {quote()}"), InSync: true);
    }

    /// <summary>A line as it can be shown in a message: at most a couple of hundred characters.</summary>
    public static string Quote(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= QuoteLimit ? $"\"{line}\"" : $"\"{line[..QuoteLimit]}\" (... {line.Length} characters)";
    }

    /// <summary>A printed line as it can be shown in a message: only its start is decoded.</summary>
    private static string Quote(byte[] utf8Line)
    {
        // UTF-8 takes at most four bytes a character: this many always hold the quoted start.
        const int startBytes = 4 * QuoteLimit;
        return utf8Line.Length <= startBytes
            ? Quote(Encoding.UTF8.GetString(utf8Line))
            : $"\"{TextLimit.Start(Encoding.UTF8.GetString(utf8Line, 0, startBytes), QuoteLimit)}\" (... {utf8Line.Length} bytes)";
    }

    private static JsonNode? Parse(byte[] utf8Line, out string? error) => Guarded(() => JsonTreeReader.Parse(utf8Line, MaxDepth), out error);

    private static JsonNode? Parse(string line, out string? error) => Guarded(() => JsonTreeReader.Parse(line, MaxDepth), out error);

    /// <summary>
    /// One reading of a reply line, from its bytes or its text: linear however deep it nests (JsonNode.Parse is not),
    /// and duplicate member names refused, since they make a reply ambiguous (which "result" counts?).
    /// </summary>
    private static JsonNode? Guarded(Func<JsonNode?> read, out string? error)
    {
        error = null;
        try
        {
            return read();
        }
        catch (JsonException e)
        {
            error = $"invalid JSON: {e.Message}";
        }
        catch (InvalidOperationException)
        {
            // The duplicate-name check unescapes every member name, and throws on a lone surrogate escape.
            error = "invalid JSON: a member name holds a lone surrogate escape";
        }
        catch (ArgumentException)
        {
            // Only a caller's string can get here (lines decoded from bytes never hold a lone surrogate).
            error = "the line is not valid UTF-16";
        }

        return null;
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    // A message or reason is shown in every report: kept to a few thousand characters, however long it came.
    private static string? Text(JsonNode? node) => JsonText.TryGetString(node, out var s) ? TextLimit.Shorten(s, MessageLimit) : null;
}
