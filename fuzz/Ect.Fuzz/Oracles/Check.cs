namespace Ect.Fuzz.Oracles;

/// <summary>Assertions for oracles. The message is built only on failure: the fuzzer runs these thousands of times a second.</summary>
public static class Check
{
    public static void That(bool condition, Func<string> message)
    {
        if (!condition)
        {
            throw new OracleViolationException(message());
        }
    }

    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new OracleViolationException(message);
        }
    }

    /// <summary>Text shortened for a failure message.</summary>
    public static string Show(string? text) =>
        text is null ? "null" : text.Length <= 160 ? $"\"{text}\"" : $"\"{text[..157]}...\" ({text.Length} chars)";
}
