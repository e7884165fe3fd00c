namespace Ect.Verification;

/// <summary>
/// Size and depth of an extension object (EXT-1), measured on its raw JSON text: the size is
/// that of the compact serialization as the issuer spelled it (whitespace outside strings
/// removed, escapes kept), the depth counts the object itself as 1 and each nested object or
/// array as one more. Linear, no allocation.
/// </summary>
internal static class ExtensionMeasure
{
    public static (int CompactBytes, int Depth) Measure(ReadOnlySpan<byte> rawJson)
    {
        int size = 0, depth = 0, maxDepth = 0;
        bool inString = false, escaped = false;
        foreach (var b in rawJson)
        {
            if (inString)
            {
                size++;
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    maxDepth = Math.Max(maxDepth, depth);
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    break;
            }

            size++;
        }

        return (size, maxDepth);
    }
}
