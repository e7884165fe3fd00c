using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Fuzzing;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// A campaign on several in-process instances evaluates cases on every core at once; the same
/// seed must still give the same cases, judgements, findings (in the same order, shrunk the same
/// way) and report as on one instance, and its budget must count exactly the cases it ran.
/// </summary>
public sealed class ParallelCampaignTests
{
    // Slips that several generators reach, so a few hundred cases raise several distinct findings.
    private static readonly string[] IgnoredCodes = ["expired", "aud_mismatch", "iat_too_old", "dag_pred_not_found", "typ_invalid"];

    [Test]
    public async Task SeveralInstancesGiveTheCampaignOfOne()
    {
        var settings = new FuzzSettings { Seed = 7, MaxCases = 500, ReplayCommand = "ect-conformance fuzz --impl x --seed 7" };
        var one = await TraceAsync(settings, instances: 1);
        var two = await TraceAsync(settings, instances: 2);
        var five = await TraceAsync(settings, instances: 5);
        Assert.Multiple(() =>
        {
            Assert.That(one.Report["cases"]!.GetValue<long>(), Is.EqualTo(500));
            Assert.That(one.Report["findings"]!.AsArray(), Has.Count.GreaterThanOrEqualTo(3), "the slips are found, so the order of findings is tested");
            Assert.That(two.Cases, Is.EqualTo(one.Cases), "the cases, in order, with their answers and judgements (two instances)");
            Assert.That(two.Report.ToJsonString(), Is.EqualTo(one.Report.ToJsonString()), "the report, findings shrunk (two instances)");
            Assert.That(five.Cases, Is.EqualTo(one.Cases), "more instances than cores");
            Assert.That(five.Report.ToJsonString(), Is.EqualTo(one.Report.ToJsonString()), "more instances than cores");
        });
    }

    [Test]
    public async Task ATimeBoundCountsEveryCaseItRanAndNoneAfter()
    {
        var counting = new[] { new CountingReference(), new CountingReference() };
        var indexes = new List<long>();
        var campaign = new FuzzCampaign(new FuzzSettings { Seed = 3, Duration = TimeSpan.FromMilliseconds(300), Shrink = false })
        {
            Progress = (index, _) => indexes.Add(index),
        };
        var report = await campaign.RunAsync(counting);
        Assert.Multiple(() =>
        {
            Assert.That(report.Cases, Is.GreaterThan(0));
            Assert.That(counting.Sum(c => c.Asked), Is.EqualTo(report.Cases), "every case sent to an instance is counted, and no other");
            Assert.That(indexes, Is.EqualTo(Enumerable.Range(0, (int)report.Cases).Select(i => (long)i)), "the cases counted are the first ones, in order");
        });
    }

    [Test]
    public async Task ARuleNoGeneratorAimsAtStopsAParallelCampaignWithTheSameError()
    {
        await using var a = new ReferenceImplementation();
        await using var b = new ReferenceImplementation();
        var report = await new FuzzCampaign(new FuzzSettings { Seed = 1, MaxCases = 10, Operations = ["migrate"], Rules = ["HDR-2"] }).RunAsync([a, b]);
        Assert.Multiple(() =>
        {
            Assert.That(report.StartError, Does.Contain("no generator aims at HDR-2"));
            Assert.That(report.ExitCode(strictDiagnosis: false), Is.EqualTo(2));
        });
    }

    /// <summary>Every case a campaign judged, as text, and its JSON report without durations or signature bytes.</summary>
    private static async Task<(string Cases, JsonObject Report)> TraceAsync(FuzzSettings settings, int instances)
    {
        var lines = new StringBuilder();
        var slips = Enumerable.Range(0, instances).Select(_ => new ReferenceWithSlip((_, result) => IgnoredCodes.Contains(result["error"]?.GetValue<string>()))).ToList();
        var campaign = new FuzzCampaign(settings)
        {
            Progress = (index, probe) => lines.Append(index).Append(' ').Append(probe.Generated.Id).Append(' ').Append(probe.Generated.Recipe.ToJsonString()).Append(' ')
                .Append(Signatures.WithoutSignatures(probe.Answer.Case.ExpectedJson())!.ToJsonString()).Append(' ').Append(probe.Answer.Touched).Append(' ')
                .Append(probe.Judgement.Outcome).Append(' ').Append(probe.Key?.ToString() ?? "-").Append('\n'),
        };
        var report = await campaign.RunAsync(slips);
        var json = Signatures.WithoutSignatures(FuzzReportWriter.Json(report, strictDiagnosis: false))!.AsObject();
        json.Remove("duration_ms");
        return (lines.ToString(), json);
    }
}
