using System.Diagnostics.CodeAnalysis;
using Ect.Errors;

namespace Ect.Creation;

/// <summary>A signed compact token, or the reason the payload was refused.</summary>
public sealed record CreateResult(string? Token, EctError? Error)
{
    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}
