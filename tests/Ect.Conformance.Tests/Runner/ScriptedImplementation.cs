using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Tests.Runner;

/// <summary>An in-process implementation whose replies the test decides, recording every request it gets.</summary>
internal sealed class ScriptedImplementation(ImplementationInfo info, Func<JsonObject, HarnessReply> answer) : IImplementation
{
    public List<(long Seq, JsonObject Case)> Requests { get; } = [];

    public static ImplementationInfo Declaring(string[]? drafts = null, string[]? operations = null, string[]? features = null) => new()
    {
        Name = "scripted",
        Language = "csharp",
        Version = "0.0.1",
        Drafts = drafts ?? ["00", "01"],
        Operations = operations ?? Ect.Conformance.Cases.CaseOperation.All,
        Features = features ?? [],
    };

    public Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken) => Task.FromResult(info);

    public Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Requests.Add((seq, requestCase.DeepClone().AsObject()));
        return Task.FromResult(answer(requestCase));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
