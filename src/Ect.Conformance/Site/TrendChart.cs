using System.Globalization;
using System.Text;

namespace Ect.Conformance.Site;

/// <summary>
/// An implementation's verdict and diagnosis conformance over its successive runs, as inline SVG:
/// one point per results document, oldest on the left, each with a tooltip naming the run.
/// </summary>
public static class TrendChart
{
    private const int Width = 720;
    private const int Height = 220;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    private static readonly double[] Steps = [0.02, 0.05, 0.1, 0.2, 0.25];

    public static string Svg(IReadOnlyList<ResultsFile> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var scores = runs.Select(r => Score.Of(r.Runs)).ToList();
        var values = scores.SelectMany(s => new[] { s.Verdict, s.Diagnosis }).OfType<double>().ToList();
        // Near-perfect runs would be a flat line on a 0–100 axis; start the axis at the lowest tenth reached.
        var floor = values.Count == 0 ? 0 : Math.Min(0.9, Math.Floor(values.Min() * 10) / 10);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => runs.Count == 1 ? Left + (plotWidth / 2.0) : Left + (plotWidth * i / (double)(runs.Count - 1));
        double Y(double ratio) => Top + (plotHeight * (1 - ((ratio - floor) / (1 - floor))));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"conformance over {runs.Count} run(s)\">");
        // Round steps, at most five of them, so the axis reads 50%, 60%, … rather than 62.5%.
        var step = Steps.First(s => (1 - floor) / s <= 5.0001);
        var ticks = (int)Math.Round((1 - floor) / step);
        for (var tick = 0; tick <= ticks; tick++)
        {
            var ratio = Math.Min(1, floor + (step * tick));
            var y = Y(ratio);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d0d7de\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{ratio * 100:0}%</text>");
        }

        Series(svg, scores.Select(s => s.Verdict).ToList(), "#0969da", "verdict", runs, X, Y);
        Series(svg, scores.Select(s => s.Diagnosis).ToList(), "#bc4c00", "diagnosis", runs, X, Y);
        for (var i = 0; i < runs.Count; i++)
        {
            // Label at most about eight dates, so they never overlap.
            if (runs.Count <= 8 || i % (int)Math.Ceiling(runs.Count / 8.0) == 0 || i == runs.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"{Anchor(i, runs.Count)}\">{runs[i].Started:yyyy-MM-dd HH:mm}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"#0969da\"/><text x=\"{Left + 14}\" y=\"{Height - 5}\">verdict conformance</text>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 150}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"#bc4c00\"/><text x=\"{Left + 164}\" y=\"{Height - 5}\">diagnosis conformance</text>")
            .Append("</svg>");
        return svg.ToString();
    }

    // The outermost labels sit at the plot's edges; anchoring them inward keeps them inside the picture.
    private static string Anchor(int i, int count) => count == 1 ? "middle" : i == 0 ? "start" : i == count - 1 ? "end" : "middle";

    private static void Series(StringBuilder svg, List<double?> values, string color, string name, IReadOnlyList<ResultsFile> runs, Func<int, double> x, Func<double, double> y)
    {
        var points = values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
        if (points.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{x(p.i):0.#},{y(p.v!.Value):0.#}")))}\"/>");
        }

        foreach (var (value, i) in points)
        {
            var run = runs[i];
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x(i):0.#}\" cy=\"{y(value!.Value):0.#}\" r=\"4\" fill=\"{color}\"><title>{Html.Text($"{run.Started:yyyy-MM-dd HH:mm} UTC, {run.Label}, corpus {run.SuiteVersion}: {name} {Score.Percent(value)}")}</title></circle>");
        }
    }
}
