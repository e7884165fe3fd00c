using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;

namespace Ect.Fuzz.Targets;

/// <summary>
/// The YAML vector loader and what runs a loaded case. The input is a vector file. Asserts:
/// <see cref="YamlJson.Parse"/> and <see cref="VectorSuite.ParseFile"/> fail only with
/// <see cref="FormatException"/> (their documented refusal); the JSON a file reads as reads the
/// same when written as JSON and loaded again (JSON is YAML 1.2, and the bundle is that JSON);
/// and every loaded case runs on the reference engine (which refuses an unusable case with
/// <see cref="FormatException"/>) and its reply is judged without an exception.
/// </summary>
public sealed class YamlTarget : IFuzzTarget
{
    /// <summary>A fuzzed file may hold many cases; a few are enough to reach the engine, and the rest would only slow the fuzzer.</summary>
    private const int MaxCasesRun = 4;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "yaml";

    public string Description => "YamlJson.Parse / VectorSuite.ParseFile on a vector file, JSON round trip, then ReferenceEngine.Execute and Judge.Evaluate per case";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll", "Ect.Conformance.dll", "YamlDotNet.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["yaml.dict", "ect.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var yaml = Encoding.UTF8.GetString(input);
        JsonNode? json;
        try
        {
            json = YamlJson.Parse(yaml, "fuzz.yaml");
        }
        catch (FormatException)
        {
            return;
        }

        CheckJsonRoundTrip(json);

        IReadOnlyList<VectorCase> cases;
        try
        {
            cases = VectorSuite.ParseFile(yaml, "fuzz.yaml");
        }
        catch (FormatException)
        {
            return;
        }

        foreach (var vectorCase in cases.Take(MaxCasesRun))
        {
            foreach (var run in vectorCase.Runs())
            {
                RunCase(run);
            }
        }
    }

    private static void CheckJsonRoundTrip(JsonNode? json)
    {
        var text = json?.ToJsonString(Relaxed) ?? "null";
        JsonNode? again;
        try
        {
            again = YamlJson.Parse(text, "fuzz.json");
        }
        catch (FormatException e)
        {
            throw new OracleViolationException($"the file reads as {Check.Show(text)}, which the loader refuses as JSON: {e.Message}", e);
        }

        // Compared as text: JsonNode.DeepEquals throws on numbers whose exponent does not fit an int (1e99999999999).
        var textAgain = again?.ToJsonString(Relaxed) ?? "null";
        Check.That(textAgain == text, () => $"the file reads as {Check.Show(text)}, which reads back as {Check.Show(textAgain)}");
    }

    private static void RunCase(CaseRun run)
    {
        HarnessReply reply;
        try
        {
            reply = HarnessReply.FromResults(ReferenceEngine.Execute(run.ToRequestCase()));
        }
        catch (FormatException e)
        {
            reply = HarnessReply.Errored(e.Message);
        }

        try
        {
            _ = Judge.Evaluate(run.Case, reply);
        }
        catch (FormatException)
        {
            // Nothing the reply did: the judge throws FormatException only for a case it cannot read.
        }
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => YamlSeeds.For(source);
}
