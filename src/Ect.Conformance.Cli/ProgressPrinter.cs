using System.Diagnostics;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Cli;

/// <summary>
/// Live progress: on a terminal one counter line rewritten in place; in a log (CI, a pipe) a plain
/// line every few seconds, so logs stay short and still show that the run is alive.
/// </summary>
internal sealed class ProgressPrinter(TextWriter output, bool interactive)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private int _passed;
    private int _notPassed;
    private int _lastWidth;

    public void Report(RunProgress progress)
    {
        if (progress.Last.Outcome == Outcome.Pass)
        {
            _passed++;
        }
        else if (progress.Last.Declared)
        {
            _notPassed++;
        }

        var done = progress.Done == progress.Total;
        if (interactive)
        {
            var line = $"[{progress.Done}/{progress.Total}] {_passed} passed, {_notPassed} not passed  {progress.Last.Run.Key}";
            line = line.Length > 110 ? line[..110] : line;
            output.Write("\r" + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
            if (done)
            {
                output.Write("\r" + new string(' ', _lastWidth) + "\r");
            }

            output.Flush();
        }
        else if (_sinceLast.Elapsed >= PlainInterval || done)
        {
            output.WriteLine($"progress: {progress.Done}/{progress.Total} runs, {_passed} passed, {_notPassed} not passed");
            _sinceLast.Restart();
        }
    }

    /// <summary>Clears a half-drawn counter line (fail-fast, start failure) before other output.</summary>
    public void Finish()
    {
        if (interactive && _lastWidth > 0)
        {
            output.Write("\r" + new string(' ', _lastWidth) + "\r");
            output.Flush();
            _lastWidth = 0;
        }
    }
}
