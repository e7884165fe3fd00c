using System.Text.Json.Nodes;

namespace Ect.Vectors.Building;

/// <summary>
/// A built token: the compact text a vector carries, what went into it (for the comments beside
/// it in the YAML and for the payload an accepting verifier returns), and the vocabulary it uses.
/// </summary>
public sealed record Token(string Text, Vocab Vocab, JsonObject? Payload, IReadOnlyList<string> Notes, bool LegacyTyp)
{
    public override string ToString() => Text;
}

/// <summary>The segments of a compact JWS while it is being built or broken.</summary>
public sealed record Parts(string Header, string Payload, byte[] Signature)
{
    public string SigningInput => Header + "." + Payload;

    public string Compact => SigningInput + "." + Ect.Parsing.Base64Url.Encode(Signature);
}

/// <summary>A deliberate change to the base64url text of a segment before it is signed (so only the encoding is at fault).</summary>
public sealed record EncodingMutation(string Name, string Summary, Func<string, string> Apply);

/// <summary>A deliberate change after signing; the result is the final token text.</summary>
public sealed record TokenMutation(string Name, string Summary, Func<Parts, string> Apply);
