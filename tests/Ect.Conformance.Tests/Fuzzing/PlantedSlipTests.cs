using Ect.Conformance.Fuzzing;
using Ect.Conformance.Protocol;
using Ect.Conformance.Subprocess;
using Ect.Conformance.Tests.Vectors;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// The slip harnesses of <c>tests/harness-slips</c> (the Python example with one planted slip each,
/// listed in <c>slips.txt</c> as name, operation, rule and description): a fixed seed and budget of
/// fuzzing aimed at the slip's operation and rule finds a verdict disagreement and shrinks it; the
/// harness that takes the other side of every open choice raises none.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class PlantedSlipTests
{
    private const ulong Seed = 1;
    private const int Budget = 150;

    /// <summary>Slips these generators do not reach within the budget yet, and why; each is work for a generator.</summary>
    private static readonly Dictionary<string, string> NotYetFound = new(StringComparer.Ordinal)
    {
        ["token-size-in-characters"] = "a diagnosis only: a token is ASCII, so a count in characters differs from one in bytes only on garbage, which is malformed either way",
        ["replay-not-recorded"] = "a diagnosis only here: the ledger still refuses the second presentation, as dag_duplicate_jti",
    };

    /// <summary>
    /// Slips whose own operation shows them only as a wrong code, and another operation running the
    /// slipped code where the verdict is wrong: the fuzzing of such a slip covers both.
    /// </summary>
    private static readonly Dictionary<string, string> AlsoThrough = new(StringComparer.Ordinal)
    {
        // dag still refuses the duplicate the length check no longer counts, as dag_duplicate_pred;
        // create shares the length check (CRT-3) and has no such later check.
        ["pred-length-counts-distinct"] = "create",
    };

    private static string SlipsDir => Path.Combine(VectorRepository.Root, "tests", "harness-slips");

    /// <summary>Every slip of slips.txt the generators reach; none when the slip harnesses are not in this checkout.</summary>
    public static IEnumerable<TestCaseData> Slips()
    {
        var table = Path.Combine(SlipsDir, "slips.txt");
        if (!File.Exists(table))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(table).Where(l => l.Trim().Length > 0))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 3 && !NotYetFound.ContainsKey(fields[0]))
            {
                yield return new TestCaseData(fields[0], fields[1], fields[2]).SetName($"Slip({fields[0]})");
            }
        }
    }

    [TestCaseSource(nameof(Slips))]
    public async Task TheSlipIsFoundAndShrunk(string slip, string operation, string rule)
    {
        string[] operations = AlsoThrough.TryGetValue(slip, out var also) ? [operation, also] : [operation];
        var report = await Fuzz(slip, new FuzzSettings { Seed = Seed, MaxCases = Budget, Operations = operations, Rules = [rule], ShrinkBudget = 400 });
        var found = report.Findings.Where(f => f.Key.Kind == DisagreementKind.Verdict).ToList();
        Assert.That(found, Is.Not.Empty, $"{slip}: no verdict disagreement in {report.Cases} cases ({report.StartError})");
        var smallest = found.MinBy(f => JsonText.Serialize(f.Case.Input).Length)!;
        Assert.That(JsonText.Serialize(smallest.Case.Input).Length, Is.LessThanOrEqualTo(JsonText.Serialize(smallest.Original.Input).Length), "shrinking never grows a case");
        Assert.That(smallest.Case.Input["tokens"]?.AsArray().Count ?? 1, Is.LessThanOrEqualTo(2), $"{slip}: shrunk to one or two tokens");
    }

    [Test]
    public void AtLeastTenSlipsAreInTheTableWhenTheSlipHarnessesAreHere()
    {
        var count = Slips().Count();
        Assert.That(count == 0 || count >= 10, Is.True, $"{count} slips to find");
    }

    [Test]
    public async Task TheOtherSideOfEveryOpenChoiceRaisesNoVerdictDisagreement()
    {
        if (!File.Exists(Path.Combine(SlipsDir, "slip_harness.py")))
        {
            // Without the slip harnesses the same holds of the Python example itself.
            var plain = await Fuzz(null, new FuzzSettings { Seed = Seed, MaxCases = 300 });
            Assert.That(plain.Findings.Where(f => f.Key.Kind != DisagreementKind.Diagnosis), Is.Empty, Describe(plain));
            return;
        }

        // 3,000 cases, not fewer: the two choices the engine came to report last (a null optional claim,
        // an empty crit) first raised a false alarm only past case 600 of this seed.
        const int cases = 3000;
        var report = await Fuzz("other-side", new FuzzSettings { Seed = Seed, MaxCases = cases });
        Assert.That(report.Findings.Where(f => f.Key.Kind != DisagreementKind.Diagnosis), Is.Empty, Describe(report));
        Assert.That(report.Cases, Is.EqualTo(cases));
    }

    private static async Task<FuzzReport> Fuzz(string? slip, FuzzSettings settings)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var command = slip is null
            ? $"{python} -B '{Path.Combine(VectorRepository.Root, "harnesses", "python", "harness.py")}'"
            : $"{python} -B '{Path.Combine(SlipsDir, "slip_harness.py")}' {slip}";
        await using var harness = new SubprocessImplementation(command, new SubprocessOptions { StartTimeout = TimeSpan.FromSeconds(60) });
        return await new FuzzCampaign(settings with { Timeout = TimeSpan.FromSeconds(20) }).RunAsync(harness);
    }

    private static string Describe(FuzzReport report) =>
        report.StartError ?? string.Join("\n", report.Findings.Select(f => $"{f.Key}: {f.Detail}"));
}
