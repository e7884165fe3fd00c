using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Conformance.Reports;
using Ect.Conformance.Runner;
using Ect.Conformance.Tests.Runner;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Site;

/// <summary>
/// Results documents for the site tests, written by the real runner on the fixture vectors: the
/// reference engine (all pass), and a scripted implementation that accepts the alg-none forgery,
/// gives a vague code on one DAG case and skips another, run twice (its history).
/// </summary>
internal sealed class SiteFixture : IDisposable
{
    public const string Forgery = "verify::alg-none@01";

    public const string Vague = "dag::pred-not-found@01";

    public const string Declined = "dag::self-reference@01";

    private SiteFixture(string dir) => Dir = dir;

    public string Dir { get; }

    public string Reference => Path.Combine(Dir, "reference.json");

    /// <summary>The scripted implementation's first run, one hour before <see cref="Lax"/> and passing everything.</summary>
    public string LaxEarlier => Path.Combine(Dir, "lax-earlier.json");

    public string Lax => Path.Combine(Dir, "lax.json");

    /// <summary>The fixture vectors with a note for alg-none, so bug types have something to name.</summary>
    public static VectorSuite Corpus() =>
        VectorSuite.FromCases(TestFixtures.Vectors().Cases, "9.9.9", new Dictionary<string, FlagNote>
        {
            ["alg-none"] = new("alg-none", FlagNote.AuthBypass, "alg none tokens", "anyone can forge a token", []),
        });

    public static async Task<SiteFixture> CreateAsync()
    {
        var fixture = new SiteFixture(Directory.CreateTempSubdirectory("ect-site-").FullName);
        var suite = Corpus();
        var reference = new ReferenceImplementation();
        await WriteAsync(suite, reference, fixture.Reference, null);

        var info = ScriptedImplementation.Declaring(operations: ["verify", "dag", "create", "migrate"]);
        await WriteAsync(suite, new ScriptedImplementation(info, c => reference.RunAsync(0, c, TimeSpan.Zero, default).Result), fixture.LaxEarlier, TimeSpan.FromHours(-1));
        var lax = new ScriptedImplementation(info, c => c["id"]!.GetValue<string>() switch
        {
            "verify::alg-none" => HarnessReply.FromResults([new JsonObject { ["result"] = "valid" }]),
            "dag::pred-not-found" => HarnessReply.FromResults([new JsonObject { ["result"] = "invalid", ["error"] = "unknown" }]),
            "dag::self-reference" => HarnessReply.Skipped("cycles not implemented"),
            _ => reference.RunAsync(0, c, TimeSpan.Zero, default).Result,
        });
        await WriteAsync(suite, lax, fixture.Lax, null);
        return fixture;
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);

    private static async Task WriteAsync(VectorSuite suite, IImplementation implementation, string path, TimeSpan? shift)
    {
        var results = await new ConformanceRunner().RunAsync(suite, TestFixtures.VectorsDir, implementation);
        var json = ResultsDocument.ToJson(ConformanceReport.WithoutExpectations(results, suite));
        if (shift is { } by)
        {
            var started = DateTimeOffset.Parse(json["run_info"]!["started"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            json["run_info"]!["started"] = started.Add(by).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        }

        await File.WriteAllTextAsync(path, json.ToJsonString());
    }
}
