using System.Buffers;
using System.Text.Json;

namespace Ect.Parsing;

/// <summary>
/// A compact JWS whose header and payload have been parsed as strict JSON objects. The header and
/// signature bytes live in one pooled buffer (they are not needed once verification ends); the
/// payload bytes are a fresh array because an accepted payload keeps them. Owns both documents.
/// </summary>
internal sealed class ParsedToken : IDisposable
{
    private readonly byte[] _rented;
    private readonly int _headerLength;
    private readonly int _signatureLength;

    public ParsedToken(string token, int signingInputLength, byte[] rented, int headerLength, int signatureLength,
        byte[] payload, JsonDocument header, JsonDocument payloadDocument)
    {
        Token = token;
        SigningInputLength = signingInputLength;
        _rented = rented;
        _headerLength = headerLength;
        _signatureLength = signatureLength;
        Payload = payload;
        Header = header;
        PayloadDocument = payloadDocument;
    }

    public string Token { get; }

    public int SigningInputLength { get; }

    public ReadOnlySpan<char> SigningInput => Token.AsSpan(0, SigningInputLength);

    public ReadOnlyMemory<byte> HeaderBytes => _rented.AsMemory(0, _headerLength);

    public ReadOnlySpan<byte> Signature => _rented.AsSpan(_headerLength, _signatureLength);

    public byte[] Payload { get; }

    public JsonDocument Header { get; }

    public JsonDocument PayloadDocument { get; }

    /// <summary>Copies the parts out of the pooled buffer.</summary>
    public CompactJws ToCompactJws() =>
        new(Token, HeaderBytes.ToArray(), Payload, Signature.ToArray(), SigningInputLength);

    // Stryker disable once Statement,Block : resource release only
    public void Dispose()
    {
        Header.Dispose();
        PayloadDocument.Dispose();
        ArrayPool<byte>.Shared.Return(_rented);
    }
}
