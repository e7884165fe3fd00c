using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;
using Ect.Conformance.Judging;
using Ect.Conformance.Reference;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>Whole campaigns in process: the reference agrees with itself, a planted slip is found, shrunk, and written as a loadable vector.</summary>
public sealed class CampaignTests
{
    [Test]
    public async Task TheReferenceAgreesWithItselfOnAFixedSeed()
    {
        await using var reference = new ReferenceImplementation();
        var report = await new FuzzCampaign(new FuzzSettings { Seed = 20_260_101, MaxCases = 600 }).RunAsync(reference);
        Assert.Multiple(() =>
        {
            Assert.That(report.Findings, Is.Empty, string.Join("\n", report.Findings.Select(f => f.Key + ": " + f.Detail)));
            Assert.That(report.Cases, Is.EqualTo(600), "every generated case is one the reference can run");
            Assert.That(report.Acceptable, Is.GreaterThan(0), "some cases touch a choice the profile leaves open");
            Assert.That(report.Operations, Is.EquivalentTo(CaseOperation.All));
            Assert.That(report.ExitCode(strictDiagnosis: true), Is.Zero);
        });
    }

    [Test]
    public async Task ARuleNoGeneratorAimsAtIsAnErrorNamingItNotAnEmptyCampaign()
    {
        await using var reference = new ReferenceImplementation();
        var report = await new FuzzCampaign(new FuzzSettings { Seed = 1, MaxCases = 10, Operations = [CaseOperation.Migrate], Rules = ["HDR-2"] }).RunAsync(reference);
        Assert.Multiple(() =>
        {
            Assert.That(report.StartError, Does.Contain("no generator aims at HDR-2").And.Contain("migrate"));
            Assert.That(report.Cases, Is.Zero);
            Assert.That(report.ExitCode(strictDiagnosis: false), Is.EqualTo(2), "could not run");
        });
    }

    [Test]
    public async Task ThePlantedSlipIsFoundShrunkAndWrittenAsAVectorThatLoads()
    {
        await using var slip = ReferenceWithSlip.Ignoring("expired");
        var report = await new FuzzCampaign(new FuzzSettings { Seed = 1, MaxCases = 400, ReplayCommand = "ect-conformance fuzz --impl x --seed 1" }).RunAsync(slip);
        var finding = report.Findings.Single(f => f.Key.Kind == DisagreementKind.Verdict);
        Assert.Multiple(() =>
        {
            Assert.That(finding.Key.Expected, Is.EqualTo("invalid expired"));
            Assert.That(finding.Key.Actual, Is.EqualTo("valid"));
            Assert.That(finding.Key.Rule, Is.EqualTo("TIME-1"));
            Assert.That(finding.Case.Id, Does.StartWith("fuzz::verify::"));
            Assert.That(finding.Case.Description, Does.Contain("seed 1").And.Contain("ect-conformance fuzz --impl x --seed 1 --cases"));
            Assert.That(report.ExitCode(strictDiagnosis: false), Is.EqualTo(1));
        });

        var tokens = finding.Case.Input["tokens"]!.AsArray();
        var payload = System.Text.Json.Nodes.JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(tokens[0]!.GetValue<string>().Split('.')[1]))!.AsObject();
        Assert.That(tokens, Has.Count.EqualTo(1), "shrunk to one token");
        Assert.That(payload.Count, Is.LessThanOrEqualTo(8), "shrunk to the claims verification needs: " + payload.ToJsonString());

        // The YAML is a vector file the suite loads, and the reference passes it, as every vector.
        var dir = Directory.CreateTempSubdirectory("ect-fuzz-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, FuzzReportWriter.FileName(finding)), FindingYaml.Write(finding, report.ReplayCommand));
            var suite = VectorSuite.Load(dir);
            var loaded = suite.Cases.Single();
            Assert.That(loaded.Id, Is.EqualTo(finding.Case.Id));
            Assert.That(loaded.ExpectedJson().ToJsonString(), Is.EqualTo(finding.Case.ExpectedJson().ToJsonString()));
            await using var reference = new ReferenceImplementation();
            var results = await new ConformanceRunner().RunAsync(suite, dir, reference);
            Assert.That(results.Runs.Select(r => r.Judgement.Outcome), Has.All.EqualTo(Outcome.Pass));
            await using var again = ReferenceWithSlip.Ignoring("expired");
            var slipResults = await new ConformanceRunner().RunAsync(suite, dir, again);
            Assert.That(slipResults.Runs.Select(r => r.Judgement.Outcome), Has.All.EqualTo(Outcome.Fail), "the vector catches the slip");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void TheSameSeedDrawsTheSameCases()
    {
        var generator = new CaseGenerator([], []);
        string Draw(ulong seed, long index) => generator.Generate(new Random(FuzzCampaign.CaseSeed(seed, index)), "fuzz::x::y").Recipe.ToJsonString();
        Assert.Multiple(() =>
        {
            var first = Draw(5, 17);
            Assert.That(Draw(5, 17), Is.EqualTo(first));
            Assert.That(Draw(5, 17), Is.Not.EqualTo(Draw(5, 18)));
            Assert.That(Draw(5, 17), Is.Not.EqualTo(Draw(6, 17)));
        });
    }
}
