using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Parsing;
using Ect.Verification;

namespace Ect.Migration;

/// <summary>
/// The -00 → -01 migration (profile section 9) as a pure function: the inputs are never
/// modified, and migrating a -01 token returns it unchanged (MIG-8). Anything that would lose
/// or contradict data is <c>migration_conflict</c>.
/// </summary>
public static class EctMigrator
{
    /// <summary>
    /// Migrates a -00 header and payload. Never throws for their content: a node that is deeper or
    /// larger than a token can carry, or that holds a lone surrogate or a non-finite number, is
    /// <c>malformed</c> or <c>token_too_large</c> (as verification would call the token), checked
    /// before anything is copied or compared. Throws only <see cref="ArgumentNullException"/>.
    /// </summary>
    public static MigrationResult Migrate(JsonObject header, JsonObject payload)
    {
        // Stryker disable Statement : unreachable: the reference implementation always passes both objects
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(payload);
        // Stryker restore Statement
        // Stryker disable once String,NullCoalescing : unreachable: no case holds a header or payload past the limits (see JsonNodeLimits), so which is checked first, or whether both are, changes no answer; the names reach only the message
        var limitError = JsonNodeLimits.Check(header, "header") ?? JsonNodeLimits.Check(payload, "payload");
        if (limitError is not null)
        {
            return new MigrationResult(null, null, limitError);
        }

        var newHeader = header.DeepClone().AsObject();
        var newPayload = payload.DeepClone().AsObject();

        // MIG-1
        if (newHeader["typ"] is JsonValue typ && typ.TryGetValue<string>(out var typText) && typText == EctDrafts.TypLegacy)
        {
            newHeader["typ"] = EctDrafts.TypExec;
        }

        var error = RenameClaim(newPayload, "par", "pred")      // MIG-2
            ?? RenameClaim(newPayload, "ext", "ect_ext")         // MIG-3
            ?? MovePolicy(newPayload)                            // MIG-4
            ?? DropSubject(newPayload)                           // MIG-5
            ?? StripHashPrefix(newPayload, "inp_hash")           // MIG-6
            ?? StripHashPrefix(newPayload, "out_hash");
        return error is null ? new MigrationResult(newHeader, newPayload, null) : new MigrationResult(null, null, error);
    }

    private static EctError? RenameClaim(JsonObject payload, string from, string to)
    {
        if (!payload.TryGetPropertyValue(from, out var value))
        {
            return null;
        }

        if (payload.TryGetPropertyValue(to, out var existing))
        {
            if (!JsonNodeEquality.AreEqual(value, existing))
            {
                // Stryker disable once String : message only
                return Conflict($"{from} and {to} are both present and differ");
            }
        }
        else
        {
            payload[to] = value?.DeepClone();
        }

        payload.Remove(from);
        return null;
    }

    private static EctError? MovePolicy(JsonObject payload)
    {
        var hasPol = payload.TryGetPropertyValue("pol", out var pol);
        var hasDecision = payload.TryGetPropertyValue("pol_decision", out var decision);
        if (!hasPol && !hasDecision)
        {
            return null;
        }

        JsonObject extension;
        if (!payload.TryGetPropertyValue("ect_ext", out var extNode))
        {
            extension = [];
            payload["ect_ext"] = extension;
        }
        else if (extNode is JsonObject existing)
        {
            extension = existing;
        }
        else
        {
            // Stryker disable once String : message only
            return Conflict("pol/pol_decision must move into ect_ext, but ect_ext is not an object");
        }

        var error = (hasPol ? MoveInto(extension, "pol", pol) : null) ?? (hasDecision ? MoveInto(extension, "pol_decision", decision) : null);
        if (error is null)
        {
            payload.Remove("pol");
            payload.Remove("pol_decision");
        }

        return error;
    }

    private static EctError? MoveInto(JsonObject extension, string name, JsonNode? value)
    {
        if (extension.TryGetPropertyValue(name, out var existing))
        {
            // Stryker disable once String : message only
            return JsonNodeEquality.AreEqual(existing, value) ? null : Conflict($"{name} differs from ect_ext.{name}");
        }

        extension[name] = value?.DeepClone();
        return null;
    }

    private static EctError? DropSubject(JsonObject payload)
    {
        if (!payload.TryGetPropertyValue("sub", out var sub))
        {
            return null;
        }

        // Without iss the payload is invalid in both drafts; reporting the missing claim is more useful than a conflict.
        if (!payload.TryGetPropertyValue("iss", out var iss))
        {
            return null;
        }

        if (!JsonNodeEquality.AreEqual(sub, iss))
        {
            // Stryker disable once String : message only
            return Conflict("sub differs from iss; -01 has no sub, so dropping it would lose data");
        }

        payload.Remove("sub");
        return null;
    }

    private static EctError? StripHashPrefix(JsonObject payload, string claim)
    {
        if (payload[claim] is not JsonValue value || !value.TryGetValue<string>(out var hash))
        {
            return null;
        }

        if (hash.StartsWith(HashFormat.Sha256Prefix, StringComparison.Ordinal))
        {
            payload[claim] = hash[HashFormat.Sha256Prefix.Length..];
            return null;
        }

        if (hash.StartsWith(HashFormat.Sha384Prefix, StringComparison.Ordinal) || hash.StartsWith(HashFormat.Sha512Prefix, StringComparison.Ordinal))
        {
            // Stryker disable once String : message only
            return Conflict($"{claim} is a {hash[..7]} digest, which -01 (SHA-256 only) cannot express");
        }

        return null;
    }

    private static EctError Conflict(string message) => new(EctErrorCode.MigrationConflict, message);
}
