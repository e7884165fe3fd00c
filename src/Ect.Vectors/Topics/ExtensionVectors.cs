using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>EXT-1 and EXT-2: the extension object's size and depth limits (MUST in mode 01, SHOULD in mode 00) and its type.</summary>
public sealed class ExtensionVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "extension";

    protected override void Define()
    {
        Size();
        Depth();
        Type();
    }

    private void Size()
    {
        Native("size::4096-bytes", "An extension of exactly 4096 bytes of compact JSON (ext_max_bytes) is accepted.", R("EXT-1"),
            t => t.Ext(OfSize(4096)), ExpectedResult.Valid, flags: ["ExtensionLimit"]);
        Native("size::4097-bytes", "An extension of 4097 bytes is ext_too_large in mode 01; in mode 00 the limit is a SHOULD NOT, so either verdict.", R("EXT-1"),
            t => t.Ext(OfSize(4097)), ExpectedResult.Invalid("ext_too_large"), ExpectedResult.Acceptable("ext_too_large"), flags: ["ExtensionLimit"]);
        Native("size::custom-64-bytes", "With ext_max_bytes 64, a 64-byte extension is accepted.", R("EXT-1"),
            t => t.Ext(OfSize(64)), ExpectedResult.Valid, flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_bytes", 64));
        Native("size::custom-65-bytes", "With ext_max_bytes 64, a 65-byte extension is ext_too_large in mode 01 (either verdict in mode 00).", R("EXT-1"),
            t => t.Ext(OfSize(65)), ExpectedResult.Invalid("ext_too_large"), ExpectedResult.Acceptable("ext_too_large"), flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_bytes", 64));
        Native("size::whitespace-not-counted", "An extension of 4096 compact bytes written with extra spaces is measured as compact JSON: accepted.", R("EXT-1"),
            t => t.RawPayload(t.Ext(OfSize(4096)).PayloadJson().Replace("{\"com.example.data\":", "{ \"com.example.data\" :   ", StringComparison.Ordinal)),
            ExpectedResult.Valid, flags: ["ExtensionLimit"]);
        Only01("size::ext-name-ignored-in-01", "In mode 01 a 5000-byte object named ext (the -00 name) on an exec+jwt token is an unknown claim: ignored.", R("EXT-1", "CLM-8"),
            t => t.Set("ext", OfSize(5000)), ExpectedResult.Valid, flags: ["ExtensionLimit"]);
        Only00("size::ect-ext-name-ignored-in-00", "In mode 00 a 5000-byte object named ect_ext (the -01 name) is an unknown claim: ignored.", R("EXT-1", "CLM-8"),
            t => t.Set("ect_ext", OfSize(5000)), ExpectedResult.Valid, flags: ["ExtensionLimit"]);
    }

    private void Depth()
    {
        Native("depth::empty-object", "An empty extension object (depth 1) is accepted.", R("EXT-1", "EXT-2"), t => t.Ext(new JsonObject()), ExpectedResult.Valid);
        Native("depth::5-objects", "An extension nested 5 deep in objects (the object itself is depth 1) is accepted.", R("EXT-1"),
            t => t.Ext(Objects(5)), ExpectedResult.Valid, flags: ["ExtensionLimit"]);
        Native("depth::6-objects", "An extension nested 6 deep is ext_too_deep in mode 01; either verdict in mode 00.", R("EXT-1"),
            t => t.Ext(Objects(6)), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"]);
        Native("depth::5-with-arrays", "An object holding arrays nested to depth 5 in total is accepted.", R("EXT-1"),
            t => t.Ext(Arrays(5)), ExpectedResult.Valid, flags: ["ExtensionLimit"]);
        Native("depth::6-with-arrays", "Arrays count as nesting levels: an object holding arrays nested to depth 6 is ext_too_deep in mode 01; either verdict in mode 00.", R("EXT-1"),
            t => t.Ext(Arrays(6)), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"]);
        Native("depth::custom-2", "With ext_max_depth 2, an extension of depth 2 is accepted.", R("EXT-1"),
            t => t.Ext(Objects(2)), ExpectedResult.Valid, flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_depth", 2));
        Native("depth::custom-3", "With ext_max_depth 2, an extension of depth 3 is ext_too_deep in mode 01; either verdict in mode 00.", R("EXT-1"),
            t => t.Ext(Objects(3)), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_depth", 2));
        Native("depth::deep-and-large", "An extension both too deep and too large breaks two claim-stage limits: either code in mode 01.", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.deep"] = Objects(6), ["com.example.data"] = new string('a', 4100) }),
            ExpectedResult.Invalid("ext_too_large", "ext_too_deep"), ExpectedResult.Acceptable("ext_too_large", "ext_too_deep"), flags: ["ExtensionLimit"]);
    }

    private void Type()
    {
        Native("type::string", "An extension that is a string is claim_invalid.", R("EXT-2"), t => t.Ext("com.example.flag"), ExpectedResult.Invalid("claim_invalid"));
        Native("type::array", "An extension that is an array is claim_invalid.", R("EXT-2"), t => t.Ext(new JsonArray(new JsonObject())), ExpectedResult.Invalid("claim_invalid"));
        Native("type::number", "An extension that is a number is claim_invalid.", R("EXT-2"), t => t.Ext(1), ExpectedResult.Invalid("claim_invalid"));
        Native("type::null", "An extension that is null is present and not an object, or read as absent: either verdict.", R("EXT-2"),
            t => t.Ext(null), ExpectedResult.Acceptable("claim_invalid"), flags: ["NullOptionalClaim"]);
        Native("type::unknown-keys", "Unknown keys inside the extension, reverse-domain or not, are ignored.", R("EXT-2"),
            t => t.Ext(new JsonObject { ["com.example.trace_id"] = "t-1", ["priority"] = 3, ["com.example.nested"] = new JsonObject { ["a"] = new JsonArray(1, 2) } }),
            ExpectedResult.Valid);
    }

    /// <summary>{"com.example.data":"aaa…"} of exactly <paramref name="bytes"/> bytes of compact JSON (ASCII, no escapes).</summary>
    public static JsonObject OfSize(int bytes)
    {
        const int overhead = 23; // {"com.example.data":""}
        return new JsonObject { ["com.example.data"] = new string('a', bytes - overhead) };
    }

    /// <summary>Objects nested so the outermost is depth 1 and the innermost depth <paramref name="depth"/>.</summary>
    public static JsonObject Objects(int depth)
    {
        JsonNode inner = new JsonObject { ["com.example.leaf"] = true };
        for (var i = 1; i < depth; i++)
        {
            inner = new JsonObject { ["com.example.level"] = inner };
        }

        return (JsonObject)inner;
    }

    /// <summary>An object holding arrays nested so the total depth is <paramref name="depth"/>.</summary>
    public static JsonObject Arrays(int depth)
    {
        JsonNode inner = new JsonArray(1);
        for (var i = 2; i < depth; i++)
        {
            inner = new JsonArray(inner);
        }

        return new JsonObject { ["com.example.matrix"] = inner };
    }
}
