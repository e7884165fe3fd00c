using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// The reference engine with one planted diagnosis slip in process: every rejection with code
/// <c>from</c> is reported with code <c>to</c>, the verdict untouched, so the only effect is another code.
/// </summary>
internal sealed class ReferenceWithCodeSlip(string from, string to) : IImplementation
{
    private readonly ReferenceImplementation _reference = new();

    public Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken) => _reference.StartAsync(cancellationToken);

    public async Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = await _reference.RunAsync(seq, requestCase, timeout, cancellationToken);
        if (reply.Results is null)
        {
            return reply;
        }

        var results = reply.Results.DeepClone().AsArray();
        foreach (var result in results.OfType<JsonObject>())
        {
            if (JsonText.TryGetString(result["error"], out var code) && code == from)
            {
                result["error"] = to;
            }
        }

        return HarnessReply.FromResults(results);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
