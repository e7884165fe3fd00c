using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>
/// An ECT implementation under test, however it is reached: in-process for .NET, or a harness
/// subprocess speaking protocol v1. Implementations never throw for what the other side does;
/// misbehaviour comes back as an errored, timed-out or crashed <see cref="HarnessReply"/>.
/// </summary>
public interface IImplementation : IAsyncDisposable
{
    /// <summary>Starts the implementation and returns what it declared in reply to <c>start</c>.</summary>
    Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken);

    /// <summary>Runs one case (already stripped of expected results) and returns the raw reply.</summary>
    Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken);
}
