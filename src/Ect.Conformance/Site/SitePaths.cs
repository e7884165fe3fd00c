using System.Text;

namespace Ect.Conformance.Site;

/// <summary>
/// Where each page of the site lives, relative to its root. Names are plain ASCII without <c>:</c>,
/// so the site unpacks on any file system and opens from <c>file://</c>.
/// </summary>
public static class SitePaths
{
    public const string Index = "index.html";

    public const string AllResults = "api/all-results.json";

    /// <summary>Lowercase letters, digits, <c>.</c> and <c>-</c>; anything else becomes <c>-</c>.</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            text.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' ? c : '-');
        }

        var slug = text.ToString().Trim('-', '.');
        return slug.Length == 0 ? "unnamed" : slug;
    }

    public static string Implementation(ImplementationHistory history) => $"impl/{history.Slug}.html";

    // Case ids are [a-z0-9.-] joined by "::" and never hold "_", so "::" -> "__" keeps them apart.
    public static string CaseSlug(string caseId) => caseId.Replace("::", "__", StringComparison.Ordinal);

    public static string Case(string caseId) => $"cases/{CaseSlug(caseId)}.html";

    /// <summary>The anchor of one run (case × mode), on case pages and implementation pages alike.</summary>
    public static string RunAnchor(string key) => CaseSlug(key).Replace("@", "_m", StringComparison.Ordinal);

    public static string Topic(string topic) => $"topics/{Slug(topic)}.html";

    public static string Rule(string rule) => $"rules/{Slug(rule)}.html";

    public static string Badge(ImplementationHistory history, string kind) => $"badges/{history.Slug}-{kind}.svg";

    /// <summary>The way back to the site root from a page at <paramref name="page"/> (<c>""</c> or <c>"../"</c>).</summary>
    public static string ToRoot(string page) => string.Concat(Enumerable.Repeat("../", page.Count(c => c == '/')));
}
