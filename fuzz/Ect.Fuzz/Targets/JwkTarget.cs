using System.Text;
using System.Text.Json;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;
using Ect.Keys;

namespace Ect.Fuzz.Targets;

/// <summary>
/// JWK and JWK-set reading. The input is JSON text: one JWK, a <c>{"keys": [...]}</c> set or an array.
/// Asserts: <see cref="JsonWebKey.Parse"/> and <see cref="KeySet.FromJson"/> fail only with
/// <see cref="FormatException"/>; a parsed key survives <c>ToJson</c> and <c>Parse</c> again;
/// <c>ToECDsa</c> fails only with <see cref="FormatException"/> and only for a key that is not P-256;
/// and a kid resolves to a key exactly when its JWK is a usable P-256 key for verifying ES256 (SIG-4, SIG-5).
/// </summary>
public sealed class JwkTarget : IFuzzTarget
{
    public string Name => "jwk";

    public string Description => "JsonWebKey.Parse/ToJson/ToECDsa and KeySet.FromJson/Resolve; FormatException only, round trip, SIG-4/SIG-5 model";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["jwk.dict", "json.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        CheckKey(text);
        CheckKeySet(text);
    }

    private static void CheckKey(string text)
    {
        JsonWebKey key;
        try
        {
            key = JsonWebKey.Parse(text);
        }
        catch (FormatException e)
        {
            Check.That(e.Message.Length > 0, "FormatException without a message");
            return;
        }

        var again = JsonWebKey.Parse(key.ToJson());
        Check.That(again.Kty == key.Kty && again.Kid == key.Kid && again.Crv == key.Crv && again.X == key.X && again.Y == key.Y && again.D == key.D
            && again.Use == key.Use && again.Alg == key.Alg && (again.KeyOps ?? []).SequenceEqual(key.KeyOps ?? []) && (again.KeyOps is null) == (key.KeyOps is null)
            && again.Defect == key.Defect && again.Mistyped.Count == key.Mistyped.Count,
            () => $"the key reads differently after ToJson: {Check.Show(key.ToJson())}");
        try
        {
            key.ToECDsa().Dispose();
        }
        catch (FormatException)
        {
            // The documented refusal of a key that is not a valid P-256 key.
        }
    }

    private static void CheckKeySet(string text)
    {
        JsonDocument document;
        try
        {
            // Without duplicate names, so that the model below reads the same members as the engine.
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        using (document)
        {
            KeySet keys;
            try
            {
                keys = KeySet.FromJson(document.RootElement);
            }
            catch (FormatException)
            {
                return;
            }

            using (keys)
            {
                var array = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.GetProperty("keys") : document.RootElement;
                foreach (var element in array.EnumerateArray())
                {
                    var jwk = JsonWebKey.FromJson(element);
                    if (jwk.Kid is null)
                    {
                        continue;
                    }

                    var resolved = keys.Resolve(jwk.Kid, out var reason);
                    Check.That((resolved is null) == (reason is not null), () => $"kid {Check.Show(jwk.Kid)}: a key and a reason together or neither");
                    Check.That(resolved is null || Usable(jwk, element), () => $"kid {Check.Show(jwk.Kid)} resolves although its JWK rules it out: {Check.Show(element.GetRawText())}");
                }
            }
        }
    }

    /// <summary>SIG-4 and SIG-5 written plainly from the profile, on the JWK's own JSON: P-256, and nothing in it against verifying ES256.</summary>
    private static bool Usable(JsonWebKey jwk, JsonElement element) =>
        jwk is { Kty: "EC", Crv: "P-256" }
        && (!element.TryGetProperty("use", out var use) || (use.ValueKind == JsonValueKind.String && use.ValueEquals("sig")))
        && (!element.TryGetProperty("key_ops", out var ops)
            || (ops.ValueKind == JsonValueKind.Array && ops.EnumerateArray().All(op => op.ValueKind == JsonValueKind.String)
                && ops.EnumerateArray().Any(op => op.ValueEquals("verify"))))
        && (!element.TryGetProperty("alg", out var alg) || (alg.ValueKind == JsonValueKind.String && alg.ValueEquals("ES256")));

    public IEnumerable<Seed> Seeds(SeedSource source) => EngineInputSeeds.Jwk(source);
}
