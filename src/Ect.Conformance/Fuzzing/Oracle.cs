using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Choices;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// The expected answer of a generated case. The reference engine answers it, observed
/// (<see cref="ProfileChoiceLog"/>): where its verification touched a choice the profile leaves
/// open, the result is <c>acceptable</c> (keeping the output an acceptance must give), and so is
/// every later token of the case, whose verdict can turn on that one; everywhere else the engine's
/// verdict and code are the profile's. The answer is a <see cref="VectorCase"/>, judged by
/// <see cref="Judging.Judge"/> exactly as a vector is.
/// </summary>
internal static class Oracle
{
    private static readonly JsonDocumentOptions Wire = new() { MaxDepth = 100_000 };

    /// <summary>The case with its expected result, or null when the case is not one the reference can run (a shrunk input, say).</summary>
    public static OracleAnswer? Ask(FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        JsonObject input;
        try
        {
            input = CaseRenderer.Render(fuzzCase);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }

        var probe = new VectorCase
        {
            Id = fuzzCase.Id,
            Description = fuzzCase.What.Description,
            Rules = fuzzCase.What.Rules,
            Drafts = [fuzzCase.Draft],
            Features = fuzzCase.Features,
            Operation = fuzzCase.Operation,
            Input = input,
            Expected = [ExpectedResult.Valid],
        };
        var request = new CaseRun(probe, fuzzCase.Draft).ToRequestCase();
        JsonArray results;
        var perToken = new List<ProfileChoice>();
        ProfileChoice touched;
        try
        {
            // Through JSON text, as a harness receives it (see ReferenceImplementation).
            var wire = JsonNode.Parse(JsonText.Serialize(request), documentOptions: Wire)!.AsObject();
            using var scope = ProfileChoiceLog.Observe();
            results = ReferenceEngine.Execute(wire, perToken);
            touched = scope.Touched;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        IReadOnlyList<ExpectedResult> expected;
        try
        {
            expected = ExpectedResult.ListFromJson(Expected(fuzzCase.Operation, results, perToken, touched), CaseOperation.HasOneResultPerToken(fuzzCase.Operation), "the reference's answer");
        }
        catch (FormatException)
        {
            // An answer no vector could expect (a verify case without tokens, say) is no case.
            return null;
        }

        var rules = fuzzCase.What.Rules.Concat(results.OfType<JsonObject>().Select(r => ErrorRules.Of(r["error"]?.GetValue<string>())).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(Reports.RuleIdComparer.Instance).ToList();
        return new OracleAnswer(probe with { Expected = expected, Rules = rules }, touched);
    }

    private static JsonObject Expected(string operation, JsonArray results, List<ProfileChoice> perToken, ProfileChoice touched)
    {
        if (!CaseOperation.HasOneResultPerToken(operation))
        {
            return ExpectedOne((JsonObject)results[0]!, touched != ProfileChoice.None);
        }

        // A choice the setup touched (none does today) counts from the first token on.
        var inTokens = perToken.Aggregate(ProfileChoice.None, (all, c) => all | c);
        var open = (touched & ~inTokens) != ProfileChoice.None;
        var list = new JsonArray();
        for (var i = 0; i < results.Count; i++)
        {
            open |= i < perToken.Count && perToken[i] != ProfileChoice.None;
            list.Add(ExpectedOne((JsonObject)results[i]!, open));
        }

        return new JsonObject { ["results"] = list };
    }

    private static JsonObject ExpectedOne(JsonObject result, bool open)
    {
        var expected = result.DeepClone().AsObject();
        expected.Remove("message");
        if (expected["token"] is JsonValue token && token.TryGetValue<string>(out var created))
        {
            // ECDSA is randomised: a created token is judged by its decoded parts (Judge.CompareCreated).
            var parts = created.Split('.');
            expected.Remove("token");
            expected["header"] = JsonNode.Parse(Ect.Parsing.Base64Url.Decode(parts[0]));
            expected["payload"] = JsonNode.Parse(Ect.Parsing.Base64Url.Decode(parts[1]));
        }

        if (!open)
        {
            return expected;
        }

        // Either verdict passes; an acceptance must still give the reference's output, a rejection may give any code.
        expected["result"] = "acceptable";
        expected.Remove("error");
        return expected;
    }
}
