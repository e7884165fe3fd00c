using System.Text.Json.Nodes;
using Ect.Benchmarks.Tracking;

namespace Ect.Tests.Benchmarks;

/// <summary>The regression tracker: ratios to the in-run floor, and a regression injected on purpose.</summary>
public class BenchmarkComparisonTests
{
    private static string Report(double floorNs, params (string Method, double MeanNs)[] others)
    {
        var benchmarks = new JsonArray(Benchmark("VerificationBenchmarks", "EcdsaFloor", floorNs));
        foreach (var (method, mean) in others)
        {
            benchmarks.Add(Benchmark("VerificationBenchmarks", method, mean));
        }

        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"bdn-{Guid.NewGuid():N}-report-full-compressed.json");
        File.WriteAllText(path, new JsonObject { ["Title"] = "t", ["Benchmarks"] = benchmarks }.ToJsonString());
        return path;
    }

    private static JsonObject Benchmark(string type, string method, double mean) => new()
    {
        ["Type"] = type,
        ["Method"] = method,
        ["FullName"] = $"Ect.Benchmarks.Benchmarks.{type}.{method}",
        ["Statistics"] = new JsonObject { ["Mean"] = mean, ["Median"] = mean },
    };

    [Test]
    public void SameRatiosOnASlowerMachineAreNoRegression()
    {
        var baseline = BenchmarkRun.Load(Report(100_000, ("EngineVerify", 104_000)));
        var slowerMachine = BenchmarkRun.Load(Report(150_000, ("EngineVerify", 156_000)));
        var comparison = BenchmarkComparison.Compare(baseline, slowerMachine);
        Assert.That(comparison.HasRegression, Is.False, comparison.ToMarkdown());
        Assert.That(comparison.Rows.Single(r => r.Benchmark.EndsWith("EngineVerify", StringComparison.Ordinal)).CurrentRatio, Is.EqualTo(1.04).Within(1e-9));
    }

    [Test]
    public void InjectedRegressionIsFlagged()
    {
        var baseline = BenchmarkRun.Load(Report(100_000, ("EngineVerify", 104_000), ("JoseJwt", 130_000)));
        var regressed = BenchmarkRun.Load(Report(100_000, ("EngineVerify", 125_000), ("JoseJwt", 131_000)));
        var comparison = BenchmarkComparison.Compare(baseline, regressed);
        Assert.That(comparison.HasRegression, Is.True);
        Assert.That(comparison.Rows.Where(r => r.Regressed).Select(r => r.Benchmark), Is.EqualTo(new[] { "Ect.Benchmarks.Benchmarks.VerificationBenchmarks.EngineVerify" }));
        Assert.That(comparison.ToMarkdown(), Does.Contain("REGRESSED"));
    }

    [Test]
    public void ThresholdDecidesWhatCounts()
    {
        var baseline = BenchmarkRun.Load(Report(100_000, ("EngineVerify", 100_000)));
        var current = BenchmarkRun.Load(Report(100_000, ("EngineVerify", 108_000)));
        Assert.That(BenchmarkComparison.Compare(baseline, current, 0.10).HasRegression, Is.False);
        Assert.That(BenchmarkComparison.Compare(baseline, current, 0.05).HasRegression, Is.True);
    }

    [Test]
    public void ReportWithoutTheFloorIsRefused()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "nofloor-report-full.json");
        File.WriteAllText(path, new JsonObject { ["Benchmarks"] = new JsonArray(Benchmark("X", "Y", 1)) }.ToJsonString());
        Assert.Throws<FormatException>(() => BenchmarkRun.Load(path));
    }
}
