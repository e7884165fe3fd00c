using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Choices;
using Ect.Dag;
using Ect.Errors;
using Ect.Keys;
using Ect.Ledger;
using Ect.Migration;
using Ect.Model;
using Ect.Parsing;
using Ect.Replay;

namespace Ect.Verification;

/// <summary>
/// Verifies ECTs in one draft's mode. The stages run in the order DAG-9 fixes, and the first
/// failure decides the error code: size, parse, <c>typ</c>, <c>alg</c>, <c>crit</c>, <c>kid</c>
/// and key, signature, claims (with <c>aud</c> and the time windows), replay, DAG. An accepted
/// token's <c>jti</c> is recorded and its payload appended to the ledger only after every check
/// has passed (RPL-2, LDG-2). Never throws for bad input.
/// </summary>
public sealed class EctVerifier
{
    private const int StackSigningInput = 2048;

    private readonly IKeyResolver _keys;
    private readonly IReplayCache? _replay;
    private readonly TimeProvider _clock;
    private readonly ClaimRules _claimRules;
    private readonly DagOptions _dagOptions;
    private readonly bool _es256Allowed;
    private readonly Lock _commitGate = new();

    /// <param name="draft">The mode: which <c>typ</c> values and claim names apply.</param>
    /// <param name="options">The profile's verifier parameters.</param>
    /// <param name="keys">The verifier's own key set; <c>kid</c> is resolved here only.</param>
    /// <param name="ledger">When given, DAG validation runs against it and accepted payloads are appended.</param>
    /// <param name="replayCache">Where accepted <c>jti</c>s are remembered; a private bounded cache when null and <see cref="VerifierOptions.ReplayCheck"/> is on.</param>
    /// <param name="clock">The clock; the system clock when null.</param>
    public EctVerifier(EctDraft draft, VerifierOptions options, IKeyResolver keys, IEctLedger? ledger = null,
        IReplayCache? replayCache = null, TimeProvider? clock = null)
    {
        // Stryker disable Statement : unreachable: the reference implementation always passes options and keys
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        // Stryker restore Statement
        Draft = draft;
        Options = options;
        Ledger = ledger;
        _keys = keys;
        // Stryker disable once NullCoalescing : unreachable: a case always verifies at its own now, never on the clock
        _clock = clock ?? TimeProvider.System;
        // Stryker disable once NullCoalescing : unreachable: a case cannot pass a replay cache, so its verifier always makes its own
        _replay = options.ReplayCheck ? replayCache ?? new MemoryReplayCache() : null;
        _claimRules = options.ClaimRules;
        _dagOptions = options.DagOptions;
        _es256Allowed = options.AllowedAlgorithms.Contains("ES256", StringComparer.Ordinal);
    }

    public EctDraft Draft { get; }

    public VerifierOptions Options { get; }

    public IEctLedger? Ledger { get; }

