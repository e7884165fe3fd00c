using System.Runtime.InteropServices;
using System.Text.Json;
using Ect.Choices;
using Ect.Errors;
using Ect.Model;

namespace Ect.Verification;

/// <summary>
/// Reads and checks the claims of one payload in one draft's vocabulary (CLM, EXT, HASH and the
/// claim-only part of TIME-1): presence, JSON types, UUIDs, hash formats, extension limits and
/// the -00 policy and subject rules. Time windows and <c>aud</c> matching need the verifier's
/// clock and identity and are checked by <see cref="EctVerifier"/>.
/// </summary>
internal static class ClaimReader
{
    private static readonly string[] NoStrings = [];

    /// <summary>Parses strict JSON and reads it as a payload, or names what is at fault.</summary>
    public static ReadResult<EctPayload> Read(ReadOnlyMemory<byte> json, EctDraft draft, in ClaimRules rules)
    {
        using var document = Parsing.StrictJson.TryParseObject(json, out var jsonError);
        // Stryker disable once Block : unreachable: this overload reads only a case's store, whose payloads are written from parsed JSON objects
        if (document is null)
        {
            return new EctError(EctErrorCode.Malformed, "payload " + jsonError);
        }

        return Read(document.RootElement, json, draft, rules);
    }

    /// <summary>Reads a payload, or names the claim at fault.</summary>
    public static ReadResult<EctPayload> Read(JsonElement root, ReadOnlyMemory<byte> json, EctDraft draft, in ClaimRules rules)
    {
        var legacy = draft == EctDraft.Draft00;
        JsonElement iss = default, aud = default, iat = default, exp = default, jti = default, wid = default,
            execAct = default, pred = default, par = default, inpHash = default, outHash = default, ext = default,
            pol = default, polDecision = default, sub = default;

        // Names are matched on their UTF-8 bytes: materialising each name as a string would allocate on every token.
        foreach (var claim in root.EnumerateObject())
        {
            var value = claim.Value;
            if (claim.NameEquals("iss"u8)) iss = value;
            else if (claim.NameEquals("aud"u8)) aud = value;
            else if (claim.NameEquals("iat"u8)) iat = value;
            else if (claim.NameEquals("exp"u8)) exp = value;
            else if (claim.NameEquals("jti"u8)) jti = value;
            else if (claim.NameEquals("wid"u8)) wid = value;
            else if (claim.NameEquals("exec_act"u8)) execAct = value;
            else if (claim.NameEquals("pred"u8)) pred = value;
            else if (claim.NameEquals("par"u8)) par = value;
            else if (claim.NameEquals("inp_hash"u8)) inpHash = value;
            else if (claim.NameEquals("out_hash"u8)) outHash = value;
            else if (!legacy && claim.NameEquals("ect_ext"u8)) ext = value;
            else if (legacy && claim.NameEquals("ext"u8)) ext = value;
            else if (legacy && claim.NameEquals("pol"u8)) pol = value;
            else if (legacy && claim.NameEquals("pol_decision"u8)) polDecision = value;
            else if (legacy && claim.NameEquals("sub"u8)) sub = value;

            // CLM-8: any other claim is ignored.
        }

        var preds = legacy ? par : pred;
        var predName = draft.PredClaim();

        // Stryker disable once String : claim names reach only the message
        var error = Missing(iss, "iss") ?? Missing(aud, "aud") ?? Missing(iat, "iat") ?? Missing(exp, "exp")
            ?? Missing(jti, "jti") ?? Missing(execAct, "exec_act");
        if (error is null && preds.ValueKind == JsonValueKind.Undefined)
        {
            error = !legacy && par.ValueKind != JsonValueKind.Undefined
                ? new EctError(EctErrorCode.ClaimMissing, "pred is required; this token carries the -00 claim par, which typ exec+jwt does not allow")
                : new EctError(EctErrorCode.ClaimMissing, $"{predName} is required ([] for a root task)");
        }

        // Stryker disable once Block : every later reader skips once error is set, and the same error is returned below
        if (error is not null)
        {
            return error;
        }

        // Stryker disable String : claim names reach only messages
        var issuer = NonEmptyString(iss, "iss", ref error);
        var audience = ReadAudience(aud, ref error);
        var issuedAt = NumericDate(iat, "iat", ref error);
        var expiresAt = NumericDate(exp, "exp", ref error);
        var jtiValue = NonEmptyString(jti, "jti", ref error);
        var execActValue = NonEmptyString(execAct, "exec_act", ref error);
        var predecessors = ReadPredecessors(preds, predName, ref error);
// Stryker disable once Boolean,String : choice log: nullMayBeAbsent only decides what is recorded (tests/Ect.Tests/Choices); the name reaches only messages
        var widValue = OptionalString(wid, "wid", ref error, nullMayBeAbsent: true);
// Stryker disable once Boolean,String : choice log: nullMayBeAbsent only decides what is recorded (tests/Ect.Tests/Choices); the name reaches only messages
        var inputHash = OptionalString(inpHash, "inp_hash", ref error, nullMayBeAbsent: true);
// Stryker disable once Boolean,String : choice log: nullMayBeAbsent only decides what is recorded (tests/Ect.Tests/Choices); the name reaches only messages
        var outputHash = OptionalString(outHash, "out_hash", ref error, nullMayBeAbsent: true);
        var policy = OptionalString(pol, "pol", ref error);
        var policyDecision = OptionalString(polDecision, "pol_decision", ref error);
// Stryker disable once Boolean,String : choice log: nullMayBeAbsent only decides what is recorded (tests/Ect.Tests/Choices); the name reaches only messages
        var subject = OptionalString(sub, "sub", ref error, nullMayBeAbsent: true);
        // Stryker restore String
        if (error is null && ext.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            NoteNullOptionalClaim(ext);
            error = new EctError(EctErrorCode.ClaimInvalid, $"{draft.ExtClaim()} must be a JSON object, not {Kind(ext)}");
        }

        if (error is not null)
        {
            return error;
        }

        if (expiresAt <= issuedAt)
        {
            return new EctError(EctErrorCode.ClaimInvalid, $"exp ({expiresAt}) must be after iat ({issuedAt})");
        }

        error = CheckFormats(jtiValue!, widValue, inputHash, outputHash, draft, rules)
            ?? CheckExtension(ext, draft, rules)
            ?? (legacy ? CheckLegacyRules(issuer!, policy, policyDecision, pol, polDecision, subject) : null);
        if (error is not null)
        {
            return error;
        }

        return new EctPayload
        {
            Issuer = issuer!,
            Audience = audience!,
            IssuedAt = issuedAt,
            ExpiresAt = expiresAt,
            Jti = jtiValue!,
            Wid = widValue,
            ExecAct = execActValue!,
            Predecessors = predecessors!,
            InputHash = inputHash,
            OutputHash = outputHash,
            Subject = subject,
            Policy = policy,
            PolicyDecision = policyDecision,
            Draft = draft,
            Json = json,
        };
    }

