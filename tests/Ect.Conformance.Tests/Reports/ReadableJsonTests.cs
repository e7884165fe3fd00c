using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reports;
using Ect.Conformance.Runner;
using Ect.Conformance.Tests.Runner;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Reports;

/// <summary>results.json stays within what jq 1.6 and Python's json module read, whatever an implementation echoes.</summary>
public class ReadableJsonTests
{
    private const int Deep = 20_000;

    private static readonly string DeepArray = new string('[', Deep) + new string(']', Deep);

    /// <summary>A reply as the runner reads it off a harness's stdout, so nodes are backed by parsed text as in a real run.</summary>
    private static JsonArray Reply(string payloadJson) =>
        ReplyReader.ParseRun("{\"seq\":1,\"results\":[{\"result\":\"valid\",\"payload\":" + payloadJson + "}]}", 1, null).Reply.Results!;

    [Test]
    public void DeepEchoIsElidedWithItsDepthSizeAndDigest()
    {
        var copy = ReadableJson.Copy(Reply("{\"x-deep\":" + DeepArray + "}"), "/actual", new List<ReadableJson.LoneSurrogate>())!;
        var marker = Descend(copy, out var depth);
        // The elided subtree starts at the first level past the bound: its own text is what is hashed.
        var kept = ReadableJson.MaxDepth - 3;
        var elidedText = new string('[', Deep - kept) + new string(']', Deep - kept);
        Assert.Multiple(() =>
        {
            Assert.That(depth, Is.EqualTo(ReadableJson.MaxDepth + 1));
            Assert.That(marker["elided"]!.GetValue<bool>(), Is.True);
            Assert.That(marker["depth"]!.GetValue<int>(), Is.EqualTo(Deep - kept));
            Assert.That(marker["bytes"]!.GetValue<int>(), Is.EqualTo(elidedText.Length));
            Assert.That(marker["sha256"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(elidedText)))));
        });
    }

    [Test]
    public void ShallowValuesAreCopiedUnchanged()
    {
        var source = Reply("{\"exec_act\":\"pr\\u00fcfe_\\ud834\\udd1e\",\"n\":1.50,\"a\":[true,null,{\"b\":[]}]}");
        var lone = new List<ReadableJson.LoneSurrogate>();
        var copy = ReadableJson.Copy(source, "/actual", lone)!;
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(copy, JsonNode.Parse(source.ToJsonString())), Is.True);
            Assert.That(copy[0]!["payload"]!["exec_act"]!.GetValue<string>(), Is.EqualTo("prüfe_\U0001D11E"));
            Assert.That(copy.ToJsonString(), Does.Contain("1.50"), "numbers keep their text");
            Assert.That(lone, Is.Empty);
        });
    }

    [Test]
    public void EscapedBackslashBeforeUIsTextNotASurrogate()
    {
        // The vectors' descriptions say "(\\ud800)": a backslash and five letters, kept as they are.
        var lone = new List<ReadableJson.LoneSurrogate>();
        var copy = ReadableJson.Copy(Reply("{\"d\":\"escape (\\\\ud800)\"}"), "/actual", lone)!;
        Assert.That(copy[0]!["payload"]!["d"]!.GetValue<string>(), Is.EqualTo("escape (\\ud800)"));
        Assert.That(lone, Is.Empty);
    }

    [Test]
    public void LoneSurrogateBecomesReplacementCharacterWithItsSourceKept()
    {
        var lone = new List<ReadableJson.LoneSurrogate>();
        var copy = ReadableJson.Copy(Reply("{\"exec_act\":\"review\\udc00spec\",\"x\":[\"a\",\"\\ud800\"]}"), "/actual", lone)!;
        Assert.Multiple(() =>
        {
            Assert.That(copy[0]!["payload"]!["exec_act"]!.GetValue<string>(), Is.EqualTo("review\uFFFDspec"));
            Assert.That(lone, Is.EqualTo(new[]
            {
                new ReadableJson.LoneSurrogate("/actual/0/payload/exec_act", "review\\udc00spec"),
                new ReadableJson.LoneSurrogate("/actual/0/payload/x/1", "\\ud800"),
            }));
        });
    }

    [Test]
    public async Task ResultsFileOfAHostileEchoIsShallowAndHasNoLoneSurrogateEscape()
    {
        var suite = TestFixtures.Vectors();
        // One run echoes the deep payload (reading and judging it is the runner's cost, not the report's), every run a lone surrogate.
        var deep = Reply("{\"x-s\":\"\\ud800\",\"x-deep\":" + DeepArray + "}");
        var implementation = new ScriptedImplementation(ScriptedImplementation.Declaring(), c => HarnessReply.FromResults(
            c["id"]!.GetValue<string>() == "verify::valid-root" ? deep : Reply("{\"x-s\":\"\\ud800\"}")));
        var results = await new ConformanceRunner().RunAsync(suite, TestFixtures.VectorsDir, implementation);
        var report = ConformanceReport.WithoutExpectations(results, suite);
        var path = Path.Combine(Path.GetTempPath(), $"ect-results-{Guid.NewGuid():N}.json");
        try
        {
            ResultsDocument.Write(report, path);
            var text = await File.ReadAllTextAsync(path);
            var deepRuns = results.Runs.Count(r => r.Run.Case.Id == "verify::valid-root");
            Assert.Multiple(() =>
            {
                // jq 1.6 stops at 256 levels; the document's own levels plus the bounded echo stay far below.
                Assert.That(() => JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = ReadableJson.MaxDepth + 8 }).Dispose(), Throws.Nothing);
                Assert.That(() => EveryString(text), Throws.Nothing, "a lone surrogate escape left in the document");
                // Bounded size: the deep run carries a marker (the runner's cut of the kept reply, or the document's elision), not the 40 KB echo.
                Assert.That(text.Length, Is.LessThan(results.Runs.Count * 4_000));
                Assert.That(Regex.Count(text, "\"elided\": ?true") + Regex.Count(text, "\"actual_cut\": ?\""), Is.EqualTo(deepRuns));
                SchemaValidator.AssertValid("results.schema.json", SchemaValidator.Parse(text));
            });
            var run = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!["runs"]!.AsArray().First(r => r!["declared"]!.GetValue<bool>())!;
            Assert.That(run["lone_surrogates"]![0]!["pointer"]!.GetValue<string>(), Is.EqualTo("/actual/0/payload/x-s"));
            Assert.That(run["lone_surrogates"]![0]!["text"]!.GetValue<string>(), Is.EqualTo("\\ud800"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void TheStringCheckCatchesALoneSurrogateEscape() =>
        Assert.That(() => EveryString("{\"a\":[\"\\ud834\\udd1e\",\"x\\udc00\"]}"), Throws.InvalidOperationException);

    /// <summary>Decodes every string and member name, which throws on an escape that is half a surrogate pair, as jq 1.6 refuses it.</summary>
    private static void EveryString(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 1000 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                _ = reader.GetString();
            }
        }
    }

    /// <summary>Follows the first child down to the deepest object and reports how many levels that took.</summary>
    private static JsonObject Descend(JsonNode node, out int depth)
    {
        depth = 1;
        while (true)
        {
            var child = node switch
            {
                JsonArray { Count: > 0 } a => a[0],
                JsonObject o when !o.ContainsKey("elided") => o.Last().Value,
                _ => null,
            };
            if (child is null)
            {
                return (JsonObject)node;
            }

            node = child;
            depth++;
        }
    }
}
