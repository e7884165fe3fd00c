using Ect.Conformance.Cases;

namespace Ect.Conformance.Site;

/// <summary>The class of bug a run catches, from its flags and the corpus's flag notes.</summary>
public static class BugTypes
{
    /// <summary>The group of runs whose flags have no note (or that carry no flag).</summary>
    public const string Unclassified = "UNCLASSIFIED";

    /// <summary>Every bug type the run's flags name, in flag order, without repeats.</summary>
    public static IReadOnlyList<string> Of(ResultsRun run, IReadOnlyDictionary<string, FlagNote> notes)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(notes);
        return run.Flags.Select(f => notes.TryGetValue(f, out var note) ? note.BugType : null).OfType<string>().Distinct().ToList();
    }

    /// <summary>The one group a run is listed under: an auth bypass outranks the rest, then the first flag's type.</summary>
    public static string Primary(ResultsRun run, IReadOnlyDictionary<string, FlagNote> notes)
    {
        var types = Of(run, notes);
        return types.Contains(FlagNote.AuthBypass) ? FlagNote.AuthBypass : types.Count > 0 ? types[0] : Unclassified;
    }
}
