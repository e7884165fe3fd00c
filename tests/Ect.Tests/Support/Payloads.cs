using System.Text.Json.Nodes;
using Ect.Conformance.Fuzzing;
using Ect.Model;
using Ect.Parsing;
using Ect.Verification;

namespace Ect.Tests.Support;

/// <summary>Typed payloads for DAG and ledger tests, built without signatures.</summary>
public static class Payloads
{
    public static EctPayload Task(string jti, long iat, string? wid = null, params string[] preds) =>
        Task(EctDraft.Draft01, jti, iat, wid, preds);

    /// <summary>The task payload the fuzzer's DAG generators store (<see cref="PayloadGenerator.Task"/>), read as claims.</summary>
    public static EctPayload Task(EctDraft draft, string jti, long iat, string? wid, params string[] preds) =>
        Read(PayloadGenerator.Task(draft, jti, wid, iat, preds), draft);

    public static EctPayload Read(JsonObject json, EctDraft draft = EctDraft.Draft01) =>
        ClaimReader.Read(TokenJson.Serialize(json), draft, ClaimRules.Default with { ValidateUuids = false }) is var read && read.Succeeded
            ? read.Value
            : throw new InvalidOperationException($"test payload is invalid: {read.Error}");
}
