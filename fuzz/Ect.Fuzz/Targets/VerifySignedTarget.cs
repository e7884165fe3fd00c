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
/// Full verification past the signature check. The input is <c>HEADER-JSON \n PAYLOAD-JSON</c>
/// (or only a payload, which then gets each mode's default header); the bytes are signed as they
/// are with agent-a's key and verified in both modes against the store fixture. Asserts the result
/// invariants and RPL-1, that a good signature by the key <c>kid</c> names is never
/// <c>signature_invalid</c>, that creation agrees with verification (an accepted payload can be
/// created, and the created token is accepted with the same claims: CRT-2, CRT-3), and that a -00
/// token accepted in mode 00 is accepted in mode 01 through the migration unless the migration
/// itself says why not (MIG-8).
/// </summary>
public sealed class VerifySignedTarget : IFuzzTarget
{
    /// <summary>
    /// Mode 01 may refuse a migrated token that mode 00 accepted only for these reasons (profile
    /// sections 2 and 9), or as <c>malformed</c> when a string is no Unicode (a lone surrogate
    /// escape, which mode 00 never decodes in an unknown claim but the migration must re-write).
    /// </summary>
    private static readonly EctErrorCode[] MigrationRefusals =
    [
        EctErrorCode.MigrationConflict,     // MIG-2, MIG-4 … MIG-6
        EctErrorCode.DagWorkflowMismatch,   // DAG-8 is checked in mode 01 only
        EctErrorCode.ExtTooLarge,           // pol and pol_decision move into ect_ext (MIG-4) and can push it over ext_max_bytes
    ];

    public string Name => "verify-signed";

    public string Description => "header/payload JSON re-signed with agent-a, verified in modes 00 and 01; no false signature_invalid, create ⇔ verify, MIG-8";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["ect.dict", "json.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var newline = input.IndexOf((byte)'\n');
        VerificationResult? mode00 = null;
        string? token00 = null;
        foreach (var draft in (ReadOnlySpan<EctDraft>)[EctDraft.Draft00, EctDraft.Draft01])
        {
            var header = newline < 0 ? System.Text.Encoding.UTF8.GetBytes(SampleTokens.Json(Claims.Header(draft))) : input[..newline];
            var payload = newline < 0 ? input : input[(newline + 1)..];
            var token = TokenFactory.Sign(header, payload);
            var result = VerifyOnce.Run(draft, token, Scenario.Options, out var verifier);
            var typ = HeaderString(header, "typ"u8);
            CheckSignatureVerdict(result, header);
            if (draft == EctDraft.Draft00)
            {
                Check.That(typ != EctDrafts.TypExec || result.Error?.Code is EctErrorCode.TypInvalid or EctErrorCode.Malformed or EctErrorCode.TokenTooLarge,
                    () => $"mode 00, typ exec+jwt: {result} (HDR-1)");
                (mode00, token00) = (result, token);
            }
            else if (mode00 is { IsValid: true } && typ == EctDrafts.TypLegacy && string.Equals(token, token00, StringComparison.Ordinal))
            {
                Check.That(result.IsValid || MigrationRefusals.Contains(result.Error!.Code)
                    || (result.Error.Code == EctErrorCode.Malformed && JsonUnicode.HasLoneSurrogate(payload)),
                    () => $"accepted in mode 00, but mode 01 (through the migration) says {result} (MIG-8)");
            }

            if (!result.IsValid)
            {
                continue;
            }

            var again = verifier.VerifyUnguarded(token, Scenario.Now);
            Check.That(again.Error?.Code == EctErrorCode.Replay, () => $"mode {draft.ToWireName()}: an accepted token presented again is {again} (RPL-1)");
            if (typ == draft.CreateTyp())
            {
                CheckCreation(draft, payload, result.Payload);
            }
        }
    }

    /// <summary>The token is signed by agent-a, so a header naming agent-a can only fail the signature check if the engine verifies the wrong bytes.</summary>
    private static void CheckSignatureVerdict(VerificationResult result, ReadOnlySpan<byte> header)
    {
        if (result.Error?.Code == EctErrorCode.SignatureInvalid)
        {
            Check.That(HeaderString(header, "kid"u8) != "agent-a", () => $"a token signed by agent-a with kid agent-a is {result}");
        }
    }

    /// <summary>CRT-3 read backwards: a payload verification accepts is one creation accepts; and what creation signs, verification accepts with the same claims.</summary>
    private static void CheckCreation(EctDraft draft, ReadOnlySpan<byte> payloadJson, Model.EctPayload accepted)
    {
        var payload = (JsonObject)JsonNode.Parse(payloadJson, documentOptions: StrictJson.DocumentOptions)!;
        var created = EctCreator.Create(payload, FuzzKeys.AgentASigner, "agent-a", draft, new CreateOptions(), Scenario.Now);
        if (!created.Succeeded)
        {
            // Creation writes the payload in its own compact form: the extension's measured size can change with it, and a
            // lone surrogate escape in a claim verification ignores cannot be written at all.
            var allowed = created.Error.Code == EctErrorCode.ExtTooLarge
                || (created.Error.Code == EctErrorCode.Malformed && JsonUnicode.HasLoneSurrogate(payloadJson));
            Check.That(allowed, () => $"mode {draft.ToWireName()}: verification accepts the payload, creation refuses it: {created.Error}");
            return;
        }

        var result = VerifyOnce.Run(draft, created.Token, Scenario.Options, out _);
        Check.That(result.IsValid, () => $"mode {draft.ToWireName()}: a token created from an accepted payload is {result}");
        var p = result.Payload!;
        Check.That(p.Jti == accepted.Jti && p.Wid == accepted.Wid && p.IssuedAt == accepted.IssuedAt && p.ExpiresAt == accepted.ExpiresAt
            && p.Predecessors.SequenceEqual(accepted.Predecessors) && p.Audience.SequenceEqual(accepted.Audience) && p.Issuer == accepted.Issuer,
            () => $"mode {draft.ToWireName()}: the created token's claims differ from the accepted payload's");
    }

    private static string? HeaderString(ReadOnlySpan<byte> header, ReadOnlySpan<byte> name)
    {
        using var document = StrictJson.TryParseObject(header.ToArray(), out _);
        if (document is null || !document.RootElement.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // a lone surrogate escape: no string to compare
        }
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => SignedSeeds.For(source);
}
