using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Cli;

/// <summary>
/// The reference engine served over protocol v1 (the <c>harness</c> command), so the subprocess path
/// can be tested end to end against a known-good implementation, and as a second example harness.
/// Every request but <c>stop</c> gets exactly one reply; nothing a request holds stops the loop.
/// </summary>
public static class HarnessServer
{
    // The runner's own reply reader sets the bounds: a request nests at most as deep as a reply may
    // (a case carries the corpus's 20,000-deep payload, a 90,000-deep one overflowed the stack), and
    // duplicate member names make a request as ambiguous as a reply (which "cmd" counts?).
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = ReplyReader.MaxDepth, AllowDuplicateProperties = false };

    public static int Serve(TextReader input, TextWriter output, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        while (input.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            // A line that is JSON but not an object is a request without a cmd (indexing an array by name would throw).
            var request = Parse(line, out var parseError) as JsonObject;
            if (parseError is not null)
            {
                Reply(output, new JsonObject { ["seq"] = null, ["errored"] = true, ["message"] = $"unreadable request: {parseError}" });
                continue;
            }

            // A lone surrogate escape in cmd has no string value; it is an unknown command, named by its escape.
            var cmd = JsonText.TryGetString(request?["cmd"], out var name) ? name : null;
            switch (cmd)
            {
                case "stop":
                    return 0;
                case "start":
                    Reply(output, new JsonObject { ["version"] = ProtocolRequests.Version, ["implementation"] = Declaration() });
                    break;
                case "run":
                    Reply(output, Run(request!, log));
                    break;
                default:
                    Reply(output, new JsonObject { ["seq"] = Seq(request), ["errored"] = true, ["message"] = $"unknown cmd {cmd ?? "(none)"}" });
                    break;
            }
        }

        // End of input is the same as stop.
        return 0;
    }

    private static JsonNode? Parse(string line, out string? error)
    {
        error = null;
        try
        {
            return JsonNode.Parse(line, documentOptions: ReadOptions);
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

        return null;
    }

    /// <summary>
    /// A fresh copy of the request's <c>seq</c> for each reply (a node has one parent). Protocol v1's
    /// seq is a number, so only a scalar is echoed: copying a deeply nested one would only risk the stack.
    /// </summary>
    private static JsonNode? Seq(JsonObject? request) => request?["seq"] is JsonValue seq ? seq.DeepClone() : null;

    private static JsonObject Run(JsonObject request, TextWriter log)
    {
        if (request["case"] is not JsonObject requestCase)
        {
            return new JsonObject { ["seq"] = Seq(request), ["errored"] = true, ["message"] = "run without a case object" };
        }

        try
        {
            var results = ReferenceEngine.Execute(requestCase);
            return new JsonObject { ["seq"] = Seq(request), ["results"] = results };
        }
        catch (Exception e)
        {
            // A broken case or an engine bug is this case's error, reported on stderr in full.
            log.WriteLine($"[ect-conformance harness] case {JsonText.Serialize(requestCase["id"])} errored: {e}");
            log.Flush();
            return new JsonObject { ["seq"] = Seq(request), ["errored"] = true, ["message"] = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    private static JsonObject Declaration()
    {
        var json = ReferenceEngine.Info.ToJson();
        foreach (var (member, value) in json.ToList())
        {
            if (value is null)
            {
                json.Remove(member);
            }
        }

        return json;
    }

    private static void Reply(TextWriter output, JsonObject reply)
    {
        string text;
        try
        {
            text = JsonText.Serialize(reply);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // E.g. a payload nested deeper than the writer allows: still one reply for the request.
            text = new JsonObject { ["seq"] = Seq(reply), ["errored"] = true, ["message"] = $"reply not serializable: {e.Message}" }.ToJsonString();
        }

        output.Write(text);
        output.Write('\n');
        // The runner waits for each line before it sends the next request.
        output.Flush();
    }
}
