using System.Text.Json.Nodes;

using Ect.Conformance.Protocol;

namespace Ect.Conformance.Subprocess;

/// <summary>
/// An implementation reached through its harness program over protocol v1: JSON lines on the
/// harness's stdin and stdout, stderr kept for the report. Whatever the harness does (crash, hang,
/// close its output, answer out of turn, print garbage) is reported for the case at hand, never
/// thrown; the harness is then killed with its children and started again for the next case.
/// </summary>
public sealed class SubprocessImplementation : IImplementation, IHarnessDiagnostics
{
    private static readonly TimeSpan StderrGrace = TimeSpan.FromMilliseconds(300);

    private readonly string _commandLine;
    private readonly SubprocessOptions _options;
    private readonly BoundedText _sessionLog;
    private readonly BoundedText _caseLog;
    private HarnessProcess? _process;
    private ImplementationInfo? _info;
    private int _failedRestarts;

    public SubprocessImplementation(string commandLine, SubprocessOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandLine);
        _commandLine = commandLine;
        _options = options ?? new SubprocessOptions();
        _sessionLog = new BoundedText(_options.SessionLogLimit);
        _caseLog = new BoundedText(_options.CaseLogLimit);
    }

    public string CommandLine => _commandLine;

    public int Restarts { get; private set; }

    public string SessionLog => _sessionLog.ToString();

    public string? TakeCaseLog() => _caseLog.Take();

    /// <summary>What reading standard output cost over every harness process this session started and ended.</summary>
    internal HarnessStatistics Statistics { get; private set; }

    /// <summary>Starts the harness and returns its declaration; throws <see cref="HarnessStartException"/> when it gives none.</summary>
    public async Task<ImplementationInfo> StartAsync(CancellationToken cancellationToken)
    {
        _info = await LaunchAsync(cancellationToken).ConfigureAwait(false);
        return _info;
    }

    public async Task<HarnessReply> RunAsync(long seq, JsonObject requestCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestCase);
        if (_process is null || _process.HasExited)
        {
            var restartProblem = await RestartAsync(cancellationToken).ConfigureAwait(false);
            if (restartProblem is not null)
            {
                return HarnessReply.Crashed(restartProblem);
            }
        }

        var process = _process!;
        var started = DateTime.UtcNow;
        var (written, writeTimedOut) = await process.WriteLineAsync(JsonText.Serialize(ProtocolRequests.Run(seq, requestCase)), timeout).ConfigureAwait(false);
        if (!written)
        {
            if (writeTimedOut)
            {
                return await AbandonAsync(HarnessReply.Timeout($"the harness did not read the request within {timeout.TotalSeconds:0.###} s")).ConfigureAwait(false);
            }

            var closed = await process.ReadLineAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            var why = closed.Kind == HarnessLineKind.Closed ? closed.Detail : "the harness closed its standard input";
            return await AbandonAsync(HarnessReply.Crashed($"{why} before it read the request")).ConfigureAwait(false);
        }

        var remaining = timeout - (DateTime.UtcNow - started);
        var line = await process.ReadLineAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, timeout, cancellationToken).ConfigureAwait(false);
        switch (line.Kind)
        {
            case HarnessLineKind.TimedOut:
                return await AbandonAsync(HarnessReply.Timeout(line.Detail)).ConfigureAwait(false);
            case HarnessLineKind.Closed:
                return await AbandonAsync(HarnessReply.Crashed(line.Detail)).ConfigureAwait(false);
        }

        var parsed = ReplyReader.ParseRunUtf8(line.Utf8!, seq, ProtocolRequests.ExpectedResultCount(requestCase));
        if (!parsed.InSync)
        {
            return await AbandonAsync(parsed.Reply).ConfigureAwait(false);
        }

        return _options.StrictProtocol && ProtocolSchemas.Problems(ProtocolSchemas.RunReply, line.Utf8) is { Count: > 0 } problems
            ? HarnessReply.Errored(ProtocolSchemas.Describe(ProtocolSchemas.RunReply, problems))
            : parsed.Reply;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.StopAsync(JsonText.Serialize(ProtocolRequests.Stop()), TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            Retire(process);
        }
    }

    /// <summary>Kills a harness that can no longer be trusted to answer in step; the next case starts a fresh one.</summary>
    private async Task<HarnessReply> AbandonAsync(HarnessReply reply)
    {
        if (_process is { } process)
        {
            _process = null;
            process.Kill();
            await process.DrainStderrAsync(StderrGrace).ConfigureAwait(false);
            Retire(process);
        }

        return reply;
    }

    private async Task<string?> RestartAsync(CancellationToken cancellationToken)
    {
        if (_failedRestarts >= _options.MaxFailedRestarts)
        {
            return $"the harness could not be restarted ({_failedRestarts} attempts failed); not trying again";
        }

        Restarts++;
        try
        {
            var info = await LaunchAsync(cancellationToken).ConfigureAwait(false);
            _failedRestarts = 0;
            if (_info is not null && info != _info && !SameDeclaration(info, _info))
            {
                Log($"[ect-conformance] the restarted harness declared something else than before; keeping the first declaration\n");
            }

            return null;
        }
        catch (HarnessStartException e)
        {
            _failedRestarts++;
            return $"the harness was restarted but failed: {e.Message}";
        }
    }

    private async Task<ImplementationInfo> LaunchAsync(CancellationToken cancellationToken)
    {
        var process = HarnessProcess.Start(_commandLine, _options.WorkingDirectory, Log, _options.MaxLineBytes);
        try
        {
            var (written, _) = await process.WriteLineAsync(JsonText.Serialize(ProtocolRequests.Start()), _options.StartTimeout).ConfigureAwait(false);
            // A harness that exits at once breaks the pipe before it can be read from; its exit code is the news.
            var line = await process.ReadLineAsync(written ? _options.StartTimeout : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            // Timed out or closed: either way the detail says which.
            var info = line.Kind == HarnessLineKind.Line
                ? ReplyReader.ParseStartUtf8(line.Utf8!)
                : throw new HarnessStartException($"no reply to start: {line.Detail}");
            if (_options.StrictProtocol && ProtocolSchemas.Problems(ProtocolSchemas.StartReply, line.Utf8) is { Count: > 0 } problems)
            {
                throw new HarnessStartException(ProtocolSchemas.Describe(ProtocolSchemas.StartReply, problems));
            }

            _process = process;
            return info;
        }
        catch (HarnessStartException e)
        {
            process.Kill();
            await process.DrainStderrAsync(StderrGrace).ConfigureAwait(false);
            Retire(process);
            var stderr = _caseLog.Take();
            if (stderr is not null)
            {
                // The harness's own words are usually the explanation (a missing module, a syntax error).
                throw new HarnessStartException($"{e.Message}\nharness stderr:\n{stderr.TrimEnd()}", e);
            }

            throw;
        }
    }

    private void Retire(HarnessProcess process)
    {
        Statistics += process.Statistics;
        process.Dispose();
    }

    private void Log(string text)
    {
        _sessionLog.Append(text);
        _caseLog.Append(text);
    }

    private static bool SameDeclaration(ImplementationInfo a, ImplementationInfo b) =>
        a.Name == b.Name && a.Version == b.Version && a.Drafts.SequenceEqual(b.Drafts)
        && a.Operations.SequenceEqual(b.Operations) && a.Features.SequenceEqual(b.Features);
}
