using System.Text.Json.Nodes;
using Ect.Fuzz.Fixtures;
using Ect.Parsing;
using static Ect.Fuzz.Fixtures.Scenario;

namespace Ect.Fuzz.Seeds;

/// <summary>
/// Hand-built header and payload pairs, one per path through verification that matters: valid
/// tokens of both drafts, the migration path, every header refusal, DAG verdicts against the store
/// fixture, extension and hash formats. They make the seeds before the vector corpus exists.
/// </summary>
public static class SampleTokens
{
    /// <summary>(name, header JSON, payload JSON).</summary>
    public static IEnumerable<(string Name, string Header, string Payload)> Parts()
    {
        var h01 = Claims.Header(EctDraft.Draft01);
        var h00 = Claims.Header(EctDraft.Draft00);
        yield return ("valid-01-child", Json(h01), Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888801", Workflow, Now - 10, Middle)));
        yield return ("valid-00-child", Json(h00), Json(Claims.Payload(EctDraft.Draft00, "88888888-8888-4888-8888-888888888802", Workflow, Now - 10, Middle)));
        yield return ("valid-01-root-no-wid", Json(h01), Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888803", null, Now)));
        yield return ("legacy-typ-in-01", Json(h00), Json(Claims.Payload(EctDraft.Draft00, "88888888-8888-4888-8888-888888888804", Workflow, Now - 5, Root1, Root2)));
        yield return ("cycle", Json(h01), Json(Claims.Payload(EctDraft.Draft01, Missing, Workflow, Now, Dangling)));
        yield return ("pred-not-found", Json(h01), Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888805", Workflow, Now, Missing)));
        yield return ("workflow-mismatch", Json(h01), Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888806", Workflow, Now, OtherRoot)));
        yield return ("duplicate-jti", Json(h01), Json(Claims.Payload(EctDraft.Draft01, Root1, Workflow, Now)));
        yield return ("temporal-order", Json(h01), Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888807", Workflow, Now - 200, Middle)));

        var rich = Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888808", Workflow, Now, Root1, Root2);
        rich["inp_hash"] = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";
        rich["out_hash"] = "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";
        rich["ect_ext"] = new JsonObject { ["pol"] = "policy-7", ["nested"] = new JsonObject { ["a"] = new JsonArray(1, 2.5, "é", null, true) } };
        rich["aud"] = new JsonArray("spiffe://example.com/other", Verifier);
        rich["unknown"] = "ignored";
        yield return ("rich-01", Json(h01), Json(rich));

        var legacy = Claims.Payload(EctDraft.Draft00, "88888888-8888-4888-8888-888888888809", Workflow, Now, Middle);
        legacy["sub"] = Issuer;
        legacy["pol"] = "policy-7";
        legacy["pol_decision"] = "approved";
        legacy["ext"] = new JsonObject { ["k"] = "v" };
        legacy["inp_hash"] = "sha-256:n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";
        yield return ("rich-00", Json(h00), Json(legacy));

        var plain = Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888810", null, Now));
        yield return ("alg-none", """{"alg":"none","typ":"exec+jwt","kid":"agent-a"}""", plain);
        yield return ("alg-hs256", """{"alg":"HS256","typ":"exec+jwt","kid":"agent-a"}""", plain);
        yield return ("crit", """{"alg":"ES256","typ":"exec+jwt","kid":"agent-a","crit":["exp"]}""", plain);
        yield return ("kid-agent-b", """{"alg":"ES256","typ":"exec+jwt","kid":"agent-b"}""", plain);
        yield return ("kid-rsa", """{"alg":"ES256","typ":"exec+jwt","kid":"rsa-1"}""", plain);
        yield return ("kid-p384", """{"alg":"ES256","typ":"exec+jwt","kid":"ec-p384"}""", plain);
        yield return ("no-kid", """{"alg":"ES256","typ":"exec+jwt"}""", plain);
        yield return ("typ-jwt", """{"alg":"ES256","typ":"JWT","kid":"agent-a"}""", plain);
        yield return ("embedded-jwk", $$"""{"alg":"ES256","typ":"exec+jwt","kid":"attacker","jwk":{{FuzzKeys.Attacker.ToPublic().ToJson()}}}""", plain);
        yield return ("duplicate-member", """{"alg":"ES256","typ":"exec+jwt","kid":"agent-a","kid":"agent-b"}""", plain);
        yield return ("deep-unknown-claim", Json(h01), plain[..^1] + ",\"deep\":" + new string('[', 40) + new string(']', 40) + "}");
        yield return ("fractional-iat", Json(h01), plain.Replace($"\"iat\":{Now}", $"\"iat\":{Now}.5", StringComparison.Ordinal));
        yield return ("escaped", Json(h01), plain.Replace("review_spec", "review\\u005fspec\\ud83d\\ude00", StringComparison.Ordinal));
    }

    /// <summary>Signed tokens, plus shapes that only the raw text can express.</summary>
    public static IEnumerable<(string Name, string Token)> Tokens()
    {
        foreach (var (name, header, payload) in Parts())
        {
            yield return (name, TokenFactory.Sign(header, payload));
        }

        var valid = TokenFactory.Sign(Json(Claims.Header(EctDraft.Draft01)), Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888811", null, Now)));
        var signingInput = valid[..valid.LastIndexOf('.')];
        yield return ("signature-zero-r", signingInput + "." + Base64Url.Encode(new byte[64]));
        yield return ("signature-der", signingInput + "." + Base64Url.Encode([0x30, 0x44, 0x02, 0x20, .. new byte[32], 0x02, 0x20, .. new byte[32]]));
        yield return ("signature-empty", signingInput + ".");
        yield return ("five-segments", valid + ".e30.e30");
        yield return ("padded", valid.Replace(".", "=.", StringComparison.Ordinal));
        yield return ("unsigned-level-1", TokenFactory.LevelOne(Json(Claims.Payload(EctDraft.Draft01, "88888888-8888-4888-8888-888888888812", Workflow, Now, Middle))));
    }

    public static string Json(JsonNode node) => System.Text.Encoding.UTF8.GetString(TokenJson.Serialize(node));
}
