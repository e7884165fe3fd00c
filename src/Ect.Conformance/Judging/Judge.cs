using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;
using Ect.Keys;
using Ect.Parsing;
using Ect.Verification;

namespace Ect.Conformance.Judging;

/// <summary>
/// Decides each run from the case's expectations and the implementation's reply (harness protocol
/// §1 "Expected results" and §3). The implementation only reports what it observed; every
/// verdict is made here. Never throws for anything an implementation sends.
/// </summary>
public static class Judge
{
    // How much of a value a judgement's detail quotes: written only that far, however large the value.
    private const int ExcerptChars = 300;

    public static Judgement Evaluate(VectorCase vectorCase, HarnessReply reply)
    {
        ArgumentNullException.ThrowIfNull(vectorCase);
        ArgumentNullException.ThrowIfNull(reply);
        switch (reply.Kind)
        {
            case ReplyKind.Skipped:
                return new Judgement(Outcome.Skipped, reply.Message ?? "skipped by the implementation");
            case ReplyKind.Errored:
                return new Judgement(Outcome.Errored, reply.Message ?? "the implementation reported an error");
            case ReplyKind.Timeout:
                return new Judgement(Outcome.Timeout, reply.Message ?? "no reply in time");
            case ReplyKind.Crashed:
                return new Judgement(Outcome.Crashed, reply.Message ?? "the implementation stopped");
        }

        var actual = reply.Results!;
        var expected = ExpectedResults(vectorCase);
        if (actual.Count != expected.Count)
        {
            return new Judgement(Outcome.Errored, $"expected {expected.Count} result(s), the reply has {actual.Count}") { Actual = actual };
        }

        var worst = Outcome.Pass;
        var details = new List<string>();
        var errors = new List<string?>();
        for (var i = 0; i < expected.Count; i++)
        {
            var (outcome, detail, error) = EvaluateGuarded(vectorCase, expected[i], actual[i]);
            errors.Add(error);
            if (outcome != Outcome.Pass)
            {
                details.Add(expected.Count == 1 ? detail : $"result {i + 1}: {detail}");
            }

            worst = Outcomes.Severity(outcome) > Outcomes.Severity(worst) ? outcome : worst;
        }

        return new Judgement(worst, details.Count == 0 ? "ok" : string.Join("; ", details)) { Actual = actual, ActualErrors = errors };
    }

    /// <summary>The expected result objects, one per token for verify and exactly one otherwise.</summary>
    public static IReadOnlyList<JsonObject> ExpectedResults(VectorCase vectorCase)
    {
        ArgumentNullException.ThrowIfNull(vectorCase);
        if (CaseOperation.HasOneResultPerToken(vectorCase.Operation))
        {
            return vectorCase.Expected["results"] is JsonArray list
                ? list.Select(n => n as JsonObject ?? throw new FormatException($"{vectorCase.Id}: expected.results holds a non-object")).ToList()
                : throw new FormatException($"{vectorCase.Id}: a verify case needs expected.results");
        }

        return [vectorCase.Expected];
    }

    /// <summary>The error codes a rejection may carry: <c>error</c>, or the list <c>errors</c>.</summary>
    public static IReadOnlyList<string> AllowedErrors(JsonObject expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (expected["error"] is JsonValue single && single.TryGetValue<string>(out var code))
        {
            return [code];
        }

        return expected["errors"] is JsonArray many ? many.Select(n => n?.GetValue<string>() ?? "").ToList() : [];
    }

