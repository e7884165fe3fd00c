using System.Collections;
using System.Text;
using System.Text.Json;

namespace Ect.Fuzz.Oracles;

/// <summary>
/// Differential oracle against jose-jwt. jose-jwt is more lenient than the profile (padding,
/// extra segments, duplicate names), so the oracle runs one way only: when we accept a token,
/// jose-jwt must read the same header and the same payload text. jose-jwt maps JSON onto CLR
/// objects and cannot represent numbers beyond Int64, fractions, lone surrogate escapes or
/// nesting deeper than 64; when it says so, there is nothing to compare.
/// </summary>
public static class JoseOracle
{
    public static void CheckSameToken(string token, JsonElement ourHeader, ReadOnlySpan<byte> ourPayload)
    {
        IDictionary<string, object> theirs;
        try
        {
            theirs = Jose.JWT.Headers(token);
        }
        catch (JsonException e) when (IsMappingLimit(e))
        {
            return;
        }
        catch (Exception e)
        {
            throw new OracleViolationException($"we accept the token, jose-jwt cannot read its header: {e.GetType().Name}: {e.Message}", e);
        }

        Compare(ourHeader, theirs, "header");
        var theirPayload = Jose.JWT.Payload(token);
        var ours = Encoding.UTF8.GetString(ourPayload);
        Check.That(string.Equals(ours, theirPayload, StringComparison.Ordinal),
            () => $"payload text differs: ours {Check.Show(ours)}, jose-jwt {Check.Show(theirPayload)}");
    }

    private static bool IsMappingLimit(JsonException e) =>
        e.Message.Contains("could not be converted", StringComparison.Ordinal)
        || e.Message.Contains("maximum configured depth", StringComparison.Ordinal);

    private static void Compare(JsonElement ours, object? theirs, string path)
    {
        switch (ours.ValueKind)
        {
            case JsonValueKind.Object:
                var dictionary = theirs as IDictionary<string, object> ?? throw Differ(path, ours, theirs);
                var count = 0;
                foreach (var member in ours.EnumerateObject())
                {
                    count++;
                    if (!dictionary.TryGetValue(member.Name, out var value))
                    {
                        throw Differ($"{path}.{member.Name}", member.Value, "(missing)");
                    }

                    Compare(member.Value, value, $"{path}.{member.Name}");
                }

                Check.That(count == dictionary.Count, () => $"{path}: we read {count} members, jose-jwt {dictionary.Count}");
                break;
            case JsonValueKind.Array:
                var list = theirs as IList ?? throw Differ(path, ours, theirs);
                Check.That(ours.GetArrayLength() == list.Count, () => $"{path}: array lengths differ ({ours.GetArrayLength()} vs {list.Count})");
                var i = 0;
                foreach (var item in ours.EnumerateArray())
                {
                    Compare(item, list[i], $"{path}[{i}]");
                    i++;
                }

                break;
            case JsonValueKind.String:
                Check.That(theirs is string s && string.Equals(s, ours.GetString(), StringComparison.Ordinal), () => Differ(path, ours, theirs).Message);
                break;
            case JsonValueKind.Number:
                Check.That(theirs is long n && ours.TryGetInt64(out var ourNumber) && ourNumber == n, () => Differ(path, ours, theirs).Message);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Check.That(theirs is bool b && b == ours.GetBoolean(), () => Differ(path, ours, theirs).Message);
                break;
            case JsonValueKind.Null:
                Check.That(theirs is null, () => Differ(path, ours, theirs).Message);
                break;
            default:
                throw Differ(path, ours, theirs);
        }
    }

    private static OracleViolationException Differ(string path, JsonElement ours, object? theirs) =>
        new($"{path}: we read {Check.Show(ours.GetRawText())}, jose-jwt read {Check.Show(theirs?.ToString())} ({theirs?.GetType().Name ?? "null"})");
}
