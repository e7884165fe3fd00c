using System.Diagnostics;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;
using Ect.Conformance.Subprocess;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Protocol;

/// <summary>The published protocol schemas describe what the runner sends and what known-good harnesses answer.</summary>
[Parallelizable(ParallelScope.All)]
public class ProtocolSchemaTests
{
    [Test]
    public void SchemasAreValidDraft202012()
    {
        // Loading compiles every schema; a wrong keyword or $ref shows up here.
        Assert.That(SchemaValidator.Names, Is.SupersetOf(new[]
        {
            "protocol/start-request.schema.json", "protocol/start-reply.schema.json", "protocol/run-request.schema.json",
            "protocol/run-reply.schema.json", "protocol/stop-request.schema.json", "results.schema.json", "expectations.schema.json",
        }));
        foreach (var name in SchemaValidator.Names)
        {
            Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(TestFixtures.SchemasDir, name)))!["$schema"]!.GetValue<string>(),
                Is.EqualTo("https://json-schema.org/draft/2020-12/schema"), name);
        }
    }

    [Test]
    public void EveryRequestTheRunnerSendsMatchesItsSchema()
    {
        SchemaValidator.AssertValid("protocol/start-request.schema.json", ProtocolRequests.Start());
        SchemaValidator.AssertValid("protocol/stop-request.schema.json", ProtocolRequests.Stop());
        long seq = 0;
        foreach (var run in TestFixtures.Vectors().Runs().Concat(TestFixtures.Robustness().Runs()))
        {
            SchemaValidator.AssertValid("protocol/run-request.schema.json", ProtocolRequests.Run(++seq, run.ToRequestCase()));
        }
    }

    [Test]
    public void ExpectedResultsAreNeverSent()
    {
        foreach (var run in TestFixtures.Vectors().Runs())
        {
            var request = ProtocolRequests.Run(1, run.ToRequestCase()).ToJsonString();
            var sent = JsonNode.Parse(request)!["case"]!.AsObject();
            Assert.Multiple(() =>
            {
                Assert.That(sent.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "operation", "input" }), run.Key);
                Assert.That(sent["input"]!["draft"]!.GetValue<string>(), Is.EqualTo(run.Draft));
                Assert.That(request, Does.Not.Contain("\"expected\"").And.Not.Contain("\"flags\"").And.Not.Contain("\"description\""));
                // The schema says the same, so a runner change that leaks them fails here too.
                Assert.That(SchemaValidator.Problems("protocol/run-request.schema.json",
                    ProtocolRequests.Run(1, WithExpected(run))), Is.Not.Empty);
            });
        }
    }

    [Test]
    public void RunRequestSchemaRejectsLeakedExpectations()
    {
        var run = TestFixtures.Vectors().Runs().First();
        Assert.That(SchemaValidator.Problems("protocol/run-request.schema.json", ProtocolRequests.Run(1, WithExpected(run))), Is.Not.Empty);
    }

    [TestCase("{\"seq\": 1, \"results\": [{\"result\": \"valid\"}]}", true)]
    [TestCase("{\"seq\": 1, \"results\": [{\"result\": \"invalid\", \"error\": \"replay\", \"message\": \"seen\"}]}", true)]
    [TestCase("{\"seq\": 1, \"skipped\": true, \"reason\": \"levels\"}", true)]
    [TestCase("{\"seq\": 1, \"errored\": true, \"message\": \"boom\"}", true)]
    [TestCase("{\"seq\": 1, \"results\": [{\"result\": \"invalid\"}]}", false)]
    [TestCase("{\"seq\": 1, \"results\": [], \"skipped\": true}", false)]
    [TestCase("{\"results\": []}", false)]
    [TestCase("{\"seq\": 1, \"results\": [{\"result\": \"maybe\"}]}", false)]
    public void RunReplySchema(string reply, bool valid) =>
        Assert.That(SchemaValidator.Problems("protocol/run-reply.schema.json", JsonNode.Parse(reply)), valid ? Is.Empty : Is.Not.Empty);

    [Test]
    public void ReferenceHarnessRepliesMatchTheSchemas() => AssertHarnessReplies(TestFixtures.CliHarness);

    [Test]
    public void PythonHarnessRepliesMatchTheSchemas()
    {
        if (!PythonHarnessAvailable())
        {
            Assert.Ignore("python3-jwt / python3-cryptography not installed (harnesses/python/install.sh)");
        }

        AssertHarnessReplies($"/usr/bin/python3 -B '{PythonHarnessPath()}'");
    }

    internal static string PythonHarnessPath()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "harnesses", "python", "harness.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // Built into an artifacts folder outside the checkout: find the checkout from the source file's place.
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "..", "harnesses", "python", "harness.py"));
    }

    internal static bool PythonHarnessAvailable()
    {
        if (!File.Exists("/usr/bin/python3") || !File.Exists(PythonHarnessPath()))
        {
            return false;
        }

        using var check = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import jwt.algorithms, cryptography"]) { RedirectStandardError = true })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static void AssertHarnessReplies(string commandLine)
    {
        var runs = TestFixtures.Vectors().Runs().ToList();
        var requests = new List<string> { ProtocolRequests.Start().ToJsonString() };
        requests.AddRange(runs.Select((run, i) => ProtocolRequests.Run(i + 1, run.ToRequestCase()).ToJsonString()));
        requests.Add(ProtocolRequests.Stop().ToJsonString());
        var words = CommandLine.TrySplit(commandLine)!;
        var info = new ProcessStartInfo(words[0], words.Skip(1)) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        process.StandardInput.Write(string.Join("\n", requests) + "\n");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(process.WaitForExit(30_000), Is.True);
        Assert.That(process.ExitCode, Is.Zero, stderr.Result);
        Assert.That(lines, Has.Length.EqualTo(runs.Count + 1), "one reply per request but stop");
        SchemaValidator.AssertValid("protocol/start-reply.schema.json", SchemaValidator.Parse(lines[0]));
        foreach (var line in lines.Skip(1))
        {
            SchemaValidator.AssertValid("protocol/run-reply.schema.json", SchemaValidator.Parse(line));
        }
    }

    private static JsonObject WithExpected(CaseRun run)
    {
        var leaked = run.ToRequestCase();
        leaked["expected"] = run.Case.ExpectedJson();
        return leaked;
    }
}
