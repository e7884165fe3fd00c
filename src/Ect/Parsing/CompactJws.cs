namespace Ect.Parsing;

/// <summary>
/// The three parts of a JWS compact serialization, decoded. <see cref="SigningInputLength"/>
/// is the length of <c>BASE64URL(header) '.' BASE64URL(payload)</c> at the start of <see cref="Token"/>.
/// </summary>
internal sealed class CompactJws
{
    // Stryker disable all : unreachable: only JwsParser.Parse builds one, which no case reaches (verification keeps the parsed documents)
    internal CompactJws(string token, byte[] header, byte[] payload, byte[] signature, int signingInputLength)
    {
        Token = token;
        Header = header;
        Payload = payload;
        Signature = signature;
        SigningInputLength = signingInputLength;
    }
    // Stryker restore all

    public string Token { get; }

    public byte[] Header { get; }

    public byte[] Payload { get; }

    public byte[] Signature { get; }

    public int SigningInputLength { get; }

    /// <summary>The ASCII characters that were signed.</summary>
    public ReadOnlySpan<char> SigningInput => Token.AsSpan(0, SigningInputLength);
}
