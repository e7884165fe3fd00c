using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ect.Creation;
using Ect.Keys;
using Ect.Ledger;
using Ect.Model;
using Ect.Verification;

namespace Ect.Benchmarks.Fixtures;

/// <summary>
/// The token every verification benchmark uses: mode 01, one predecessor, a small extension —
/// the shape of a typical task in a workflow — plus the keys and a ledger holding the predecessor.
/// </summary>
public sealed class TypicalToken
{
    private static readonly Lazy<TypicalToken> SharedInstance = new(() => new TypicalToken());

    public const long Now = 1_767_225_600;
    public const string VerifierId = "spiffe://example.com/agent/b";
    public const string Issuer = "spiffe://example.com/agent/a";
    public const string PredecessorJti = "550e8400-e29b-41d4-a716-446655440000";
    public const string Wid = "a0b1c2d3-e4f5-4789-abcd-ef0123456789";

    /// <summary>
    /// One fixture per process, never disposed: Microsoft.IdentityModel caches signature providers by key
    /// material, so a fresh ECDsa per benchmark case would meet a cached provider bound to a disposed one.
    /// </summary>
    public static TypicalToken Shared => SharedInstance.Value;

    private TypicalToken()
    {
        PrivateKey = JsonWebKey.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "keys", "agent-a.jwk.json")));
        PublicEcdsa = PrivateKey.ToPublic().ToECDsa();
        Keys = new KeySet([PrivateKey.ToPublic()]);
        Ledger = new MemoryLedger();
        Ledger.TryAppend(Payload(PredecessorJti, Now - 60));

        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = new JsonArray(VerifierId, "spiffe://example.com/system/ledger"),
            ["iat"] = Now - 5,
            ["exp"] = Now + 595,
            ["jti"] = "6ba7b810-9dad-41d1-80b4-00c04fd430c8",
            ["wid"] = Wid,
            ["exec_act"] = "implement_module",
            ["pred"] = new JsonArray(PredecessorJti),
            ["inp_hash"] = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg",
            ["ect_ext"] = new JsonObject { ["pol"] = "policy_v1", ["pol_decision"] = "approved" },
        };
        Token = EctCreator.Create(payload, PrivateKey, EctDraft.Draft01, new CreateOptions(), Now).Token!;
        var lastDot = Token.LastIndexOf('.');
        SigningInput = Encoding.ASCII.GetBytes(Token[..lastDot]);
        Signature = Parsing.Base64Url.Decode(Token.AsSpan(lastDot + 1))!;
    }

    public JsonWebKey PrivateKey { get; }

    public ECDsa PublicEcdsa { get; }

    public KeySet Keys { get; }

    public MemoryLedger Ledger { get; }

    public string Token { get; }

    public byte[] SigningInput { get; }

    public byte[] Signature { get; }

    /// <summary>
    /// A verifier that runs every check of a real one — DAG against the ledger, replay lookup and
    /// record — but whose ledger and replay cache do not grow, so the same token verifies on every
    /// invocation. Growth is measured on its own in the ledger and replay benchmarks.
    /// </summary>
    public EctVerifier CreateVerifier() =>
        new(EctDraft.Draft01, new VerifierOptions { VerifierId = VerifierId }, Keys, new NonGrowingLedger(Ledger), new NonGrowingReplayCache());

    public static EctPayload Payload(string jti, long iat, string? wid = Wid, params string[] preds) => new()
    {
        Issuer = Issuer,
        Audience = [VerifierId],
        IssuedAt = iat,
        ExpiresAt = iat + 600,
        Jti = jti,
        Wid = wid,
        ExecAct = "task",
        Predecessors = preds,
        Draft = EctDraft.Draft01,
        Json = ReadOnlyMemory<byte>.Empty,
    };
}
