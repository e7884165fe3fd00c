using Ect.Conformance.Cases;

namespace Ect.Conformance.Site;

/// <summary>A case as the site shows it: from the corpus when it holds the case (with its input), otherwise from the results that ran it.</summary>
public sealed record SiteCase
{
    public required string Id { get; init; }

    public required string Topic { get; init; }

    public string Operation { get; init; } = "";

    public string Description { get; init; } = "";

    public IReadOnlyList<string> Rules { get; init; } = [];

    public IReadOnlyList<string> Flags { get; init; } = [];

    public IReadOnlyList<string> Drafts { get; init; } = [];

    /// <summary>The corpus's case, null when the corpus the site was built with does not hold it.</summary>
    public VectorCase? Vector { get; init; }

    public static SiteCase FromVector(VectorCase vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return new SiteCase
        {
            Id = vector.Id,
            Topic = vector.Topic,
            Operation = vector.Operation,
            Description = vector.Description,
            Rules = vector.Rules,
            Flags = vector.Flags,
            Drafts = vector.Drafts,
            Vector = vector,
        };
    }

    public static SiteCase FromRuns(IReadOnlyList<ResultsRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var first = runs[0];
        return new SiteCase
        {
            Id = first.Id,
            Topic = first.Topic,
            Operation = first.Operation,
            Description = first.Description,
            Rules = first.Rules,
            Flags = first.Flags,
            Drafts = runs.Select(r => r.Draft).Distinct().Order(StringComparer.Ordinal).ToList(),
        };
    }
}
