using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Reference;

/// <summary>The reference engine as an <see cref="IImplementation"/>, in-process.</summary>
public sealed class ReferenceImplementation : IImplementation
{
    public Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken) => Task.FromResult(ReferenceEngine.Info);

    public Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestCase);
        try
        {
            // Through JSON text, as a harness receives it: values built in code (an int-backed JsonValue
            // from a loader default, say) read differently from parsed ones, and the in-process and
            // subprocess paths must judge the same case the same way.
            var wire = JsonNode.Parse(JsonText.Serialize(requestCase), documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 100_000 })!.AsObject();
            return Task.FromResult(HarnessReply.FromResults(ReferenceEngine.Execute(wire)));
        }
        catch (FormatException e)
        {
            return Task.FromResult(HarnessReply.Errored(e.Message));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
