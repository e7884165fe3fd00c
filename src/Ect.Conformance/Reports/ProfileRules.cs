using System.Text.RegularExpressions;

namespace Ect.Conformance.Reports;

/// <summary>
/// The conformance profile (<c>docs/profile.md</c>) as this assembly embeds it, and the text of each
/// rule: the paragraph or bullet after its anchor <c>&lt;a id="dag-3"&gt;&lt;/a&gt;</c>. Reports
/// link every rule ID to that anchor, so a reader sees the rule a run was judged by.
/// </summary>
public sealed partial class ProfileRules
{
    private const string ResourceName = "Ect.Conformance.profile.md";

    private static readonly Lazy<ProfileRules> EmbeddedProfile = new(() => Parse(ReadEmbedded()));

    private readonly Dictionary<string, string> _texts;

    private ProfileRules(string markdown, Dictionary<string, string> texts)
    {
        Markdown = markdown;
        _texts = texts;
    }

    [GeneratedRegex("""^\s*<a id="([A-Za-z0-9-]+)"></a>\s*$""")]
    private static partial Regex AnchorLine();

    /// <summary>The profile embedded at build time.</summary>
    public static ProfileRules Embedded => EmbeddedProfile.Value;

    /// <summary>The profile's Markdown text.</summary>
    public string Markdown { get; }

    /// <summary>Anchor names in the profile's order.</summary>
    public IReadOnlyCollection<string> Anchors => _texts.Keys;

    /// <summary>The anchor of a rule ID: <c>DAG-3</c> → <c>dag-3</c>.</summary>
    public static string Anchor(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return ruleId.ToLowerInvariant();
    }

    /// <summary>The rule's text (Markdown), or null when the profile has no anchor for it.</summary>
    public string? Text(string ruleId) => _texts.TryGetValue(Anchor(ruleId), out var text) ? text : null;

    public static ProfileRules Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = markdown.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var anchor = AnchorLine().Match(lines[i]);
            if (!anchor.Success)
            {
                continue;
            }

            // The rule is the block after the anchor: blank lines before it skipped, up to the next blank line, heading or anchor.
            var j = i + 1;
            while (j < lines.Length && lines[j].Trim().Length == 0)
            {
                j++;
            }

            var block = new List<string>();
            while (j < lines.Length && lines[j].Trim().Length > 0 && !lines[j].TrimStart().StartsWith('#') && !AnchorLine().IsMatch(lines[j]))
            {
                block.Add(lines[j].Trim());
                j++;
            }

            texts.TryAdd(anchor.Groups[1].Value.ToLowerInvariant(), string.Join(" ", block));
        }

        return new ProfileRules(markdown, texts);
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(ProfileRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly does not embed {ResourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
