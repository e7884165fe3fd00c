using Ect.Conformance.Judging;
using Ect.Conformance.Site;

namespace Ect.Conformance.Comparing;

/// <summary>
/// One side of a comparison: the outcome of every run by key, and each run's flags (for its bug
/// type). Read from a results document, or from a published <c>all-results.json</c> where one
/// implementation's latest run stands in for its results document.
/// </summary>
public sealed record ComparedRuns(string Path, string Label, string SuiteHash, IReadOnlyDictionary<string, Outcome> Outcomes, IReadOnlyDictionary<string, IReadOnlyList<string>> Flags)
{
    /// <summary>
    /// Reads either kind of document. <paramref name="implementation"/> picks one of an
    /// all-results document's implementations (needed when it holds several); a results document
    /// holds one and ignores it. Throws <see cref="FileNotFoundException"/> or <see cref="FormatException"/>.
    /// </summary>
    public static ComparedRuns Load(string path, string? implementation)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = ResultsFile.ReadJson(path);
        if (AllResultsDocument.Is(root))
        {
            var (label, hash, outcomes, flags) = AllResultsDocument.Read(root, path, implementation);
            return new ComparedRuns(path, label, hash, outcomes, flags);
        }

        var file = ResultsFile.Parse(root, path);
        var byKey = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        var flagsByKey = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var run in file.Runs)
        {
            byKey[run.Key] = run.Outcome;
            flagsByKey[run.Key] = run.Flags;
        }

        var name = file.ImplementationName == ResultsFile.Unnamed ? "(no implementation)" : file.Label;
        return new ComparedRuns(path, name, file.SuiteHash, byKey, flagsByKey);
    }
}
