namespace Ect.Verification;

/// <summary>RFC 9562 textual UUIDs: 8-4-4-4-12 hex digits, any version, either case (CLM-4, CLM-5).</summary>
internal static class Uuid
{
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var c = value[i];
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? c != '-' : !char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
