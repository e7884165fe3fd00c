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
        Boundaries();
        NonDefaultOptions();
        JsonTypes();
        Shapes();
    }

    /// <summary>
    /// Spellings that trip a depth measured by scanning the text rather than by reading the JSON:
    /// brackets inside strings, escapes, empty keys, siblings. Each kills a mutant of the engine's
    /// own scanner that no other vector noticed (docs/mutation.md).
    /// </summary>
    private void Shapes()
    {
        Native("shape::empty-key-at-depth-6", "An extension nested 6 deep whose outermost key is the empty string: ext_too_deep in mode 01, either verdict in mode 00. Catches a depth scanner that loses its place on an empty key.", R("EXT-1"),
            t => t.Ext(new JsonObject { [""] = Objects(5) }), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"]);
        Native("shape::escape-before-depth-6", "An extension whose first member is a string holding an escape (\\n) and whose second is nested to depth 6: ext_too_deep in mode 01, either verdict in mode 00. Catches a scanner that leaves a string early at an escape and miscounts what follows.", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.a"] = "\n", ["com.example.b"] = Objects(5) }), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"]);
        Native("shape::brackets-in-string", "An extension of depth 1 holding the string [[[[[[: accepted. Catches brackets inside a string counted as nesting.", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.a"] = "[[[[[[" }), ExpectedResult.Valid);
        Native("shape::brackets-after-escaped-quote", "An extension of depth 1 holding the string \"[[[[[[ (an escaped quote, then brackets): accepted. Catches a scanner that takes the escaped quote for the end of the string and counts the brackets.", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.a"] = "\"[[[[[[" }), ExpectedResult.Valid);
        Native("shape::sibling-arrays", "An extension holding five empty arrays side by side is depth 2: accepted. Catches a depth that grows with siblings (a closing bracket not counted).", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.a"] = new JsonArray(), ["com.example.b"] = new JsonArray(), ["com.example.c"] = new JsonArray(), ["com.example.d"] = new JsonArray(), ["com.example.e"] = new JsonArray() }), ExpectedResult.Valid);
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

    /// <summary>The size and depth limits one below, where the groups above give only at and above.</summary>
    private void Boundaries()
    {
        Native("boundary::4095-bytes", "An extension of 4095 bytes (one below ext_max_bytes 4096) is accepted. Catches a size bound off by one on the inside (size >= max).", R("EXT-1"),
            t => t.Ext(OfSize(4095)), ExpectedResult.Valid, flags: ["ExtensionLimit"]);
        Native("boundary::custom-63-bytes", "With ext_max_bytes 64, a 63-byte extension is accepted. Catches a size bound off by one on the inside.", R("EXT-1"),
            t => t.Ext(OfSize(63)), ExpectedResult.Valid, flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_bytes", 64));
        Native("boundary::4-objects", "An extension nested 4 deep (one below ext_max_depth 5) is accepted. Catches a depth bound off by one on the inside.", R("EXT-1"),
            t => t.Ext(Objects(4)), ExpectedResult.Valid, flags: ["ExtensionLimit"]);
        Native("boundary::custom-depth-1-flat", "With ext_max_depth 1, a flat extension object (depth 1) is accepted. Catches the object itself not counted as depth 1 (or counted twice).", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.k"] = "v" }), ExpectedResult.Valid, flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_depth", 1));
        Native("boundary::custom-depth-1-nested", "With ext_max_depth 1, an extension holding an empty array is depth 2: ext_too_deep in mode 01, either verdict in mode 00. Catches empty containers not counted as a level.", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.k"] = new JsonArray() }), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_depth", 1));
        Native("boundary::depth-in-last-member", "An extension whose first members are flat and whose last member is nested to depth 6: ext_too_deep in mode 01. Catches a depth measured along the first member only.", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.a"] = 1, ["com.example.b"] = new JsonObject(), ["com.example.z"] = Objects(5) }), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"]);
        Native("boundary::depth-in-array-element", "An extension holding an array whose second element is nested to depth 6 in total: ext_too_deep in mode 01. Catches a depth measured on the first array element only.", R("EXT-1"),
            t => t.Ext(new JsonObject { ["com.example.list"] = new JsonArray(1, Objects(4)) }), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"]);
    }

    /// <summary>ext_max_bytes and ext_max_depth above their defaults, both ways, so a hard-coded 4096 or 5 is caught.</summary>
    private void NonDefaultOptions()
    {
        Native("option::bytes-8192-at", "With ext_max_bytes 8192, an 8192-byte extension is accepted. Catches a hard-coded ext_max_bytes of 4096.", R("EXT-1"),
            t => t.Ext(OfSize(8192)), ExpectedResult.Valid, flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_bytes", 8192));
        Native("option::bytes-8192-past", "With ext_max_bytes 8192, an 8193-byte extension is ext_too_large in mode 01 (either verdict in mode 00). Catches a size bound not applied above the default.", R("EXT-1"),
            t => t.Ext(OfSize(8193)), ExpectedResult.Invalid("ext_too_large"), ExpectedResult.Acceptable("ext_too_large"), flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_bytes", 8192));
        Native("option::depth-8-at", "With ext_max_depth 8, an extension 8 deep is accepted. Catches a hard-coded ext_max_depth of 5.", R("EXT-1"),
            t => t.Ext(Objects(8)), ExpectedResult.Valid, flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_depth", 8));
        Native("option::depth-8-past", "With ext_max_depth 8, an extension 9 deep is ext_too_deep in mode 01 (either verdict in mode 00). Catches a depth bound not applied above the default.", R("EXT-1"),
            t => t.Ext(Objects(9)), ExpectedResult.Invalid("ext_too_deep"), ExpectedResult.Acceptable("ext_too_deep"), flags: ["ExtensionLimit"], setup: c => c.Option("ext_max_depth", 8));
    }

    /// <summary>The wrong JSON types of the extension that the type group leaves out.</summary>
    private void JsonTypes()
    {
        Native("json-type::boolean", "An extension that is true is claim_invalid. Catches a truthiness check standing in for the object check.", R("EXT-2"), t => t.Ext(true), ExpectedResult.Invalid("claim_invalid"));
        Native("json-type::false", "An extension that is false is claim_invalid. Catches false read as an absent extension.", R("EXT-2"), t => t.Ext(false), ExpectedResult.Invalid("claim_invalid"));
        Native("json-type::empty-array", "An extension that is an empty array is claim_invalid. Catches [] read as an empty object.", R("EXT-2"), t => t.Ext(new JsonArray()), ExpectedResult.Invalid("claim_invalid"));
        Native("json-type::json-text-string", "An extension that is a string holding JSON object text is claim_invalid. Catches a reader that parses a string extension as JSON (near-type).", R("EXT-2"),
            t => t.Ext("{\"com.example.k\":\"v\"}"), ExpectedResult.Invalid("claim_invalid"));
    }
}
