using Ect.Conformance.Cases;

namespace Ect.Conformance.Site;

/// <summary>Everything the pages are drawn from: each implementation's history, the corpus, and the cases their latest runs cover.</summary>
public sealed class SiteData
{
    private readonly Dictionary<string, SiteCase> _cases;
    private readonly Dictionary<string, Dictionary<string, ResultsRun>> _latestByKey;

    public SiteData(IEnumerable<ResultsFile> files, VectorSuite corpus)
    {
        ArgumentNullException.ThrowIfNull(files);
        Corpus = corpus ?? throw new ArgumentNullException(nameof(corpus));
        Histories = ImplementationHistory.Group(files);
        _latestByKey = Histories.ToDictionary(
            h => h.Name,
            h => h.Latest.Runs.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal),
            StringComparer.Ordinal);

        // The site covers what was run; the corpus supplies inputs and notes for those cases.
        var byId = corpus.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _cases = new Dictionary<string, SiteCase>(StringComparer.Ordinal);
        foreach (var group in Histories.SelectMany(h => h.Latest.Runs).GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            _cases[group.Key] = byId.TryGetValue(group.Key, out var vector) ? SiteCase.FromVector(vector) : SiteCase.FromRuns(group.ToList());
        }

        Cases = _cases.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Topics = Cases.Select(c => c.Topic).Distinct().Order(StringComparer.Ordinal).ToList();
        Rules = Cases.SelectMany(c => c.Rules).Distinct().OrderBy(r => r, Reports.RuleIdComparer.Instance).ToList();
    }

    public IReadOnlyList<ImplementationHistory> Histories { get; }

    public VectorSuite Corpus { get; }

    public IReadOnlyDictionary<string, FlagNote> Notes => Corpus.Notes;

    public IReadOnlyList<SiteCase> Cases { get; }

    public IReadOnlyList<string> Topics { get; }

    public IReadOnlyList<string> Rules { get; }

    public SiteCase Case(string id) => _cases[id];

    /// <summary>The run with this key in the implementation's latest results; null when that run did not include it.</summary>
    public ResultsRun? Latest(ImplementationHistory history, string key)
    {
        ArgumentNullException.ThrowIfNull(history);
        return _latestByKey[history.Name].GetValueOrDefault(key);
    }

    /// <summary>Run keys of a case: its corpus modes, and any other mode a results document ran.</summary>
    public IReadOnlyList<string> RunKeys(SiteCase siteCase)
    {
        ArgumentNullException.ThrowIfNull(siteCase);
        var keys = siteCase.Drafts.Select(d => $"{siteCase.Id}@{d}").ToList();
        keys.AddRange(Histories.SelectMany(h => h.Latest.Runs).Where(r => r.Id == siteCase.Id).Select(r => r.Key));
        return keys.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
