using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;

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
        var expected = vectorCase.Expected;
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

    private static (Outcome Outcome, string Detail, string? Error) EvaluateGuarded(VectorCase vectorCase, ExpectedResult expected, JsonNode? actual)
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

    private static (Outcome Outcome, string Detail, string? Error) EvaluateOne(VectorCase vectorCase, ExpectedResult expected, JsonNode? actualNode)
    {
        if (actualNode is not JsonObject actual || !JsonText.TryGetString(actual["result"], out var verdict)
            || verdict is not ("valid" or "invalid"))
        {
            return (Outcome.Errored, $"result is not {{\"result\": \"valid\"|\"invalid\", ...}}: {JsonText.Excerpt(actualNode, ExcerptChars)}", null);
        }

        var allowed = expected.Codes;
        if (verdict == "invalid")
        {
            var code = JsonText.TryGetString(actual["error"], out var c) ? c : "unknown";
            var shownCode = Truncate(code);
            var message = JsonText.TryGetString(actual["message"], out var text) ? $" ({Truncate(text)})" : "";
            if (expected.Verdict == ExpectedVerdict.Valid)
            {
                return (Outcome.Fail, $"expected valid, got invalid {shownCode}{message}", code);
            }

            return allowed.Count == 0 || allowed.Contains(code)
                ? (Outcome.Pass, "ok", code)
                : (Outcome.PassVerdict, $"rejected as expected, but with {shownCode}{message} instead of {string.Join(" or ", allowed)}", code);
        }

        if (expected.Verdict == ExpectedVerdict.Invalid)
        {
            return (Outcome.Fail, $"expected invalid ({string.Join(" or ", allowed)}), got valid", null);
        }

        var mismatch = CompareOutputs(vectorCase, expected, actual);
        return mismatch is null ? (Outcome.Pass, "ok", null) : (Outcome.Fail, mismatch, null);
    }

    private static string? CompareOutputs(VectorCase vectorCase, ExpectedResult expected, JsonObject actual)
    {
        if (vectorCase.Operation == CaseOperation.Create)
        {
            return CompareCreated(vectorCase, expected, actual);
        }

        foreach (var member in expected.OutputNames)
        {
            if (Differs(expected, member, actual[member]) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    /// <summary>ECDSA is randomised, so a created token is checked by verifying it and comparing its decoded parts.</summary>
    private static string? CompareCreated(VectorCase vectorCase, ExpectedResult expected, JsonObject actual)
    {
        if (!JsonText.TryGetString(actual["token"], out var token))
        {
            return "a valid create result needs a token";
        }

        if (vectorCase.Input["key"] is not JsonObject keyJson)
        {
            return "case has no input.key to check the signature with";
        }

        if (CreatedToken.TryOpen(token, keyJson, out var problem) is not { } created)
        {
            return problem;
        }

        return Differs(expected, "header", created.Header) ?? Differs(expected, "payload", created.Payload);
    }

    /// <summary>Null when the result is not held to <paramref name="member"/> or <paramref name="actual"/> equals it; else what differs.</summary>
    private static string? Differs(ExpectedResult expected, string member, JsonNode? actual)
    {
        if (!expected.HasOutput(member))
        {
            return null;
        }

        var wanted = expected.Output(member);
        return JsonEquality.DeepEquals(wanted, actual)
            ? null
            : $"{member} differs: expected {JsonText.Excerpt(wanted, ExcerptChars)}, got {JsonText.Excerpt(actual, ExcerptChars)}";
    }

    private static string Truncate(string text) => text.Length <= ExcerptChars ? text : string.Concat(text.AsSpan(0, ExcerptChars - 3), "...");
}
