using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ect.Model;

/// <summary>
/// The claims of one ECT, typed. <see cref="Json"/> holds the payload exactly as it was read
/// (for a -00 token verified in mode 01, the migrated payload), so unknown claims and the
/// extension object stay available without being parsed on the hot path.
/// </summary>
public sealed class EctPayload
{
    public required string Issuer { get; init; }

    public required IReadOnlyList<string> Audience { get; init; }

    public required long IssuedAt { get; init; }

    public required long ExpiresAt { get; init; }

    public required string Jti { get; init; }

    /// <summary>The workflow id (<c>wid</c>), or null when absent.</summary>
    public string? Wid { get; init; }

    public required string ExecAct { get; init; }

    /// <summary>The predecessor task ids: <c>pred</c> in -01, <c>par</c> in -00.</summary>
    public required IReadOnlyList<string> Predecessors { get; init; }

    public string? InputHash { get; init; }

    public string? OutputHash { get; init; }

    /// <summary>Mode 00 only: <c>sub</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Mode 00 only: top-level <c>pol</c>.</summary>
    public string? Policy { get; init; }

    /// <summary>Mode 00 only: top-level <c>pol_decision</c>.</summary>
    public string? PolicyDecision { get; init; }

    /// <summary>The draft whose claim names <see cref="Json"/> uses.</summary>
    public required EctDraft Draft { get; init; }

    /// <summary>The payload JSON (UTF-8).</summary>
    public required ReadOnlyMemory<byte> Json { get; init; }

    /// <summary>The payload as a mutable JSON object (a fresh copy on every call).</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(Json.Span)!.AsObject();

    /// <summary>The extension object (<c>ect_ext</c> or <c>ext</c>), or null when absent.</summary>
    public JsonObject? GetExtension()
    {
        using var document = JsonDocument.Parse(Json);
        return document.RootElement.TryGetProperty(Draft.ExtClaim(), out var ext) && ext.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(ext.Clone())
            : null;
    }

    public override string ToString() => $"ECT {Jti} ({ExecAct}) by {Issuer}";
}
