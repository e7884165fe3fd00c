using Ect.Conformance.Cases;

namespace Ect.Conformance.Runner;

/// <summary>
/// Which runs to carry out. Each list narrows the selection when it is not empty; the values of one
/// list are alternatives (<c>--topic dag --topic parse</c> selects both topics).
/// </summary>
public sealed record RunFilter
{
    /// <summary>Case id or run key (<c>id@01</c>) globs.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Rule id globs (<c>DAG-3</c>, <c>DAG-*</c>): a case is selected when one of its rules matches.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Topics: the first segment of the case id.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Modes: <c>00</c>, <c>01</c>.</summary>
    public IReadOnlyList<string> Drafts { get; init; } = [];

    /// <summary>Features: a case is selected when it needs one of them.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    public IReadOnlyList<string> Operations { get; init; } = [];

    public bool IsEmpty => Ids.Count + Rules.Count + Topics.Count + Drafts.Count + Features.Count + Operations.Count == 0;

    public bool Matches(CaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var c = run.Case;
        return (Ids.Count == 0 || Ids.Any(p => Glob.IsMatch(p, c.Id) || Glob.IsMatch(p, run.Key)))
            && (Rules.Count == 0 || Rules.Any(p => c.Rules.Any(r => Glob.IsMatch(p, r))))
            && (Topics.Count == 0 || Topics.Contains(c.Topic))
            && (Drafts.Count == 0 || Drafts.Contains(run.Draft))
            && (Features.Count == 0 || Features.Any(f => c.Features.Contains(f)))
            && (Operations.Count == 0 || Operations.Contains(c.Operation));
    }

    /// <summary>
    /// The options (<c>--topic nosuch</c>) whose value alone selects none of <paramref name="runs"/>:
    /// a typo in a CI filter must not pass as a green run of nothing.
    /// </summary>
    public IReadOnlyList<string> ValuesSelectingNothing(IReadOnlyCollection<CaseRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var single = new (string Option, IReadOnlyList<string> Values, Func<string, RunFilter> Alone)[]
        {
            ("--id", Ids, v => new RunFilter { Ids = [v] }),
            ("--rule", Rules, v => new RunFilter { Rules = [v] }),
            ("--topic", Topics, v => new RunFilter { Topics = [v] }),
            ("--draft", Drafts, v => new RunFilter { Drafts = [v] }),
            ("--feature", Features, v => new RunFilter { Features = [v] }),
            ("--operation", Operations, v => new RunFilter { Operations = [v] }),
        };
        return single
            .SelectMany(s => s.Values.Where(v => !runs.Any(s.Alone(v).Matches)).Select(v => $"{s.Option} {v}"))
            .ToList();
    }

    /// <summary>The filter as it is shown in reports: only the lists that were given.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Describe()
    {
        var all = new Dictionary<string, IReadOnlyList<string>>
        {
            ["id"] = Ids,
            ["rule"] = Rules,
            ["topic"] = Topics,
            ["draft"] = Drafts,
            ["feature"] = Features,
            ["operation"] = Operations,
        };
        return all.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value);
    }
}
