using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

using Ect.Conformance.Protocol;

namespace Ect.Conformance.Subprocess;

/// <summary>
/// One running harness process: a shell command line with its three pipes. Standard output is
/// split into lines by a pump of its own, so that a harness that prints half a line and stops can
/// be timed out (a blocking line read could not), and the half line can be shown in the report.
/// </summary>
internal sealed class HarnessProcess : IDisposable
{
    private const int ReadSize = 64 * 1024;

    // A timeout or crash report quotes the start of a half line (ReplyReader.Quote shows 200 characters).
    private const int PartialQuoteBytes = 800;

    private const int ReleaseAbove = 1024 * 1024;

    private static readonly TimeSpan ExitGrace = TimeSpan.FromMilliseconds(300);

    private readonly Process _process;
    // One complete line waits for the reader at most: the pump then stops reading, so a harness that
    // floods its output with lines blocks on its own pipe instead of filling the runner's memory.
    private readonly Channel<byte[]> _lines = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stopPump = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly Lock _partialLock = new();
    private readonly int _maxLineBytes;
    private readonly string _marker;
    private readonly Task _exited;
    private readonly LineBuffer _partial;
    private long _bytesRead;
    private bool _cutting;
    private bool _disposed;

    private HarnessProcess(Process process, Action<string> stderrSink, int maxLineBytes, string marker)
    {
        _process = process;
        _marker = marker;
        _exited = process.WaitForExitAsync();
        _maxLineBytes = maxLineBytes;
        _partial = new LineBuffer(maxLineBytes);
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(() => PumpStderrAsync(stderrSink));
    }

    /// <summary>
    /// Starts a command line: directly when it is a plain list of words (quotes allowed), otherwise
    /// through <c>/bin/sh -c</c>, so pipes, variables and redirections work as in a terminal.
    /// </summary>
    public static HarnessProcess Start(string commandLine, string? workingDirectory, Action<string> stderrSink, int maxLineBytes)
    {
        var words = CommandLine.TrySplit(commandLine);
        var info = new ProcessStartInfo(words?[0] ?? "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in words?.Skip(1) ?? ["-c", commandLine])
        {
            info.ArgumentList.Add(argument);
        }

        // Unbuffered output for the usual interpreters: a harness author forgetting to flush is the most common bug.
        info.Environment["PYTHONUNBUFFERED"] = "1";
        // Inherited by everything the harness starts, so a child that left its process tree and session can still be found and killed.
        var marker = MarkedProcesses.NewMarker();
        info.Environment[MarkedProcesses.Variable] = marker;
        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new HarnessStartException($"cannot start {commandLine}: {e.Message}", e);
        }

        return new HarnessProcess(process, stderrSink, maxLineBytes, marker);
    }

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Writes one line to the harness; false when the deadline passed or the pipe is broken.</summary>
    public async Task<(bool Written, bool TimedOut)> WriteLineAsync(string line, TimeSpan timeout)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        var stream = _process.StandardInput.BaseStream;
        var write = Task.Run(async () =>
        {
            await stream.WriteAsync(bytes).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        });
        // A harness that stops reading fills the pipe and the write blocks: the deadline covers it too.
        var finished = await Task.WhenAny(write, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != write)
        {
            _ = write.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            return (false, true);
        }

