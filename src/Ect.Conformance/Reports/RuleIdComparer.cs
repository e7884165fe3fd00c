namespace Ect.Conformance.Reports;

/// <summary>Orders rule ids as the profile lists them within a group: <c>DAG-2</c> before <c>DAG-10</c>.</summary>
public sealed class RuleIdComparer : IComparer<string>
{
    public static RuleIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (px, nx) = Split(x ?? "");
        var (py, ny) = Split(y ?? "");
        var byPrefix = string.CompareOrdinal(px, py);
        if (byPrefix != 0)
        {
            return byPrefix;
        }

        return nx != ny ? nx.CompareTo(ny) : string.CompareOrdinal(x, y);
    }

    private static (string Prefix, long Number) Split(string rule)
    {
        var dash = rule.LastIndexOf('-');
        return dash > 0 && long.TryParse(rule.AsSpan(dash + 1), out var n) ? (rule[..dash], n) : (rule, -1);
    }
}
