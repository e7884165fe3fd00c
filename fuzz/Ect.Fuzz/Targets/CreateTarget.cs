using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Creation;
using Ect.Errors;
using Ect.Fuzz.Fixtures;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;
using Ect.Parsing;
using Ect.Verification;

namespace Ect.Fuzz.Targets;

/// <summary>
/// <see cref="EctCreator.Create(JsonObject, Keys.JsonWebKey, EctDraft, CreateOptions, long)"/> and its
/// <c>ECDsa</c> overload on a payload read as a <see cref="JsonNode"/> (deeply nested and with
/// duplicate names allowed, as a caller's node can be). Asserts: a token or an error, never an
/// exception; only codes creation can give; both overloads agree; the caller's node is unchanged;
/// and a created token verifies, failing only for what creation does not check (audience, time, the store).
/// </summary>
public sealed class CreateTarget : IFuzzTarget
{
    private static readonly JsonDocumentOptions NodeOptions = new() { MaxDepth = 100_000 };

    /// <summary>What creation may refuse with: the claim checks of CRT-3, the DAG list checks, and the input bounds.</summary>
    private static readonly EctErrorCode[] CreationCodes =
    [
        EctErrorCode.Malformed, EctErrorCode.TokenTooLarge, EctErrorCode.ClaimMissing, EctErrorCode.ClaimInvalid,
        EctErrorCode.JtiInvalid, EctErrorCode.WidInvalid, EctErrorCode.HashInvalid, EctErrorCode.ExtTooLarge,
        EctErrorCode.ExtTooDeep, EctErrorCode.PolPair, EctErrorCode.SubMismatch, EctErrorCode.DagTooManyPreds,
        EctErrorCode.DagDuplicatePred,
    ];

    /// <summary>Checks verification makes and creation cannot: who the token is for, the clock, and the store.</summary>
    private static readonly EctErrorCode[] VerificationOnlyCodes =
    [
        EctErrorCode.AudMismatch, EctErrorCode.Expired, EctErrorCode.IatTooOld, EctErrorCode.IatInFuture,
        EctErrorCode.DagPredNotFound, EctErrorCode.DagTemporalOrder, EctErrorCode.DagCycle, EctErrorCode.DagWorkflowMismatch,
        EctErrorCode.DagDuplicateJti,
    ];

    private static readonly VerifierOptions Options = Scenario.Options with { MaxTokenBytes = 4 * JsonNodeLimits.MaxBytes, ReplayCheck = false };

    public string Name => "create";

    public string Description => "EctCreator.Create (JWK and ECDsa overloads) on a payload node; a result never an exception, creation codes only, the created token verifies";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["ect.dict", "json.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        foreach (var draft in (ReadOnlySpan<EctDraft>)[EctDraft.Draft00, EctDraft.Draft01])
        {
            if (Read(text) is not { } payload)
            {
                return;
            }

            var viaJwk = EctCreator.Create(payload, FuzzKeys.AgentA, draft, new CreateOptions(), Scenario.Now);
            var viaEcdsa = EctCreator.Create(payload, FuzzKeys.AgentASigner, "agent-a", draft, new CreateOptions(), Scenario.Now);
            CheckCoherent(viaJwk, draft);
            CheckCoherent(viaEcdsa, draft);
            Check.That(viaJwk.Error?.Code == viaEcdsa.Error?.Code, () => $"mode {draft.ToWireName()}: the JWK overload says {viaJwk.Error}, the ECDsa one {viaEcdsa.Error}");
            if (!viaJwk.Succeeded)
            {
                continue;
            }

            // A created payload holds only Unicode text and bounded nesting, so it can be compared.
            Check.That(Ect.Conformance.Judging.JsonEquality.DeepEquals(payload, Read(text)), () => $"mode {draft.ToWireName()}: creation changed the caller's payload (CRT-2)");
            Check.That(PayloadSegment(viaJwk.Token) == PayloadSegment(viaEcdsa.Token!), () => $"mode {draft.ToWireName()}: the overloads signed different payloads");
            var verified = new EctVerifier(draft, Options, FuzzKeys.VerifierKeys).VerifyUnguarded(viaJwk.Token, Scenario.Now);
            Check.That(verified.IsValid || VerificationOnlyCodes.Contains(verified.Error!.Code),
                () => $"mode {draft.ToWireName()}: a created token is {verified} (CRT-3)");
        }
    }

    private static JsonObject? Read(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: NodeOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void CheckCoherent(CreateResult result, EctDraft draft)
    {
        Check.That(result.Succeeded == (result.Token is not null) && result.Succeeded == (result.Error is null), () => $"mode {draft.ToWireName()}: token and error together or neither");
        Check.That(result.Error is null || (CreationCodes.Contains(result.Error.Code) && result.Error.Message.Length > 0),
            () => $"mode {draft.ToWireName()}: creation refused with {result.Error}");
    }

    private static string PayloadSegment(string token) => token.Split('.')[1];

    public IEnumerable<Seed> Seeds(SeedSource source) => EngineInputSeeds.Create(source);
}