    private static EctError? CheckFormats(string jti, string? wid, string? inputHash, string? outputHash, EctDraft draft, in ClaimRules rules)
    {
        if (rules.ValidateUuids && !Uuid.IsValid(jti))
        {
            return new EctError(EctErrorCode.JtiInvalid, $"jti \"{Truncate(jti)}\" is not a UUID (RFC 9562)");
        }

        if (rules.ValidateUuids && wid is not null && !Uuid.IsValid(wid))
        {
            return new EctError(EctErrorCode.WidInvalid, $"wid \"{Truncate(wid)}\" is not a UUID (RFC 9562)");
        }

        if (inputHash is not null && !HashFormat.IsValid(inputHash, draft))
        {
            return new EctError(EctErrorCode.HashInvalid, $"inp_hash \"{Truncate(inputHash)}\" is not {HashDescription(draft)}");
        }

        if (outputHash is not null && !HashFormat.IsValid(outputHash, draft))
        {
            return new EctError(EctErrorCode.HashInvalid, $"out_hash \"{Truncate(outputHash)}\" is not {HashDescription(draft)}");
        }

        return null;
    }

    // Stryker disable once Conditional,Equality,String : message only
    private static string HashDescription(EctDraft draft) => draft == EctDraft.Draft00
        ? "an unpadded base64url SHA-256 digest, optionally prefixed, or a sha-384:/sha-512: digest"
        : "an unpadded base64url SHA-256 digest (43 characters, no prefix)";

