namespace Ect.Conformance.Site;

/// <summary>Every results document of one implementation (by name), oldest first; the site shows the latest and the trend.</summary>
public sealed class ImplementationHistory
{
    public ImplementationHistory(string name, string slug, IEnumerable<ResultsFile> runs)
    {
        Name = name;
        Slug = slug;
        // Stable: two documents started at the same instant keep the order they were given in.
        Runs = runs.OrderBy(r => r.Started).ToList();
        if (Runs.Count == 0)
        {
            throw new ArgumentException("an implementation's history needs at least one results document", nameof(runs));
        }
    }

    public string Name { get; }

    /// <summary>The file-name form of <see cref="Name"/>, unique within the site.</summary>
    public string Slug { get; }

    public IReadOnlyList<ResultsFile> Runs { get; }

    public ResultsFile Latest => Runs[^1];

    /// <summary>Groups documents by implementation name, in name order, giving each a unique slug.</summary>
    public static IReadOnlyList<ImplementationHistory> Group(IEnumerable<ResultsFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var histories = new List<ImplementationHistory>();
        foreach (var group in files.GroupBy(f => f.ImplementationName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var slug = SitePaths.Slug(group.Key);
            for (var n = 2; !used.Add(slug); n++)
            {
                slug = $"{SitePaths.Slug(group.Key)}-{n}";
            }

            histories.Add(new ImplementationHistory(group.Key, slug, group));
        }

        return histories;
    }
}
