namespace Ect.Fuzz.Tests;

/// <summary>The fuzz folders as copied next to the tests (see the csproj), so the tests run the same from any working directory.</summary>
public static class FuzzFiles
{
    public static string Regressions => Path.Combine(AppContext.BaseDirectory, "fuzz", "regressions");

    public static string Corpora => Path.Combine(AppContext.BaseDirectory, "fuzz", "corpora");

    public static string Dictionaries => Path.Combine(AppContext.BaseDirectory, "fuzz", "dictionaries");

    public static string Vectors => Path.Combine(AppContext.BaseDirectory, "vectors");

    /// <summary>Input files of one target in one folder; notes (<c>*.md</c>) are not inputs.</summary>
    public static IEnumerable<string> Inputs(string root, string target)
    {
        var dir = Path.Combine(root, target);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];
    }
}