    private static EctError? CheckExtension(JsonElement ext, EctDraft draft, in ClaimRules rules)
    {
        if (ext.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var (size, depth) = ExtensionMeasure.Measure(JsonMarshal.GetRawUtf8Value(ext));
        // Stryker disable once Logical,Boolean,Equality : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
        if (draft == EctDraft.Draft00 && (size > rules.ExtMaxBytes || depth > rules.ExtMaxDepth))
        {
            // SHOULD NOT in mode 00: refusing is this engine's choice.
            ProfileChoiceLog.Touch(ProfileChoice.ExtensionLimitInMode00);
        }

        // Stryker disable once Logical,Boolean : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
        if (ProfileChoiceLog.IsObserving && SpellingDecides(JsonMarshal.GetRawUtf8Value(ext), size, rules.ExtMaxBytes))
        {
            ProfileChoiceLog.Touch(ProfileChoice.ExtensionSpelling);
        }

        if (size > rules.ExtMaxBytes)
        {
            return new EctError(EctErrorCode.ExtTooLarge, $"{draft.ExtClaim()} is {size} bytes of compact JSON, over ext_max_bytes ({rules.ExtMaxBytes})");
        }

        if (depth > rules.ExtMaxDepth)
        {
            return new EctError(EctErrorCode.ExtTooDeep, $"{draft.ExtClaim()} nests {depth} levels, over ext_max_depth ({rules.ExtMaxDepth})");
        }

        return null;
    }

    // Stryker disable once Logical,Boolean,Equality,Block : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
    /// <summary>
    /// Whether another serializer's compact spelling of the extension (every non-ASCII character literal, or
    /// escaped as JavaScript encoders do) falls on the other side of the limit than the issuer's spelling.
    /// </summary>
    private static bool SpellingDecides(ReadOnlySpan<byte> raw, int size, int limit)
    {
        if (raw.IndexOf((byte)'\\') < 0 && !raw.ContainsAnyInRange((byte)0x80, (byte)0xFF))
        {
            return false;
        }

        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(raw);
            var literal = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(node, LiteralSpelling).Length;
            var escaped = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(node, EscapedSpelling).Length;
            var over = size > limit;
            return literal > limit != over || escaped > limit != over;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Text no serializer can write again (a lone surrogate escape): no other spelling is known, so any is possible.
            return true;
        }
    }

    private static readonly JsonSerializerOptions LiteralSpelling = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions EscapedSpelling = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    private static EctError? CheckLegacyRules(string issuer, string? policy, string? decision, JsonElement pol, JsonElement polDecision, string? subject)
    {
        var hasPol = pol.ValueKind != JsonValueKind.Undefined;
        var hasDecision = polDecision.ValueKind != JsonValueKind.Undefined;
        if (hasPol != hasDecision)
        {
            return new EctError(EctErrorCode.PolPair, hasPol ? "pol is present without pol_decision" : "pol_decision is present without pol");
        }

        if (hasDecision && decision is not ("approved" or "rejected" or "pending_human_review"))
        {
            return new EctError(EctErrorCode.PolPair, $"pol_decision \"{Truncate(decision!)}\" is not approved, rejected or pending_human_review");
        }

        // Stryker disable once Block : CLM-9 lets an empty pol be refused or accepted (claims::pol::empty-pol)
        if (hasPol && policy!.Length == 0)
        {
            ProfileChoiceLog.Touch(ProfileChoice.EmptyPolicy);
            return new EctError(EctErrorCode.PolPair, "pol is empty");
        }

        if (subject is not null && !string.Equals(subject, issuer, StringComparison.Ordinal))
        {
            return new EctError(EctErrorCode.SubMismatch, $"sub \"{Truncate(subject)}\" differs from iss \"{Truncate(issuer)}\"");
        }

        return null;
    }

    private static EctError? Missing(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Undefined ? new EctError(EctErrorCode.ClaimMissing, $"{name} is required") : null;

    private static string? NonEmptyString(JsonElement value, string name, ref EctError? error)
    {
        // Stryker disable once Block : can only replace one claim error with another, and tokens with both accept either code
        if (error is not null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = new EctError(EctErrorCode.ClaimInvalid, $"{name} must be a string, not {Kind(value)}");
            return null;
        }

        var text = GetString(value, name, ref error);
        if (text is { Length: 0 })
        {
            error = new EctError(EctErrorCode.ClaimInvalid, $"{name} must not be empty");
            return null;
        }

        return text;
    }

    // nullMayBeAbsent: the profile lets a null value be read as absent (the NullOptionalClaim vectors accept
    // both verdicts); this engine refuses it as a wrong type and records that the choice was made. Not so for
    // pol and pol_decision, whose absence the pair rule refuses as well.
    private static string? OptionalString(JsonElement value, string name, ref EctError? error, bool nullMayBeAbsent = false)
    {
        if (error is not null || value.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            // Stryker disable once Boolean : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
            if (nullMayBeAbsent)
            {
                NoteNullOptionalClaim(value);
            }

            error = new EctError(EctErrorCode.ClaimInvalid, $"{name} must be a string, not {Kind(value)}");
            return null;
        }

        return GetString(value, name, ref error);
    }

    // Stryker disable once Equality,Block : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
    private static void NoteNullOptionalClaim(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            ProfileChoiceLog.Touch(ProfileChoice.NullOptionalClaim);
        }
    }

