using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ect.Conformance.Subprocess;

/// <summary>
/// Finds and kills every process started under one harness, by a variable set in the harness's
/// environment that its descendants inherit. Killing the process tree reaches only processes still
/// linked to the harness by parent id, and killing the process group misses a child that called
/// <c>setsid</c>; such a child, once the harness has exited, belongs to init and keeps the harness's
/// pipes open, but it still carries the variable. Linux only (it reads <c>/proc/*/environ</c>);
/// elsewhere nothing is found and only the process tree is killed.
/// </summary>
internal static class MarkedProcesses
{
    /// <summary>The variable every harness is started with; a harness must pass it on to what it starts.</summary>
    public const string Variable = "ECT_CONFORMANCE_HARNESS_ID";

    /// <summary>A value no other harness of any runner has.</summary>
    public static string NewMarker() => $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>The ids of the live processes whose environment holds <see cref="Variable"/>=<paramref name="marker"/>.</summary>
    public static List<int> Find(string marker)
    {
        var found = new List<int>();
        if (!OperatingSystem.IsLinux())
        {
            return found;
        }

        var needle = Encoding.UTF8.GetBytes($"{Variable}={marker}\0");
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateDirectories("/proc");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return found;
        }

        foreach (var entry in entries)
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var environ = File.ReadAllBytes(Path.Combine(entry, "environ"));
                var at = environ.AsSpan().IndexOf(needle);
                // Only a whole variable counts: at the start, or right after another one's terminator.
                if (at == 0 || (at > 0 && environ[at - 1] == 0))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone already, or not ours to read (another user's): not a harness process.
            }
        }

        return found;
    }

    /// <summary>Kills every marked process, again until none is left (one may fork while the others die); returns how many.</summary>
    public static int KillAll(string marker)
    {
        var killed = 0;
        for (var round = 0; round < 5; round++)
        {
            var found = Find(marker);
            if (found.Count == 0)
            {
                break;
            }

            foreach (var pid in found)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                    killed++;
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
                {
                    // It exited between the scan and the kill.
                }
            }
        }

        return killed;
    }
}
