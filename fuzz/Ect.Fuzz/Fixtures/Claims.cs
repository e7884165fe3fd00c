using System.Text.Json.Nodes;

namespace Ect.Fuzz.Fixtures;

/// <summary>Payloads in either draft's vocabulary, valid at <see cref="Scenario.Now"/> unless changed.</summary>
public static class Claims
{
    public static JsonObject Payload(EctDraft draft, string jti, string? wid, long iat, params string[] preds)
    {
        var payload = new JsonObject
        {
            ["iss"] = Scenario.Issuer,
            ["aud"] = new JsonArray(Scenario.Verifier),
            ["iat"] = iat,
            ["exp"] = iat + 600,
            ["jti"] = jti,
            ["exec_act"] = "review_spec",
            [draft.PredClaim()] = new JsonArray(preds.Select(p => (JsonNode)p).ToArray()),
        };
        if (wid is not null)
        {
            payload["wid"] = wid;
        }

        return payload;
    }

    public static JsonObject Header(EctDraft draft, string kid = "agent-a") => new()
    {
        ["alg"] = "ES256",
        ["typ"] = draft.CreateTyp(),
        ["kid"] = kid,
    };
}
