using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>The reference, counting the cases it is sent.</summary>
internal sealed class CountingReference : IImplementation
{
    private readonly ReferenceImplementation _reference = new();
    private long _asked;

    public long Asked => Interlocked.Read(ref _asked);

    public Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken) => _reference.StartAsync(cancellationToken);

    public Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asked);
        return _reference.RunAsync(seq, requestCase, timeout, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
