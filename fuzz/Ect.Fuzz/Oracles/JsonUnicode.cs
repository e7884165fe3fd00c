using System.Text.Json;

namespace Ect.Fuzz.Oracles;

/// <summary>
/// Finds strings that are valid JSON syntax but not Unicode: a lone surrogate escape such as
/// <c>"\ud800"</c>. No UTF-16 string and no UTF-8 writer can hold one, so the oracles that
/// re-serialise JSON, and MIG-8 (a migration re-serialises the payload), must leave them aside.
/// </summary>
public static class JsonUnicode
{
    public static bool HasLoneSurrogate(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (!Decodes(member, static m => m.Name) || HasLoneSurrogate(member.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (HasLoneSurrogate(item))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.String:
                return !Decodes(element, static e => e.GetString());
            default:
                return false;
        }
    }

    public static bool HasLoneSurrogate(ReadOnlySpan<byte> json)
    {
        using var document = Parsing.StrictJson.TryParseObject(json.ToArray(), out _);
        return document is not null && HasLoneSurrogate(document.RootElement);
    }

    private static bool Decodes<T>(T value, Func<T, string?> read)
    {
        try
        {
            _ = read(value);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
