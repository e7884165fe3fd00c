using System.Diagnostics.CodeAnalysis;
using Ect.Errors;

namespace Ect.Transport;

/// <summary>The tokens of the <c>Execution-Context</c> fields in field order, or the error for the first member that is not a compact JWS.</summary>
public sealed class HeaderParseResult
{
    private HeaderParseResult(IReadOnlyList<string>? tokens, EctError? error)
    {
        Tokens = tokens;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Tokens))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public IReadOnlyList<string>? Tokens { get; }

    public EctError? Error { get; }

    internal static HeaderParseResult Parsed(IReadOnlyList<string> tokens) => new(tokens, null);

    internal static HeaderParseResult Refused(EctError error) => new(null, error);

    public override string ToString() => Succeeded ? $"{Tokens.Count} token(s)" : $"refused: {Error}";
}
