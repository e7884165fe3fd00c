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
/// verdict is the profile's, and so is its code, beside the others <see cref="RightCodes"/> finds
/// where the profile fixes no order between two broken rules. The answer is a <see cref="VectorCase"/>,
/// judged by <see cref="Judging.Judge"/> exactly as a vector is.
/// </summary>
internal static class Oracle
{
    private static readonly JsonDocumentOptions Wire = new() { MaxDepth = 100_000 };

    /// <summary>The case with its expected result, or null when the case is not one the reference can run (a shrunk input, say).</summary>
    public static OracleAnswer? Ask(FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        if (Render(fuzzCase) is not { } input)
        {
            return null;
        }

        var probe = Probe(fuzzCase, input);
        JsonArray results;
        var perToken = new List<ProfileChoice>();
        ProfileChoice touched;
        try
        {
            using var scope = ProfileChoiceLog.Observe();
            results = Execute(probe, fuzzCase.Draft, perToken);
            touched = scope.Touched;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        IReadOnlyList<ExpectedResult> expected;
        try
        {
            var json = Expected(fuzzCase, input, results, perToken, touched);
            expected = ExpectedResult.ListFromJson(json, CaseOperation.HasOneResultPerToken(fuzzCase.Operation), "the reference's answer");
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

    /// <summary>The reference's results for a variant of a case, unobserved; null when it cannot be run.</summary>
    private static JsonArray? ResultsOf(FuzzCase variant)
    {
        if (Render(variant) is not { } input)
        {
            return null;
        }

        try
        {
            return Execute(Probe(variant, input), variant.Draft, null);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonObject? Render(FuzzCase fuzzCase)
    {
        try
        {
            return CaseRenderer.Render(fuzzCase);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static VectorCase Probe(FuzzCase fuzzCase, JsonObject input) => new()
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

    private static JsonArray Execute(VectorCase probe, string draft, List<ProfileChoice>? perToken)
    {
        // Through JSON text, as a harness receives it (see ReferenceImplementation).
        var request = new CaseRun(probe, draft).ToRequestCase();
        var wire = JsonNode.Parse(JsonText.Serialize(request), documentOptions: Wire)!.AsObject();
        return ReferenceEngine.Execute(wire, perToken);
    }

    private static JsonObject Expected(FuzzCase fuzzCase, JsonObject input, JsonArray results, List<ProfileChoice> perToken, ProfileChoice touched)
    {
        if (!CaseOperation.HasOneResultPerToken(fuzzCase.Operation))
        {
            return ExpectedOne(fuzzCase, input, 0, (JsonObject)results[0]!, touched != ProfileChoice.None);
        }

        // A choice the setup touched (none does today) counts from the first token on.
        var inTokens = perToken.Aggregate(ProfileChoice.None, (all, c) => all | c);
        var open = (touched & ~inTokens) != ProfileChoice.None;
        var list = new JsonArray();
        for (var i = 0; i < results.Count; i++)
        {
            open |= i < perToken.Count && perToken[i] != ProfileChoice.None;
            var before = i;
            list.Add(ExpectedOne(fuzzCase, input, i, (JsonObject)results[i]!, open, jti => AcceptedBefore(input, results, before, jti)));
        }

        return new JsonObject { ["results"] = list };
    }

    /// <summary>Whether a token before <paramref name="index"/> with this <c>jti</c> was accepted.</summary>
    private static bool AcceptedBefore(JsonObject input, JsonArray results, int index, string jti)
    {
        for (var i = 0; i < index && i < results.Count; i++)
        {
            if (JsonText.TryGetString(results[i]?["result"], out var verdict) && verdict == "valid"
                && JsonText.TryGetString(results[i]?["payload"]?["jti"], out var accepted) && accepted == jti)
            {
                return true;
            }
        }

        return false;
    }

    private static JsonObject ExpectedOne(FuzzCase fuzzCase, JsonObject input, int index, JsonObject result, bool open, Func<string, bool>? acceptedEarlier = null)
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
            if (JsonText.TryGetString(result["error"], out var code))
            {
                var codes = RightCodes.For(fuzzCase, input, index, code, JsonText.TryGetString(result["message"], out var message) ? message : null, ResultsOf, acceptedEarlier);
                if (codes.Count > 1)
                {
                    expected.Remove("error");
                    expected["errors"] = new JsonArray(codes.Select(c => (JsonNode?)c).ToArray());
                }
            }

            return expected;
        }

        // Either verdict passes; an acceptance must still give the reference's output, a rejection may give any code.
        expected["result"] = "acceptable";
        expected.Remove("error");
        return expected;
    }
}
