using System.Text.Json.Nodes;
using Ect.Model;
using Ect.Parsing;
using Ect.Verification;

namespace Ect.Tests.Support;

/// <summary>Typed payloads for DAG and ledger tests, built without signatures.</summary>
public static class Payloads
{
    public static EctPayload Task(string jti, long iat, string? wid = null, params string[] preds) =>
        Task(EctDraft.Draft01, jti, iat, wid, preds);

    public static EctPayload Task(EctDraft draft, string jti, long iat, string? wid, params string[] preds)
    {
        var json = Tokens.Payload(draft, jti, preds);
        json["iat"] = iat;
        json["exp"] = iat + 600;
        if (wid is not null)
        {
            json["wid"] = wid;
        }

        return Read(json, draft);
    }

    public static EctPayload Read(JsonObject json, EctDraft draft = EctDraft.Draft01) =>
        ClaimReader.Read(TokenJson.Serialize(json), draft, ClaimRules.Default with { ValidateUuids = false }) is var read && read.Succeeded
            ? read.Value
            : throw new InvalidOperationException($"test payload is invalid: {read.Error}");
}
