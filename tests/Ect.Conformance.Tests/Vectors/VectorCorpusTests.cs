using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Vectors.Generation;
using Ect.Vectors.Output;

namespace Ect.Conformance.Tests.Vectors;

/// <summary>The corpus as a whole: schemas, ids, rules, flags, coverage, the bundle, and that the generator reproduces every committed file.</summary>
public class VectorCorpusTests
{
    private static IEnumerable<string> CaseFileNames() =>
        VectorSuite.CaseFiles(VectorRepository.VectorsDir).Select(f => Path.GetFileName(f)!);

    private static List<JsonObject> RuleList() =>
        VectorRepository.ReadYaml("rules.yaml")!["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    [TestCaseSource(nameof(CaseFileNames))]
    public void VectorFileMatchesItsSchema(string file) =>
        Assert.That(VectorRepository.SchemaProblems("vectors.schema.json", VectorRepository.ReadYaml(file)), Is.Empty);

    [Test]
    public void NotesMatchTheirSchema() =>
        Assert.That(VectorRepository.SchemaProblems("notes.schema.json", VectorRepository.ReadYaml("notes.yaml")), Is.Empty);

    [Test]
    public void RulesMatchTheirSchema() =>
        Assert.That(VectorRepository.SchemaProblems("rules.schema.json", VectorRepository.ReadYaml("rules.yaml")), Is.Empty);

    [Test]
    public void BundleMatchesItsSchema() =>
        Assert.That(VectorRepository.SchemaProblems("bundle.schema.json", JsonNode.Parse(File.ReadAllText(Path.Combine(VectorRepository.VectorsDir, "dist", "ect-vectors.json")))), Is.Empty);

    [Test]
    public void IdsAreUniqueAndNamedAfterTheirFile()
    {
        var cases = VectorRepository.Suite.Cases;
        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(cases.Count));
            Assert.That(cases.Where(c => c.Source != c.Topic + ".yaml").Select(c => c.Id), Is.Empty, "the first id segment names the file");
            Assert.That(cases.Where(c => c.Id.Split("::").Length < 3).Select(c => c.Id), Is.Empty, "ids are topic::group::name");
            Assert.That(cases, Has.Count.GreaterThan(300));
        });
    }

    [Test]
    public void EveryReferencedRuleExists()
    {
        var known = RuleList().Select(r => r["id"]!.GetValue<string>()).ToHashSet();
        var unknown = VectorRepository.Suite.Cases.SelectMany(c => c.Rules.Where(r => !known.Contains(r)).Select(r => $"{c.Id}: {r}")).ToList();
        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void EveryFlagIsExplained()
    {
        var notes = VectorRepository.ReadYaml("notes.yaml")!["flags"]!.AsObject();
        var used = VectorRepository.Suite.Cases.SelectMany(c => c.Flags).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(used.Where(f => !notes.ContainsKey(f)), Is.Empty, "flags without a note");
            Assert.That(notes.Select(n => n.Key).Where(f => !used.Contains(f)), Is.Empty, "notes no vector uses");
        });
    }

    [Test]
    public void EveryRuleIsCoveredBothWaysInEveryMode()
    {
        var gaps = new List<string>();
        foreach (var rule in RuleList())
        {
            var id = rule["id"]!.GetValue<string>();
            var failsIn = Strings(rule["fails_in"]);
            foreach (var mode in Strings(rule["modes"]))
            {
                var verdicts = VectorRepository.Suite.Cases.Where(c => c.Rules.Contains(id) && c.Drafts.Contains(mode)).SelectMany(Coverage.Verdicts).ToHashSet();
                if (!verdicts.Contains("valid"))
                {
                    gaps.Add($"{id}@{mode}: no must-pass case");
                }

                if (failsIn.Contains(mode) && !verdicts.Contains("invalid"))
                {
                    gaps.Add($"{id}@{mode}: no must-fail case");
                }
            }
        }

        Assert.That(gaps, Is.Empty);
    }

    [Test]
    public void EveryVerifyCaseHasOneExpectedResultPerToken()
    {
        var wrong = VectorRepository.Suite.Cases.Where(c => c.Operation == CaseOperation.Verify)
            .Where(c => c.Input["tokens"]!.AsArray().Count != c.Expected.Count).Select(c => c.Id).ToList();
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void LoadedInputsCarryEveryParameter()
    {
        var missing = VectorRepository.Suite.Cases
            .Where(c => c.Operation is CaseOperation.Verify or CaseOperation.Dag or CaseOperation.Create)
            .SelectMany(c =>
            {
                var defaults = c.Operation switch
                {
                    CaseOperation.Verify => ProfileDefaults.Verifier,
                    CaseOperation.Dag => ProfileDefaults.Dag,
                    _ => ProfileDefaults.Create,
                };
                var options = c.Input["options"]!.AsObject();
                return defaults.Where(d => !options.ContainsKey(d.Key) && !(d.Key == "max_pred_length" && options.ContainsKey("max_par_length")))
                    .Select(d => $"{c.Id}: {d.Key}");
            })
            .ToList();
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void DescriptionsStateFacts()
    {
        var modal = VectorRepository.Suite.Cases.Where(c => System.Text.RegularExpressions.Regex.IsMatch(c.Description, @"\b(should|test that)\b")).Select(c => c.Id);
        Assert.That(modal, Is.Empty);
    }

    [Test]
    public void BundleHashCoversItsCases()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(Path.Combine(VectorRepository.VectorsDir, "dist", "ect-vectors.json")))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(bundle["content_hash"]!.GetValue<string>(), Is.EqualTo(DocumentedContentHash(bundle["cases"]!.AsArray())));
            Assert.That(bundle["content_hash"]!.GetValue<string>(), Is.EqualTo(VectorRepository.Suite.ContentHash), "the folder and the bundle are one corpus");
            Assert.That(bundle["number_of_cases"]!.GetValue<int>(), Is.EqualTo(VectorRepository.Suite.Cases.Count));
        });
    }

    /// <summary>The bundle schema's words, step by step: each case without source, ordered by id, canonical JSON and a line feed, SHA-256.</summary>
    private static string DocumentedContentHash(JsonArray cases)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in cases.Select(c => c!.AsObject()).OrderBy(c => c["id"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            var copy = c.DeepClone().AsObject();
            copy.Remove("source");
            text.Append(System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(copy))).Append('\n');
        }

        return "sha-256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    [Test]
    public void GeneratorReproducesEveryCommittedFile()
    {
        var files = Corpus.Generate(VectorRepository.Root);
        Assert.That(Corpus.Differences(VectorRepository.Root, files), Is.Empty,
            "regenerate with: dotnet run --project src/Ect.Vectors -- generate");
    }

    [Test]
    public void GenerationIsDeterministic()
    {
        var first = Corpus.Generate(VectorRepository.Root);
        var second = Corpus.Generate(VectorRepository.Root);
        Assert.That(second, Is.EqualTo(first));
    }
}
