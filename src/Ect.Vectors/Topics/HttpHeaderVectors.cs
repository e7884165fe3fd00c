using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>HTTP-1 (feature http-header): splitting Execution-Context field values into tokens.</summary>
public sealed class HttpHeaderVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "http-header";

    private static readonly string[] Both = ["00", "01"];

    protected override void Define()
    {
        var a = T01.Jti(1).Build().Text;
        var b = T01.Jti(2).Pred(1).Build().Text;
        var c = T00.Jti(3).Build().Text;

        Ok("split::one-token", "One field holding one token gives that token.", [a], a);
        Ok("split::two-in-one-field", "Two tokens separated by \", \" in one field are returned in order.", [a + ", " + b], a, b);
        Ok("split::no-whitespace", "Two tokens separated by a bare comma are returned in order.", [a + "," + b], a, b);
        Ok("split::tabs-and-spaces", "Spaces and tabs around members are optional whitespace.", [" \t" + a + " ,\t " + b + " "], a, b);
        Ok("split::two-fields", "Two fields (one per inline predecessor) give their tokens in field order.", [a, b], a, b);
        Ok("split::fields-and-lists", "A list field followed by a single field gives three tokens in order.", [a + ", " + b, c], a, b, c);
        Ok("split::empty-members", "Empty list members are skipped.", [", " + a + ",, " + b + ","], a, b);
        Ok("split::empty-field", "An empty field value holds no token.", [""]);
        Ok("split::whitespace-field", "A field of only whitespace holds no token.", ["  \t "]);
        Ok("split::unsigned-shape", "A member with an empty signature segment has the compact JWS shape; splitting does not judge it.", [a[..(a.LastIndexOf('.') + 1)]], a[..(a.LastIndexOf('.') + 1)]);
        Bad("reject::not-a-jws", "A member that is not a compact JWS is malformed.", [a + ", hello"]);
        Bad("reject::two-segments", "A member of two segments is malformed.", [a[..a.LastIndexOf('.')]]);
        Bad("reject::five-segments", "A member of five segments (a JWE) is malformed.", [a + ".AAAA.AAAA"]);
        Bad("reject::bearer-prefix", "A member with an authorization scheme prefix (\"Bearer \") is malformed.", ["Bearer " + a]);
        Bad("reject::padded-member", "A member with base64 padding is no compact JWS: malformed.", [a + "=="]);
        Bad("reject::quoted", "A quoted member is malformed.", ["\"" + a + "\""]);
        Bad("reject::semicolon", "Tokens separated by a semicolon are malformed: the list separator is a comma.", [a + ";" + b]);
        Bad("reject::bad-member-in-second-field", "A bad member in the second field makes the whole header malformed.", [a, "x.y"]);

        Ok("each-element::empty-field-between", "An empty field between two fields holds no token; the others give theirs in order. Catches splitting that stops at the first empty field.", [a, "", b], a, b);
        Ok("each-element::whitespace-member", "A member of only whitespace between commas is empty and skipped. Catches a member trimmed after the emptiness test.", [a + ", \t ," + b], a, b);
        Ok("each-element::three-fields-three-lists", "Three fields of lists give every token, in field order then list order. Catches a reader that splits only the first field, or only the first list.",
            [a + "," + b, c, b + ", " + a], a, b, c, b, a);
        Bad("each-element::bad-member-first", "A bad first member before a good one is malformed. Catches validation of the last member only.", ["x.y, " + a]);
        Bad("each-element::bad-member-middle", "A bad member between two good ones is malformed. Catches validation of the first and last members only.", [a + ", x.y, " + b]);
        Bad("each-element::bad-member-third-field", "A bad member in the third of three fields is malformed. Catches validation of the first two fields only.", [a, b, "hello"]);

        Bad("near-miss::newline-separator", "Tokens separated by a line feed are malformed: only spaces and tabs are optional whitespace. PROFILE, strict reading of HTTP-1 (RFC 9110 OWS). Catches a splitter that trims every kind of whitespace.", [a + "\n," + b]);
        Bad("near-miss::no-break-space", "A no-break space (U+00A0) before a member is no optional whitespace: malformed. PROFILE, strict reading (RFC 9110 OWS is space and tab). Catches Unicode-aware trimming.", ["\u00a0" + a]);
        Bad("near-miss::u0080-in-member", "A member whose first segment holds U+0080, the first character past ASCII, is no compact JWS: malformed. Catches a base64url alphabet table of 128 entries indexed with an off-by-one bound (a crash, not a refusal).", [a[..3] + "\u0080" + a[3..]]);
        Bad("near-miss::space-inside-member", "A space inside a member (between segments) is malformed. Catches a splitter that removes all whitespace.", [a.Replace(".", ". ", StringComparison.Ordinal)]);
    }

    private void Ok(string name, string description, string[] fields, params string[] tokens) =>
        Http(name, description).Rules("HTTP-1").Drafts(Both).Fields(fields).Expect(ExpectedResult.Valid, tokens);

    private void Bad(string name, string description, string[] fields) =>
        Http(name, description).Rules("HTTP-1").Drafts(Both).Flags("HeaderSplitting").Fields(fields).Expect(ExpectedResult.Invalid("malformed"));
}
