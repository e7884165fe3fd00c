namespace Ect.Conformance.Cases;

/// <summary>The operations a case can ask of an implementation (harness protocol §1).</summary>
public static class CaseOperation
{
    public const string Verify = "verify";
    public const string Dag = "dag";
    public const string Create = "create";
    public const string Migrate = "migrate";
    public const string HttpHeader = "http-header";

    public static IReadOnlyList<string> All { get; } = [Verify, Dag, Create, Migrate, HttpHeader];

    /// <summary>Operations whose reply holds one result per token; the others hold exactly one.</summary>
    public static bool HasOneResultPerToken(string operation) => operation == Verify;
}
