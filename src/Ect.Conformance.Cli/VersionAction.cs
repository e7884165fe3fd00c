using System.CommandLine;
using System.CommandLine.Invocation;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reports;

namespace Ect.Conformance.Cli;

/// <summary><c>--version</c>: the runner's version and the built-in corpus it judges with, so a CI log says exactly what was run.</summary>
internal sealed class VersionAction(TextWriter stdout) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var corpus = BuiltInCorpus.Load();
        stdout.WriteLine($"ect-conformance {ResultsDocument.RunnerVersion}");
        stdout.WriteLine($"corpus {corpus.Version}: {corpus.Cases.Count} cases, {corpus.Runs().Count()} runs, content hash {corpus.ContentHash}");
        stdout.WriteLine($"harness protocol {ProtocolRequests.Version}");
        return ExitCodes.Success;
    }
}
