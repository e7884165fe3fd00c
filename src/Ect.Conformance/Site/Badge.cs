using System.Globalization;
using System.Text;

namespace Ect.Conformance.Site;

/// <summary>
/// A shields.io-style flat badge as SVG text: a grey label and a coloured value. Drawn here rather
/// than fetched, so the site needs no network and a badge never shows another run's number.
/// </summary>
public static class Badge
{
    public const string Blue = "#007ec6";

    public static string Svg(string label, string value, string color)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(value);
        var left = TextWidth(label) + 10;
        var right = TextWidth(value) + 10;
        var width = left + right;
        var l = Html.Text(label);
        var v = Html.Text(value);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"20\" role=\"img\" aria-label=\"{l}: {v}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{l}: {v}</title>")
            .Append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
            .Append(CultureInfo.InvariantCulture, $"<clipPath id=\"r\"><rect width=\"{width}\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>")
            .Append("<g clip-path=\"url(#r)\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{left}\" height=\"20\" fill=\"#555\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" width=\"{right}\" height=\"20\" fill=\"{color}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"20\" fill=\"url(#s)\"/></g>")
            .Append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{left / 2.0:0.#}\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">{l}</text><text x=\"{left / 2.0:0.#}\" y=\"14\">{l}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (right / 2.0):0.#}\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">{v}</text><text x=\"{left + (right / 2.0):0.#}\" y=\"14\">{v}</text>")
            .Append("</g></svg>\n");
        return svg.ToString();
    }

    /// <summary>Shields' colour steps, so a badge reads like the ones beside it in a README.</summary>
    public static string ColorFor(double? ratio) => ratio switch
    {
        null => "#9f9f9f",
        >= 1.0 => "#4c1",
        >= 0.95 => "#97ca00",
        >= 0.90 => "#a4a61d",
        >= 0.75 => "#dfb317",
        >= 0.50 => "#fe7d37",
        _ => "#e05d44",
    };

    // Verdana 11px: about 7 px a character, narrow ones less; close enough that text never overflows.
    private static int TextWidth(string text) =>
        (int)Math.Ceiling(text.Sum(c => c switch
        {
            'i' or 'l' or '.' or ',' or ':' or '|' or '!' or '\'' => 3.5,
            'f' or 'j' or 'r' or 't' or ' ' or '(' or ')' => 4.5,
            'm' or 'w' or 'M' or 'W' or '%' => 10.5,
            >= 'A' and <= 'Z' => 8,
            _ => 7,
        }));
}
