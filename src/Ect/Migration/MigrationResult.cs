using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Ect.Errors;

namespace Ect.Migration;

/// <summary>The -01 header and payload, or the reason the -00 token cannot be migrated.</summary>
public sealed record MigrationResult(JsonObject? Header, JsonObject? Payload, EctError? Error)
{
    [MemberNotNullWhen(true, nameof(Header), nameof(Payload))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}
