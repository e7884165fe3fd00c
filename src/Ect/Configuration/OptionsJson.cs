using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Creation;
using Ect.Verification;

namespace Ect.Configuration;

/// <summary>
/// Reads verifier and creation options from the JSON objects that vectors and harness requests
/// carry (profile section 1 names). <c>max_par_length</c>, the -00 name, is read as
/// <c>max_pred_length</c> (MIG-7). Unknown or mistyped members are errors, never ignored.
/// </summary>
internal static class OptionsJson
{
    private static readonly HashSet<string> Known =
    [
        "verifier_id", "allowed_algs", "iat_max_age", "iat_max_future", "exp_leeway", "max_pred_length", "max_par_length",
        "dag_clock_skew", "max_ancestors", "ext_max_bytes", "ext_max_depth", "validate_uuids", "replay_check",
        "max_token_bytes", "minimum_level", "default_expiry",
    ];

    public static VerifierOptions ReadVerifierOptions(JsonObject? json)
    {
        json ??= [];
        CheckMembers(json);
        var defaults = new VerifierOptions { VerifierId = "" };
        return new VerifierOptions
        {
            VerifierId = String(json, "verifier_id") ?? throw new FormatException("options.verifier_id is required"),
            AllowedAlgorithms = Strings(json, "allowed_algs") ?? defaults.AllowedAlgorithms,
            IatMaxAgeSeconds = Integer(json, "iat_max_age") ?? defaults.IatMaxAgeSeconds,
            IatMaxFutureSeconds = Integer(json, "iat_max_future") ?? defaults.IatMaxFutureSeconds,
            ExpLeewaySeconds = Integer(json, "exp_leeway") ?? defaults.ExpLeewaySeconds,
            MaxPredLength = (int)(PredLength(json) ?? defaults.MaxPredLength),
            DagClockSkewSeconds = Integer(json, "dag_clock_skew") ?? defaults.DagClockSkewSeconds,
            MaxAncestors = (int)(Integer(json, "max_ancestors") ?? defaults.MaxAncestors),
            ExtMaxBytes = (int)(Integer(json, "ext_max_bytes") ?? defaults.ExtMaxBytes),
            ExtMaxDepth = (int)(Integer(json, "ext_max_depth") ?? defaults.ExtMaxDepth),
            ValidateUuids = Boolean(json, "validate_uuids") ?? defaults.ValidateUuids,
            ReplayCheck = Boolean(json, "replay_check") ?? defaults.ReplayCheck,
            MaxTokenBytes = (int)(Integer(json, "max_token_bytes") ?? defaults.MaxTokenBytes),
            MinimumLevel = (int)(Integer(json, "minimum_level") ?? defaults.MinimumLevel),
        };
    }

    public static CreateOptions ReadCreateOptions(JsonObject? json)
    {
        json ??= [];
        CheckMembers(json);
        var defaults = new CreateOptions();
        return new CreateOptions
        {
            DefaultExpirySeconds = Integer(json, "default_expiry") ?? defaults.DefaultExpirySeconds,
            ValidateUuids = Boolean(json, "validate_uuids") ?? defaults.ValidateUuids,
            MaxPredLength = (int)(PredLength(json) ?? defaults.MaxPredLength),
            ExtMaxBytes = (int)(Integer(json, "ext_max_bytes") ?? defaults.ExtMaxBytes),
            ExtMaxDepth = (int)(Integer(json, "ext_max_depth") ?? defaults.ExtMaxDepth),
        };
    }

    private static void CheckMembers(JsonObject json)
    {
        foreach (var (name, _) in json)
        {
            if (!Known.Contains(name))
            {
                throw new FormatException($"options.{name} is not a known option");
            }
        }
    }

    private static long? PredLength(JsonObject json)
    {
        var pred = Integer(json, "max_pred_length");
        var par = Integer(json, "max_par_length");
        if (pred is not null && par is not null && pred != par)
        {
            throw new FormatException("options.max_pred_length and its -00 name max_par_length are both set and differ");
        }

        return pred ?? par;
    }

    private static string? String(JsonObject json, string name) =>
        json[name] switch
        {
            null => null,
            JsonValue v when TryGetText(v, out var s) => s,
            _ => throw new FormatException($"options.{name} must be a string"),
        };

    private static long? Integer(JsonObject json, string name) =>
        json[name] switch
        {
            null => null,
            JsonValue v when TryGetInteger(v, out var n) && n is >= 0 and <= int.MaxValue => n,
            _ => throw new FormatException($"options.{name} must be a non-negative integer no larger than {int.MaxValue}"),
        };

    /// <summary>
    /// An integer however the node holds it: parsed JSON, decided exactly from its text as claims are
    /// (<see cref="JsonInteger"/>, so <c>900.0</c> and <c>9e2</c> are 900, and a value past the range of a long is
    /// no integer rather than a rounded one), or a value built in code from an int or a long.
    /// </summary>
    public static bool TryGetInteger(JsonValue value, out long number)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.TryGetValue<JsonElement>(out var element))
        {
            number = 0;
            return element.ValueKind == JsonValueKind.Number
                && JsonInteger.Read(JsonMarshal.GetRawUtf8Value(element), long.MaxValue, out number) == JsonIntegerResult.Whole;
        }

        if (value.TryGetValue(out number))
        {
            return true;
        }

        if (value.TryGetValue<int>(out var small))
        {
            number = small;
            return true;
        }

        return false;
    }

    /// <summary>A string value; false for a string read from JSON text with a lone surrogate escape ("\ud800"), which is no string at all.</summary>
    private static bool TryGetText(JsonValue value, out string text)
    {
        try
        {
            if (value.TryGetValue<string>(out var s))
            {
                text = s;
                return true;
            }
        }
        catch (InvalidOperationException)
        {
        }

        text = "";
        return false;
    }

    private static bool? Boolean(JsonObject json, string name) =>
        json[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw new FormatException($"options.{name} must be true or false"),
        };

    private static string[]? Strings(JsonObject json, string name) =>
        json[name] switch
        {
            null => null,
            JsonArray a => a.Select(n => n is JsonValue v && TryGetText(v, out var s) ? s : throw new FormatException($"options.{name} must be an array of strings")).ToArray(),
            _ => throw new FormatException($"options.{name} must be an array of strings"),
        };
}
