using System.Text.Json;

namespace Ect.Benchmarks.Tracking;

/// <summary>
/// One BenchmarkDotNet JSON report (the <c>*-report-full-compressed.json</c> or <c>*-report-full.json</c>
/// exporter), reduced to what tracking needs: each benchmark's mean, and the mean of the ECDSA
/// floor measured in the same run, which turns every mean into a machine-independent ratio.
/// </summary>
public sealed class BenchmarkRun
{
    /// <summary>The benchmark every ratio is taken against: raw ECDSA verification of the typical token.</summary>
    public const string FloorMethod = "EcdsaFloor";

    private BenchmarkRun(IReadOnlyDictionary<string, double> means, double floor)
    {
        Means = means;
        FloorNanoseconds = floor;
    }

    /// <summary>Mean nanoseconds per operation by benchmark full name.</summary>
    public IReadOnlyDictionary<string, double> Means { get; }

    public double FloorNanoseconds { get; }

    /// <summary>A benchmark's mean in units of the floor.</summary>
    public double Ratio(string fullName) => Means[fullName] / FloorNanoseconds;

    /// <summary>Merges several report files of one run (BenchmarkDotNet writes one per benchmark class).</summary>
    public static BenchmarkRun Load(IEnumerable<string> paths)
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        double? floor = null;
        foreach (var path in paths)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{path} is not a BenchmarkDotNet JSON report (no Benchmarks array)");
            }

            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                var name = benchmark.GetProperty("FullName").GetString() ?? throw new FormatException($"{path}: a benchmark without FullName");
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue; // a benchmark that failed to run has no statistics; it is reported as missing
                }

                var mean = statistics.GetProperty("Mean").GetDouble();
                means[name] = mean;
                if (benchmark.GetProperty("Method").GetString() == FloorMethod)
                {
                    floor = mean;
                }
            }
        }

        return floor is > 0
            ? new BenchmarkRun(means, floor.Value)
            : throw new FormatException($"the reports hold no {FloorMethod} result, so no ratio can be formed");
    }

    /// <summary>A report file, or every report JSON in a folder (BenchmarkDotNet's results folder).</summary>
    public static BenchmarkRun Load(string path) =>
        Directory.Exists(path)
            ? Load(Directory.EnumerateFiles(path, "*-report-full*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            : Load([path]);
}
