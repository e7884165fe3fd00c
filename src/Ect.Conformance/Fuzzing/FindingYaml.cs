using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Fuzzing;

/// <summary>A finding as a vector file of one case, in the vectors' own YAML, ready to review and to load with <c>run --vectors</c>.</summary>
internal static class FindingYaml
{
    public static string Write(Finding finding, string replayCommand)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return YamlWriter.WriteDocument(new JsonArray(finding.Case.ToJson()),
            $"A disagreement found by ect-conformance fuzz: {finding.Key}.\nReplay the campaign: {replayCommand}\n"
            + "To keep it, add the case to a topic generator in src/Ect.Vectors/Topics/ and regenerate (README, \"Fuzzing your implementation\").");
    }
}
