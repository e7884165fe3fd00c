using System.Net;

namespace Ect.Conformance.Site;

/// <summary>Escaping for text and attribute values; everything the site shows comes from results files, which hostile harnesses write.</summary>
public static class Html
{
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string OutcomeClass(string outcome) => "o-" + outcome;
}
