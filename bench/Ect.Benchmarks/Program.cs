using System.Globalization;
using BenchmarkDotNet.Running;
using Ect.Benchmarks.Benchmarks;
using Ect.Benchmarks.Tracking;

// `compare BASELINE CURRENT [--threshold PERCENT]` compares two runs; anything else goes to BenchmarkDotNet.
if (args.Length >= 1 && args[0] == "compare")
{
    if (args.Length is not (3 or 5) || (args.Length == 5 && args[3] != "--threshold"))
    {
        Console.Error.WriteLine("usage: compare BASELINE(.json|dir) CURRENT(.json|dir) [--threshold PERCENT]");
        return 2;
    }

    try
    {
        var threshold = args.Length == 5 ? double.Parse(args[4], CultureInfo.InvariantCulture) / 100 : 0.10;
        var comparison = BenchmarkComparison.Compare(BenchmarkRun.Load(args[1]), BenchmarkRun.Load(args[2]), threshold);
        Console.Write(comparison.ToMarkdown());
        return comparison.HasRegression ? 1 : 0;
    }
    catch (Exception e) when (e is FormatException or IOException or KeyNotFoundException or System.Text.Json.JsonException)
    {
        Console.Error.WriteLine($"compare: {e.Message}");
        return 2;
    }
}

BenchmarkSwitcher.FromAssembly(typeof(VerificationBenchmarks).Assembly).Run(args);
return 0;
