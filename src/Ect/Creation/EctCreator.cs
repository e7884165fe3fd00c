using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    public static CreateResult Create(JsonObject payload, ECDsa signingKey, string kid, EctDraft draft, CreateOptions options, long now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(options);
        var claims = payload.DeepClone().AsObject();
        var error = FillDefaults(claims, draft, options, now);
        if (error is not null)
        {
            return new CreateResult(null, error);
        }

        byte[] json;
        try
        {
            json = JsonBytes.Serialize(claims);
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

            var read = ClaimReader.Read(document.RootElement, json, draft, options.ClaimRules, out error);
            error ??= DagValidator.ValidateList(read!, new DagOptions { MaxPredLength = options.MaxPredLength });
            if (error is not null)
            {
                return new CreateResult(null, error);
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

        if (!claims.ContainsKey("exp") && claims["iat"] is JsonValue iat && Configuration.OptionsJson.TryGetInteger(iat, out var issuedAt))
        {
            claims["exp"] = issuedAt + options.DefaultExpirySeconds;
        }

        return null;
    }

    private static CreateResult Refuse(EctErrorCode code, string message) => new(null, new EctError(code, message));
}