    private static string? GetString(JsonElement value, string name, ref EctError? error)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape (\ud800) is valid JSON syntax but no Unicode string.
            error = new EctError(EctErrorCode.Malformed, $"{name} holds an escape that is not valid Unicode");
            return null;
        }
    }

    private static string[]? ReadAudience(JsonElement value, ref EctError? error)
    {
        // Stryker disable once Block : can only replace one claim error with another, and tokens with both accept either code
        if (error is not null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            // Stryker disable once String : message only
            var single = GetString(value, "aud", ref error);
            return single is null ? null : [single];
        }

        // Stryker disable once String : message only
        return StringArray(value, "aud", allowEmptyElements: true, ref error);
    }

    // Stryker disable once Boolean : an empty pred element may be claim_invalid or dag_pred_not_found (claims::pred::empty-string-element)
    private static string[]? ReadPredecessors(JsonElement value, string name, ref EctError? error) =>
        error is null ? StringArray(value, name, allowEmptyElements: false, ref error) : null;

    private static string[]? StringArray(JsonElement value, string name, bool allowEmptyElements, ref EctError? error)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            error = new EctError(EctErrorCode.ClaimInvalid, $"{name} must be an array of strings, not {Kind(value)}");
            return null;
        }

        var length = value.GetArrayLength();
        // Stryker disable once Block : the loop builds the same empty array: allocation only
        if (length == 0)
        {
            return NoStrings;
        }

        var items = new string[length];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error = new EctError(EctErrorCode.ClaimInvalid, $"{name}[{i}] must be a string, not {Kind(item)}");
                return null;
            }

            var text = GetString(item, name, ref error);
            // Stryker disable once Block : text is null only after malformed was set, and the crash is malformed too
            if (text is null)
            {
                return null;
            }

            // Stryker disable once Block : an empty pred element may be claim_invalid or dag_pred_not_found (claims::pred::empty-string-element)
            if (text.Length == 0 && !allowEmptyElements)
            {
                error = new EctError(EctErrorCode.ClaimInvalid, $"{name}[{i}] must not be empty");
                return null;
            }

            items[i++] = text;
        }

        return items;
    }

    /// <summary>
    /// A NumericDate as whole seconds, decided exactly from the JSON text (<see cref="JsonInteger"/>): an
    /// integral value in any spelling (<c>1.7672256e9</c>) is that integer. Fractions, and values beyond
    /// ±(2^53 − 1), where JSON numbers stop being exact, are refused as <c>claim_invalid</c> (CLM-3 leaves
    /// both acceptable; the authors' implementations use integers).
    /// </summary>
    private static long NumericDate(JsonElement value, string name, ref EctError? error)
    {
        // Stryker disable once Block : can only replace one claim error with another, and tokens with both accept either code
        if (error is not null)
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            error = new EctError(EctErrorCode.ClaimInvalid, $"{name} must be a JSON number (NumericDate), not {Kind(value)}");
            return 0;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        switch (JsonInteger.Read(raw, JsonInteger.SafeLimit, out var seconds))
        {
            case JsonIntegerResult.Whole:
                return seconds;
            case JsonIntegerResult.Fraction:
                ProfileChoiceLog.Touch(ProfileChoice.InexactNumericDate);
                error = new EctError(EctErrorCode.ClaimInvalid, $"{name} must be a whole number of seconds, not {NumberText(raw)}");
                return 0;
            default:
                ProfileChoiceLog.Touch(ProfileChoice.InexactNumericDate);
                error = new EctError(EctErrorCode.ClaimInvalid,
                    $"{name} {NumberText(raw)} is beyond ±(2^53 − 1), where JSON numbers stop being exact; this verifier refuses such values");
                return 0;
        }
    }

    /// <summary>A number as written, shortened: a claim can hold thousands of digits.</summary>
    // Stryker disable once Conditional,Equality,String : message only
    private static string NumberText(ReadOnlySpan<byte> raw) =>
        Truncate(System.Text.Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 80)]) + (raw.Length > 80 ? "..." : ""));

    // Stryker disable once String : message only
    internal static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "absent",
    };

    // Stryker disable once String : message only
    internal static string Truncate(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 61), "...");
}