    /// <summary>Verifies one token at the clock's current time.</summary>
    public VerificationResult Verify(string? token) => Verify(token, _clock.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Verifies one token as of <paramref name="now"/> (Unix seconds).</summary>
    public VerificationResult Verify(string? token, long now)
    {
        try
        {
            return VerifyUnguarded(token, now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Every input is meant to end in a profile code; reaching here is an engine bug, reported rather than thrown.
            // Stryker disable once String : message only
            return VerificationResult.Invalid(EctErrorCode.Malformed, $"internal error while verifying: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Verification without the safety net, so that tests and fuzzing see an engine bug as the exception it is.</summary>
    internal VerificationResult VerifyUnguarded(string? token, long now)
    {
        if (token is not null && Draft == EctDraft.Draft01 && !token.Contains('.') && !JwsParser.IsTooLarge(token, Options.MaxTokenBytes))
        {
            var unsigned = UnsignedToken.Read(token);
            if (!unsigned.Succeeded)
            {
                return VerificationResult.Invalid(unsigned.Error);
            }

            using (unsigned.Value)
            {
                return VerifyUnsigned(unsigned.Value, now);
            }
        }

        var parse = JwsParser.ParseDocuments(token, Options.MaxTokenBytes);
        if (!parse.Succeeded)
        {
            return VerificationResult.Invalid(parse.Error);
        }

        using var parsed = parse.Value;

        var header = parsed.Header.RootElement;
        // Stryker disable once Boolean : CheckTyp sets it before any read
        var legacyTyp = false;
        var error = CheckHeaderText(header);
        error ??= CheckTyp(header, out legacyTyp) ?? CheckAlg(header) ?? CheckCrit(header);
        if (error is not null)
        {
            return VerificationResult.Invalid(error);
        }

        var key = ResolveKey(header, out error);
        if (key is null)
        {
            return VerificationResult.Invalid(error!);
        }

        error = CheckSignature(parsed, key);
        if (error is not null)
        {
            return VerificationResult.Invalid(error);
        }

        var claims = Draft == EctDraft.Draft01 && legacyTyp
            ? ReadMigratedClaims(parsed)
            : ClaimReader.Read(parsed.PayloadDocument.RootElement, parsed.Payload, Draft, _claimRules);
        return claims.Succeeded ? Accept(claims.Value, now, level: 2) : VerificationResult.Invalid(claims.Error);
    }

    private VerificationResult VerifyUnsigned(UnsignedToken unsigned, long now)
    {
        if (Options.MinimumLevel > 1)
        {
            // Stryker disable once String : message only
            return VerificationResult.Invalid(EctErrorCode.LevelBelowMinimum,
                $"token is an unsigned (level 1) ECT; this verifier requires level {Options.MinimumLevel}");
        }

        var claims = ClaimReader.Read(unsigned.Document.RootElement, unsigned.Json, Draft, _claimRules);
        return claims.Succeeded ? Accept(claims.Value, now, level: 1) : VerificationResult.Invalid(claims.Error);
    }

    /// <summary>The claim checks that need the verifier (aud, time), then replay and DAG, then the commit.</summary>
    private VerificationResult Accept(EctPayload payload, long now, int level)
    {
        var error = CheckAudience(payload) ?? CheckTime(payload, now);
        if (error is not null)
        {
            return VerificationResult.Invalid(error);
        }

        // Replay check, DAG validation and commit decide as one step: a concurrent presentation of the same token
        // either sees the record or loses at TryRecord, so every loser is a replay, never a timing-dependent
        // dag_duplicate_jti, and no two tasks validated against the same ledger state can together close a cycle.
        lock (_commitGate)
        {
            if (_replay is not null && _replay.Contains(payload.Jti, payload.Wid, now))
            {
                return VerificationResult.Invalid(ReplayError(payload));
            }

            var dag = Ledger is null
                ? DagValidator.ValidateList(payload, _dagOptions)
                : DagValidator.Validate(payload, Ledger, Draft, _dagOptions);
            if (!dag.IsValid)
            {
                // Stryker disable once NullCoalescing : unreachable: the cache holds the jti here only if another verifier sharing it recorded it after this one's replay check, and a case has one verifier
                return VerificationResult.Invalid(RecordedMeanwhile(payload, dag.Error, now) ?? dag.Error);
            }

            // Recorded before the append, so that a verifier sharing this cache and ledger that finds the task in the
            // ledger also finds it here (RecordedMeanwhile); withdrawn when the append fails (RPL-2).
            switch (_replay?.TryRecord(payload.Jti, payload.Wid, ReplayUntil(payload), now))
            {
                case ReplayRecord.AlreadyRecorded:
                    return VerificationResult.Invalid(ReplayError(payload));
                case ReplayRecord.Full:
                    // Stryker disable once String : message only
                    return VerificationResult.Invalid(EctErrorCode.Replay,
                        $"the replay cache is full of jtis still within their windows, so jti {payload.Jti} could not be remembered and is refused (fail closed; the cache needs more capacity)");
            }

            error = Ledger?.TryAppend(payload);
            // Stryker disable once Block : unreachable: the ledger refuses an append only in a race between verifiers sharing it (below)
            if (error is not null)
            {
                // Stryker disable once Statement : unreachable: the ledger refuses an append here only when another verifier sharing it appended the jti meanwhile, and a case has one verifier
                _replay?.Forget(payload.Jti, payload.Wid);
                return VerificationResult.Invalid(error);
            }
        }

        return VerificationResult.Valid(payload, level);
    }

    /// <summary>
    /// A DAG-1 duplicate whose jti the replay cache now holds was accepted by another verifier sharing both stores
    /// after this one's replay check: it is a replay (the earlier stage decides, DAG-9), whatever the timing.
    /// </summary>
    private EctError? RecordedMeanwhile(EctPayload payload, EctError error, long now) =>
        error.Code == EctErrorCode.DagDuplicateJti && _replay is not null && _replay.Contains(payload.Jti, payload.Wid, now)
            ? ReplayError(payload)
            : null;

    /// <summary>The end of the token's window: exp plus the leeway, saturating at the end of time instead of wrapping into the past.</summary>
    private long ReplayUntil(EctPayload payload) => Seconds.Add(payload.ExpiresAt, Options.ExpLeewaySeconds);

    // Stryker disable once Conditional,Equality,String : message only
    private static EctError ReplayError(EctPayload payload) => new(EctErrorCode.Replay, payload.Wid is null
        ? $"jti {payload.Jti} was already accepted and its window has not passed"
        : $"jti {payload.Jti} was already accepted in workflow {payload.Wid} and its window has not passed");

    /// <summary>
    /// typ, alg and kid are compared after unescaping, and a lone surrogate escape (<c>"\ud800"</c>) has no
    /// unescaped form: such a header is malformed (PARSE-2), as the same escape in a claim is. Only escaped values are decoded.
    /// </summary>
    // Stryker disable once String : the name reaches only the message
    private static EctError? CheckHeaderText(JsonElement header) =>
        Unescapable(header, "typ"u8, "typ") ?? Unescapable(header, "alg"u8, "alg") ?? Unescapable(header, "kid"u8, "kid");

    private static EctError? Unescapable(JsonElement header, ReadOnlySpan<byte> name, string display)
    {
        if (!header.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String
            || JsonMarshal.GetRawUtf8Value(value).IndexOf((byte)'\\') < 0)
        {
            return null;
        }

        try
        {
            _ = value.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            return new EctError(EctErrorCode.Malformed, $"header {display} holds an escape that is not valid Unicode");
        }
    }

    private EctError? CheckTyp(JsonElement header, out bool legacy)
    {
        // Stryker disable once Boolean : set again before any read, or an error is returned first
        legacy = false;
        // Stryker disable once Block : the absent value fails the next check with the same code
        if (!header.TryGetProperty("typ"u8, out var typ))
        {
            return new EctError(EctErrorCode.TypInvalid, "typ header is required");
        }

        if (typ.ValueKind != JsonValueKind.String)
        {
            return new EctError(EctErrorCode.TypInvalid, $"typ must be a string, not {ClaimReader.Kind(typ)}");
        }

        legacy = typ.ValueEquals(EctDrafts.TypLegacy);
        if (legacy || (Draft == EctDraft.Draft01 && typ.ValueEquals(EctDrafts.TypExec)))
        {
            return null;
        }

        // Stryker disable once Boolean,NullCoalescing,String : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
        if (IsMediaTypeVariant(typ.GetString() ?? ""))
        {
            ProfileChoiceLog.Touch(ProfileChoice.TypMediaTypeVariant);
        }

        // Stryker disable once Conditional,Equality,String : message only
        var accepted = Draft == EctDraft.Draft00 ? "wimse-exec+jwt" : "exec+jwt or wimse-exec+jwt";
        return new EctError(EctErrorCode.TypInvalid, $"typ \"{ClaimReader.Truncate(typ.GetString() ?? "")}\" is not accepted in mode {Draft.ToWireName()} (expected {accepted})");
    }

    /// <summary>
    /// An accepted typ in another spelling of the same media type (HDR-1): any case, with or without
    /// <c>application/</c>. This engine compares exactly; another may not, and both are allowed.
    /// </summary>
    // Stryker disable all : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
    private bool IsMediaTypeVariant(string typ)
    {
        var name = typ.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? typ["application/".Length..] : typ;
        // Stryker disable once Logical,Equality,String : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
        return name.Equals("wimse-exec+jwt", StringComparison.OrdinalIgnoreCase)
            || (Draft == EctDraft.Draft01 && name.Equals("exec+jwt", StringComparison.OrdinalIgnoreCase));
    }
    // Stryker restore all

    private EctError? CheckAlg(JsonElement header)
    {
        // Stryker disable once Block : the absent value fails the next check with the same code
        if (!header.TryGetProperty("alg"u8, out var alg))
        {
            return new EctError(EctErrorCode.AlgNotAllowed, "alg header is required");
        }

        if (alg.ValueKind != JsonValueKind.String)
        {
            return new EctError(EctErrorCode.AlgNotAllowed, $"alg must be a string, not {ClaimReader.Kind(alg)}");
        }

        if (_es256Allowed && alg.ValueEquals("ES256"u8))
        {
            return null;
        }

        // Stryker disable once NullCoalescing,String : name only picks and fills the message
        var name = ClaimReader.Truncate(alg.GetString() ?? "");
        return new EctError(EctErrorCode.AlgNotAllowed, name switch
        {
            "none" => "alg none (unsecured JWS) is never accepted",
            _ when name.StartsWith("HS", StringComparison.Ordinal) => $"alg {name} is symmetric and never accepted for ECTs",
            _ when Options.AllowedAlgorithms.Contains(name, StringComparer.Ordinal) => $"alg {name} is allowed but not implemented by this verifier (ES256 only)",
            _ => $"alg \"{name}\" is not in allowed_algs [{string.Join(", ", Options.AllowedAlgorithms)}]",
        });
    }

    private static EctError? CheckCrit(JsonElement header)
    {
        if (!header.TryGetProperty("crit"u8, out var crit))
        {
            return null;
        }

        // An empty list names nothing this verifier lacks; refusing it, as RFC 7515 forbids producing it, is a choice (HDR-4).
        // Stryker disable once Logical,Boolean,Equality,Block : both branches answer crit_unsupported; the test picks only the message and what the choice log records
        if (crit.ValueKind == JsonValueKind.Array && crit.GetArrayLength() == 0)
        {
            ProfileChoiceLog.Touch(ProfileChoice.EmptyCriticalList);
            return new EctError(EctErrorCode.CritUnsupported, "crit is an empty list, which RFC 7515 forbids a producer to send");
        }

        return new EctError(EctErrorCode.CritUnsupported, $"crit names extensions this verifier does not understand: {ClaimReader.Truncate(crit.GetRawText())}");
    }

    private VerificationKey? ResolveKey(JsonElement header, out EctError? error)
    {
        // Stryker disable once Block : the absent value fails the next check with the same code
        if (!header.TryGetProperty("kid"u8, out var kidElement))
        {
            error = new EctError(EctErrorCode.KidMissing, "kid header is required");
            return null;
        }

        // A kid without escapes is looked up from its UTF-8 bytes on the stack; only an escaped one becomes a string.
        if (kidElement.ValueKind != JsonValueKind.String || kidElement.ValueEquals(""u8))
        {
            error = new EctError(EctErrorCode.KidMissing, "kid must be a non-empty string");
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(kidElement);
        // Stryker disable once Logical : a string's raw value always has both quotes
        raw = raw.Length >= 2 && raw[0] == (byte)'"' ? raw[1..^1] : raw;
        VerificationKey? key;
        string? reason;
        if (raw.Length <= 256 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[256];
            var count = Encoding.UTF8.GetChars(raw, chars);
            key = _keys.Resolve(chars[..count], out reason);
        }
        else
        {
            key = _keys.Resolve(kidElement.GetString()!, out reason);
        }

        error = key is null ? new EctError(EctErrorCode.KeyUnknown, reason ?? "kid does not resolve to a key") : null;
        return key;
    }

    private static EctError? CheckSignature(ParsedToken jws, VerificationKey key)
    {
        var structural = Es256.CheckStructure(jws.Signature);
        // Stryker disable once Block : key.Verify then refuses the same signature: signature_invalid
        if (structural is not null)
        {
            return new EctError(EctErrorCode.SignatureInvalid, structural);
        }

        var length = jws.SigningInputLength;
        byte[]? rented = null;
        var buffer = length <= StackSigningInput ? stackalloc byte[StackSigningInput] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Ascii.FromUtf16(jws.SigningInput, buffer, out var written);
            return key.Verify(buffer[..written], jws.Signature)
                ? null
                : new EctError(EctErrorCode.SignatureInvalid, $"signature does not verify with key \"{key.Kid}\"");
        }
        finally
        {
            // Stryker disable once Block : a pool leak only
            if (rented is not null)
            {
                // Stryker disable once Statement : buffer pooling only
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A legacy-typ token in mode 01 is read through the -00 → -01 migration, so <c>par</c> is never dropped (profile section 2).</summary>
    private ReadResult<EctPayload> ReadMigratedClaims(ParsedToken parsed)
    {
        byte[] json;
        try
        {
            var migration = EctMigrator.Migrate(
                JsonObject.Create(parsed.Header.RootElement)!,
                JsonObject.Create(parsed.PayloadDocument.RootElement)!);
            if (!migration.Succeeded)
            {
                return migration.Error;
            }

            json = TokenJson.Serialize(migration.Payload);
        }
        catch (InvalidOperationException)
        {
            // The migration re-writes every string, and a lone surrogate escape ("\ud800"), even in a claim mode 00 ignores, is no Unicode string.
            return new EctError(EctErrorCode.Malformed, "the -00 payload holds an escape that is not valid Unicode, so it cannot be migrated");
        }

        // Moving pol into ect_ext (MIG-4) nests it one level deeper, which can pass the strict depth bound.
        using var document = StrictJson.TryParseObject(json, out var jsonError);
        // Stryker disable once Block : the null document then throws, and the safety net answers malformed too
        if (document is null)
        {
            return new EctError(EctErrorCode.Malformed, "the migrated payload " + jsonError);
        }

        return ClaimReader.Read(document.RootElement, json, EctDraft.Draft01, _claimRules);
    }

    private EctError? CheckAudience(EctPayload payload)
    {
        foreach (var audience in payload.Audience)
        {
            if (string.Equals(audience, Options.VerifierId, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return new EctError(EctErrorCode.AudMismatch, payload.Audience.Count == 0
            ? "aud is an empty array"
            : $"verifier \"{Options.VerifierId}\" is not in aud");
    }

    private EctError? CheckTime(EctPayload payload, long now)
    {
        // Exact arithmetic: exp_leeway, iat_max_age, iat_max_future and now may be any long, and a wrapped sum would
        // call a valid token expired or print an age no clock can have.
        if ((Int128)now >= (Int128)payload.ExpiresAt + Options.ExpLeewaySeconds)
        {
            return new EctError(EctErrorCode.Expired, $"exp {payload.ExpiresAt} has passed (now {now}, leeway {Options.ExpLeewaySeconds} s)");
        }

        var age = Seconds.Difference(now, payload.IssuedAt);
        if (age > Options.IatMaxAgeSeconds)
        {
            return new EctError(EctErrorCode.IatTooOld, $"iat {payload.IssuedAt} is {age} s old, over iat_max_age ({Options.IatMaxAgeSeconds} s)");
        }

        if (-age > Options.IatMaxFutureSeconds)
        {
            return new EctError(EctErrorCode.IatInFuture, $"iat {payload.IssuedAt} is {-age} s in the future, over iat_max_future ({Options.IatMaxFutureSeconds} s)");
        }

        return null;
    }
}
