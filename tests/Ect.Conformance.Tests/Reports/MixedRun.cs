using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Conformance.Runner;
using Ect.Conformance.Tests.Runner;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Reports;

/// <summary>A run of the fixture vectors that ends in every outcome there is, for the report and expectation tests.</summary>
internal static class MixedRun
{
    public static async Task<(VectorSuite Suite, RunResults Results)> RunAsync()
    {
        var suite = TestFixtures.Vectors();
        var reference = new ReferenceImplementation();
        var implementation = new ScriptedImplementation(
            ScriptedImplementation.Declaring(operations: ["verify", "dag", "create", "migrate"]),
            c => c["id"]!.GetValue<string>() switch
            {
                "dag::pred-not-found" => HarnessReply.FromResults([new JsonObject { ["result"] = "invalid", ["error"] = "unknown", ["message"] = "cannot tell" }]),
                "dag::pred-after-child-beyond-skew" => HarnessReply.FromResults([new JsonObject { ["result"] = "valid" }]),
                "dag::self-reference" => HarnessReply.Skipped("cycles not implemented"),
                "dag::duplicate-pred" => HarnessReply.Errored("the harness reported an error: KeyError 'pred' <script>"),
                "migrate::par-becomes-pred" => HarnessReply.Timeout("no reply within 5 s"),
                "migrate::sub-differs" => HarnessReply.Crashed("the harness exited with code 139 (signal 11)"),
                _ => reference.RunAsync(0, c, TimeSpan.Zero, default).Result,
            });
        var results = await new ConformanceRunner().RunAsync(suite, TestFixtures.VectorsDir, implementation);
        return (suite, results);
    }
}
