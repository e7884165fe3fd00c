using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Reference;

/// <summary>The reference engine as an <see cref="IImplementation"/>, in-process.</summary>
public sealed class ReferenceImplementation : IImplementation
{
    public Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken) => Task.FromResult(ReferenceEngine.Info);

    public Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(HarnessReply.FromResults(ReferenceEngine.Execute(requestCase)));
        }
        catch (FormatException e)
        {
            return Task.FromResult(HarnessReply.Errored(e.Message));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