    private static (Outcome Outcome, string Detail, string? Error) EvaluateGuarded(VectorCase vectorCase, JsonObject expected, JsonNode? actual)
    {
        try
        {
            return EvaluateOne(vectorCase, expected, actual);
        }
        // ArgumentException: JsonNode.DeepEquals throws ArgumentOutOfRangeException on a number whose exponent does not fit an int.
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException or System.Security.Cryptography.CryptographicException)
        {
            return (Outcome.Errored, $"the reply could not be judged: {e.Message}", null);
        }
    }

    private static (Outcome Outcome, string Detail, string? Error) EvaluateOne(VectorCase vectorCase, JsonObject expected, JsonNode? actualNode)
    {
        if (actualNode is not JsonObject actual || !JsonText.TryGetString(actual["result"], out var verdict)
            || verdict is not ("valid" or "invalid"))
        {
            return (Outcome.Errored, $"result is not {{\"result\": \"valid\"|\"invalid\", ...}}: {JsonText.Excerpt(actualNode, ExcerptChars)}", null);
        }

        var expectedVerdict = expected["result"]?.GetValue<string>() ?? "";
        var allowed = AllowedErrors(expected);
        if (verdict == "invalid")
        {
            var code = JsonText.TryGetString(actual["error"], out var c) ? c : "unknown";
            var shownCode = Truncate(code);
            var message = JsonText.TryGetString(actual["message"], out var text) ? $" ({Truncate(text)})" : "";
            if (expectedVerdict == "valid")
            {
                return (Outcome.Fail, $"expected valid, got invalid {shownCode}{message}", code);
            }

            return allowed.Count == 0 || allowed.Contains(code)
                ? (Outcome.Pass, "ok", code)
                : (Outcome.PassVerdict, $"rejected as expected, but with {shownCode}{message} instead of {string.Join(" or ", allowed)}", code);
        }

        if (expectedVerdict == "invalid")
        {
            return (Outcome.Fail, $"expected invalid ({string.Join(" or ", allowed)}), got valid", null);
        }

        var mismatch = CompareOutputs(vectorCase, expected, actual);
        return mismatch is null ? (Outcome.Pass, "ok", null) : (Outcome.Fail, mismatch, null);
    }

    private static string? CompareOutputs(VectorCase vectorCase, JsonObject expected, JsonObject actual)
    {
        if (vectorCase.Operation == CaseOperation.Create)
        {
            return CompareCreated(vectorCase, expected, actual);
        }

        foreach (var member in new[] { "payload", "header", "tokens" })
        {
            if (expected.ContainsKey(member) && !JsonEquality.DeepEquals(expected[member], actual[member]))
            {
                return $"{member} differs: expected {JsonText.Excerpt(expected[member], ExcerptChars)}, got {JsonText.Excerpt(actual[member], ExcerptChars)}";
            }
        }

        return null;
    }

    /// <summary>ECDSA is randomised, so a created token is checked by verifying it and comparing its decoded parts.</summary>
    private static string? CompareCreated(VectorCase vectorCase, JsonObject expected, JsonObject actual)
    {
        if (!JsonText.TryGetString(actual["token"], out var token))
        {
            return "a valid create result needs a token";
        }

        var parsed = JwsParser.Parse(token, int.MaxValue);
        if (!parsed.Succeeded)
        {
            return $"created token does not parse: {parsed.Error}";
        }

        var jws = parsed.Value;

        if (vectorCase.Input["key"] is not JsonObject keyJson)
        {
            return "case has no input.key to check the signature with";
        }

        var publicKey = JsonWebKey.FromJson(System.Text.Json.JsonDocument.Parse(keyJson.ToJsonString()).RootElement).ToPublic();
        using (var key = new VerificationKey(publicKey.Kid ?? "", publicKey.ToECParameters()))
        {
            var signingInput = Encoding.ASCII.GetBytes(jws.SigningInput.ToString());
            if (Es256.CheckStructure(jws.Signature) is { } structural || !key.Verify(signingInput, jws.Signature))
            {
                return "created token's signature does not verify with the public part of input.key";
            }
        }

        var header = JsonNode.Parse(jws.Header);
        var payload = JsonNode.Parse(jws.Payload);
        if (expected.ContainsKey("header") && !JsonEquality.DeepEquals(expected["header"], header))
        {
            return $"header differs: expected {JsonText.Excerpt(expected["header"], ExcerptChars)}, got {JsonText.Excerpt(header, ExcerptChars)}";
        }

        if (expected.ContainsKey("payload") && !JsonEquality.DeepEquals(expected["payload"], payload))
        {
            return $"payload differs: expected {JsonText.Excerpt(expected["payload"], ExcerptChars)}, got {JsonText.Excerpt(payload, ExcerptChars)}";
        }

        return null;
    }

    private static string Truncate(string text) => text.Length <= ExcerptChars ? text : string.Concat(text.AsSpan(0, ExcerptChars - 3), "...");
}
