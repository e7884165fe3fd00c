namespace Ect.Conformance.Fuzzing;

/// <summary>
/// What a disagreement shows, and so what findings are deduplicated by: the operation, the rule,
/// and the expected and actual verdict and code of the first result that differs.
/// </summary>
internal sealed record DisagreementKey(DisagreementKind Kind, string Operation, string Rule, string Expected, string Actual)
{
    /// <summary>A file-name-safe slug, for the finding's id and file.</summary>
    public string Slug
    {
        get
        {
            var text = $"{Operation}-{Rule}-expected-{Expected}-got-{Actual}".ToLowerInvariant();
            var slug = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
            while (slug.Contains("--", StringComparison.Ordinal))
            {
                slug = slug.Replace("--", "-", StringComparison.Ordinal);
            }

            slug = slug.Trim('-');
            return slug.Length <= 100 ? slug : slug[..100].TrimEnd('-');
        }
    }

    public override string ToString() => $"{Operation} {Rule}: expected {Expected}, got {Actual}";
}
