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
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 100_000 };

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

            JsonObject? request;
            try
            {
                request = JsonNode.Parse(line, documentOptions: ReadOptions) as JsonObject;
            }
            catch (JsonException e)
            {
                Reply(output, new JsonObject { ["seq"] = null, ["errored"] = true, ["message"] = $"unreadable request: {e.Message}" });
                continue;
            }

            var cmd = request?["cmd"] is JsonValue c && c.TryGetValue<string>(out var name) ? name : null;
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
                    Reply(output, new JsonObject { ["seq"] = request?["seq"]?.DeepClone(), ["errored"] = true, ["message"] = $"unknown cmd {cmd ?? "(none)"}" });
                    break;
            }
        }

        // End of input is the same as stop.
        return 0;
    }

    private static JsonObject Run(JsonObject request, TextWriter log)
    {
        var seq = request["seq"]?.DeepClone();
        if (request["case"] is not JsonObject requestCase)
        {
            return new JsonObject { ["seq"] = seq, ["errored"] = true, ["message"] = "run without a case object" };
        }

        try
        {
            return new JsonObject { ["seq"] = seq, ["results"] = ReferenceEngine.Execute(requestCase) };
        }
        catch (Exception e)
        {
            // A broken case or an engine bug is this case's error, reported on stderr in full.
            log.WriteLine($"[ect-conformance harness] case {requestCase["id"]?.ToJsonString()} errored: {e}");
            log.Flush();
            return new JsonObject { ["seq"] = seq, ["errored"] = true, ["message"] = $"{e.GetType().Name}: {e.Message}" };
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
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // E.g. a payload nested deeper than the writer allows: still one reply for the request.
            text = new JsonObject { ["seq"] = reply["seq"]?.DeepClone(), ["errored"] = true, ["message"] = $"reply not serializable: {e.Message}" }.ToJsonString();
        }

        output.Write(text);
        output.Write('\n');
        // The runner waits for each line before it sends the next request.
        output.Flush();
    }
}
