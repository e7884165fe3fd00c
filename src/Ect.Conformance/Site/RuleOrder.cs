namespace Ect.Conformance.Site;

/// <summary>Rule ids in reading order: by group, then by number, so DAG-10 follows DAG-9.</summary>
public sealed class RuleOrder : IComparer<string>
{
    public static RuleOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (xGroup, xNumber) = Split(x ?? "");
        var (yGroup, yNumber) = Split(y ?? "");
        var byGroup = string.CompareOrdinal(xGroup, yGroup);
        return byGroup != 0 ? byGroup : byGroup == 0 && xNumber != yNumber ? xNumber.CompareTo(yNumber) : string.CompareOrdinal(x, y);
    }

    private static (string Group, int Number) Split(string rule)
    {
        var dash = rule.LastIndexOf('-');
        return dash > 0 && int.TryParse(rule.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? (rule[..dash], n) : (rule, 0);
    }
}