        return write.IsCompletedSuccessfully ? (true, false) : (false, false);
    }

    /// <summary>Waits for the next complete line of standard output.</summary>
    public Task<HarnessLine> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ReadLineAsync(timeout, timeout, cancellationToken);

    /// <summary>Waits up to <paramref name="wait"/> (what is left of the case's <paramref name="timeout"/>) for the next complete line.</summary>
    public async Task<HarnessLine> ReadLineAsync(TimeSpan wait, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        while (true)
        {
            byte[] line;
            try
            {
                line = await ReadOrExitAsync(deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var partial = QuotePartialLine();
                return HarnessLine.TimedOut(partial.Length == 0
                    ? $"no reply within {timeout.TotalSeconds:0.###} s"
                    : $"no complete reply within {timeout.TotalSeconds:0.###} s; the harness printed a partial line without a newline: {partial}");
            }
            catch (ChannelClosedException)
            {
                return HarnessLine.Closed(await DescribeCloseAsync().ConfigureAwait(false));
            }

            // Tolerate CRLF and blank lines: they carry no reply and cost nothing to skip.
            if (line.AsSpan().Trim(" \t\r\f\v"u8).Length > 0)
            {
                return HarnessLine.Line(line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line);
            }
        }
    }

    /// <summary>
    /// The next line; or, when the harness exits first and prints nothing more within a moment, the
    /// end of its output. A child it started may hold standard output open long after the harness
    /// is gone: the exit, not the end of output, is what says the harness stopped.
    /// </summary>
    private async Task<byte[]> ReadOrExitAsync(CancellationTokenSource deadline)
    {
        var read = _lines.Reader.ReadAsync(deadline.Token).AsTask();
        if (await Task.WhenAny(read, _exited).ConfigureAwait(false) == read)
        {
            return await read.ConfigureAwait(false);
        }

        // What it printed just before exiting may still be on its way through the pipe.
        if (await Task.WhenAny(read, Task.Delay(ExitGrace)).ConfigureAwait(false) == read)
        {
            return await read.ConfigureAwait(false);
        }

        await deadline.CancelAsync().ConfigureAwait(false);
        _ = read.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        throw new ChannelClosedException();
    }

    /// <summary>Asks the harness to stop, then makes sure it is gone.</summary>
    public async Task StopAsync(string stopLine, TimeSpan grace)
    {
        if (!HasExited)
        {
            await WriteLineAsync(stopLine, grace).ConfigureAwait(false);
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone: nothing to close.
            }

            using var wait = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // It ignored stop; Kill below ends it.
            }
        }

        Kill();
        await DrainStderrAsync(grace).ConfigureAwait(false);
    }

    /// <summary>Ends the harness and everything it started (a shell, an interpreter, its children).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It exited between the check and the kill.
        }

        // What the tree kill cannot reach: children that called setsid, or were orphaned when the harness exited.
        MarkedProcesses.KillAll(_marker);
    }

    /// <summary>Gives the stderr pump a moment to read what a dying harness wrote last (its traceback).</summary>
    public async Task DrainStderrAsync(TimeSpan wait)
    {
        await Task.WhenAny(_stderrPump, Task.Delay(wait)).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        // A pump waiting to hand over a line would otherwise wait, holding its buffers, for ever.
        _stopPump.Cancel();
        _stopPump.Dispose();
        _process.Dispose();
    }

    private async Task<string> DescribeCloseAsync()
    {
        // End of output usually means the process is dying: give it a moment to be reaped so the exit code is known.
        using (var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Still running with its output closed.
            }
        }

        var partial = QuotePartialLine();
        var tail = partial.Length == 0 ? "" : $" after a partial line {partial}";
        if (!HasExited)
        {
            return $"the harness closed its standard output{tail}";
        }

        var code = _process.ExitCode;
        // On Unix a process killed by a signal is reported by the shell as 128 + signal number.
        var signal = code > 128 && code < 160 ? $" (signal {code - 128})" : "";
        var held = _lines.Reader.Completion.IsCompleted ? "" : "; a process it started still held its standard output open";
        return $"the harness exited with code {code}{signal}{tail}{held}";
    }

    /// <summary>The half line printed so far, quoted; only its start is decoded, however long it is.</summary>
    private string QuotePartialLine()
    {
        lock (_partialLock)
        {
            if (_partial.Length <= PartialQuoteBytes)
            {
                return _partial.Length == 0 ? "" : ReplyReader.Quote(_partial.Decode());
            }

            return $"{ReplyReader.Quote(_partial.DecodePrefix(PartialQuoteBytes))[..^1]}...\" ({_partial.Length} bytes)";
        }
    }

    /// <summary>What the stdout pump read and copied so far, and the largest its line buffer grew.</summary>
    public HarnessStatistics Statistics
    {
        get
        {
            lock (_partialLock)
            {
                return new HarnessStatistics(_bytesRead, _partial.BytesCopied, _partial.PeakCapacity);
            }
        }
    }

    private async Task PumpStdoutAsync()
    {
        var stream = _process.StandardOutput.BaseStream;
        var buffer = new byte[ReadSize];
        var complete = new List<byte[]>();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stopPump.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                lock (_partialLock)
                {
                    _bytesRead += read;
                    SplitLines(buffer.AsSpan(0, read), complete);
                }

                foreach (var line in complete)
                {
                    await _lines.Writer.WriteAsync(line, _stopPump.Token).ConfigureAwait(false);
                }

                complete.Clear();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The process went away under the read, or was disposed while a line waited: same as end of output.
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    /// <summary>Appends what was read to the current line, handing every complete line to the reader.</summary>
    private void SplitLines(ReadOnlySpan<byte> read, List<byte[]> complete)
    {
        while (read.Length > 0)
        {
            var newline = read.IndexOf((byte)'\n');
            var piece = newline < 0 ? read : read[..newline];
            if (_cutting || !_partial.TryAppend(piece))
            {
                // Past the limit: the rest of this line is dropped as it arrives, never kept.
                if (!_cutting)
                {
                    _cutting = true;
                    complete.Add(Encoding.UTF8.GetBytes($"(a line longer than {_maxLineBytes} bytes was cut here)"));
                    _partial.Clear(release: true);
                }
            }

            if (newline < 0)
            {
                return;
            }

            if (!_cutting)
            {
                complete.Add(_partial.ToArray());
            }

            _cutting = false;
            // A buffer grown for one huge line is not kept for the rest of the session.
            _partial.Clear(release: _partial.Length > ReleaseAbove);
            read = read[(newline + 1)..];
        }
    }

    private async Task PumpStderrAsync(Action<string> sink)
    {
        var stream = _process.StandardError.BaseStream;
        var decoder = new UTF8Encoding(false).GetDecoder();
        var buffer = new byte[16 * 1024];
        var chars = new char[16 * 1024 + 4];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var count = decoder.GetChars(buffer, 0, read, chars, 0);
                sink(new string(chars, 0, count));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process went away under the read.
        }
    }
}
