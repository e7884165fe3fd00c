using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Choices;
using Ect.Dag;
using Ect.Errors;
using Ect.Keys;
using Ect.Parsing;
using Ect.Verification;
using Jose;

namespace Ect.Creation;

/// <summary>
/// Builds and signs ECTs (CRT-1 … CRT-3): fills <c>iat</c>, <c>exp</c> and the DAG claim when
/// absent, refuses with verification's own codes any payload verification would reject on its
/// claims alone, and signs with ES256 through jose-jwt. The caller's payload is never modified.
/// </summary>
public static class EctCreator
{
    /// <summary>
    /// Signs <paramref name="payload"/> with a private P-256 JWK. Never throws for a payload or a key:
    /// every refusal is a result (<c>key_unknown</c> for a key that cannot sign ES256). Throws only
    /// <see cref="ArgumentNullException"/>.
    /// </summary>
    public static CreateResult Create(JsonObject payload, JsonWebKey signingKey, EctDraft draft, CreateOptions options, long now)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        if (signingKey.D is null || signingKey.Kid is null)
        {
            return Refuse(EctErrorCode.KeyUnknown, "the signing key needs a private part (d) and a kid");
        }

        ECDsa ecdsa;
        try
        {
            ecdsa = signingKey.ToECDsa();
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return Refuse(EctErrorCode.KeyUnknown, e.Message);
        }

        using (ecdsa)
        {
            return Create(payload, ecdsa, signingKey.Kid, draft, options, now);
        }
    }

    /// <summary>
    /// Signs <paramref name="payload"/> with a private P-256 key under <paramref name="kid"/>, with the
    /// same refusals as the JWK overload: a P-384 or public-only key is <c>key_unknown</c>, a kid with a
    /// lone surrogate <c>malformed</c>. Throws only <see cref="ArgumentNullException"/>.
    /// </summary>
    public static CreateResult Create(JsonObject payload, ECDsa signingKey, string kid, EctDraft draft, CreateOptions options, long now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(kid);
        ArgumentNullException.ThrowIfNull(options);
        if (!JsonNodeLimits.IsValidUtf16(kid))
        {
            // Written as U+FFFD, the header would name another kid than the caller's; verification calls such a kid malformed.
            return Refuse(EctErrorCode.Malformed, "kid holds a lone surrogate, which no JWS header can carry");
        }

        var keyProblem = SigningKeyProblem(signingKey);
        if (keyProblem is not null)
        {
            return Refuse(EctErrorCode.KeyUnknown, keyProblem);
        }

        // Bounded and checked before the copy: copying a deep node costs time quadratic in its depth.
        var limitError = JsonNodeLimits.Check(payload, "payload");
        if (limitError is not null)
        {
            return new CreateResult(null, limitError);
        }

        var claims = payload.DeepClone().AsObject();
        var error = FillDefaults(claims, draft, options, now);
        if (error is not null)
        {
            return new CreateResult(null, error);
        }

        byte[] json;
        try
        {
            json = TokenJson.Serialize(claims);
        }
        catch (InvalidOperationException)
        {
            // A node read from JSON text keeps a lone surrogate escape ("\ud800"), which no UTF-8 writer can express.
            return Refuse(EctErrorCode.Malformed, "payload holds a string that is not valid Unicode (a lone surrogate)");
        }

        using (var document = StrictJson.TryParseObject(json, out var jsonError))
        {
            if (document is null)
            {
                return Refuse(EctErrorCode.Malformed, "payload " + jsonError);
            }

            var read = ClaimReader.Read(document.RootElement, json, draft, options.ClaimRules);
            var refusal = read.Succeeded
                ? DagValidator.ValidateList(read.Value, new DagOptions { MaxPredLength = options.MaxPredLength }).Error
                : read.Error;
            if (refusal is not null)
            {
                return new CreateResult(null, refusal);
            }
        }

        var headers = new Dictionary<string, object> { ["typ"] = draft.CreateTyp(), ["kid"] = kid };
        var token = JWT.EncodeBytes(json, signingKey, JwsAlgorithm.ES256, extraHeaders: headers);
        return new CreateResult(token, null);
    }

    private static EctError? FillDefaults(JsonObject claims, EctDraft draft, CreateOptions options, long now)
    {
        var predClaim = draft.PredClaim();
        var otherPredClaim = draft == EctDraft.Draft00 ? "pred" : "par";
        if (!claims.ContainsKey(predClaim))
        {
            // Defaulting to [] here would turn a task with predecessors under the other draft's name into a root.
            if (claims.ContainsKey(otherPredClaim))
            {
                return new EctError(EctErrorCode.ClaimMissing, $"{predClaim} is required in mode {draft.ToWireName()}; the payload has {otherPredClaim} instead");
            }

            claims[predClaim] = new JsonArray();
        }

        if (!claims.ContainsKey("iat"))
        {
            claims["iat"] = now;
        }

        if (!claims.ContainsKey("exp") && claims["iat"] is JsonValue iat)
        {
            if (Configuration.OptionsJson.TryGetInteger(iat, out var issuedAt))
            {
                claims["exp"] = issuedAt + options.DefaultExpirySeconds;
            }
            else if (iat.GetValueKind() == JsonValueKind.Number)
            {
                // CLM-3 PROFILE: a fractional or huge iat is this engine's to refuse; no exp is filled, so the claims check says so.
                ProfileChoiceLog.Touch(ProfileChoice.InexactNumericDate);
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="key"/> cannot sign ES256, or null: it must be a P-256 key with its private part.</summary>
    private static string? SigningKeyProblem(ECDsa key)
    {
        try
        {
            var curve = key.ExportParameters(includePrivateParameters: false).Curve;
            if (key.KeySize != 256 || !curve.IsNamed || curve.Oid.Value != P256Oid)
            {
                return $"the signing key is a {key.KeySize}-bit {curve.Oid.FriendlyName ?? "EC"} key, not P-256 as ES256 requires";
            }

            // A probe rather than exporting d, which a non-exportable key would refuse although it can sign.
            _ = key.SignHash(new byte[32]);
            return null;
        }
        catch (CryptographicException e)
        {
            return $"the signing key cannot sign (a public key only?): {e.Message}";
        }
    }

    private const string P256Oid = "1.2.840.10045.3.1.7";

    private static CreateResult Refuse(EctErrorCode code, string message) => new(null, new EctError(code, message));
}
