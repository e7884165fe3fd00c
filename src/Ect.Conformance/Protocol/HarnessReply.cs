using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>An implementation's answer to one case, before judging.</summary>
public sealed record HarnessReply(ReplyKind Kind, JsonArray? Results, string? Message)
{
    public static HarnessReply FromResults(JsonArray results) => new(ReplyKind.Results, results, null);

    public static HarnessReply Skipped(string? reason) => new(ReplyKind.Skipped, null, reason);

    public static HarnessReply Errored(string message) => new(ReplyKind.Errored, null, message);

    public static HarnessReply Timeout(string message) => new(ReplyKind.Timeout, null, message);

    public static HarnessReply Crashed(string message) => new(ReplyKind.Crashed, null, message);
}
