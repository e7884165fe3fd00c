using System.Security.Cryptography;
using System.Text;
using Ect.Parsing;

namespace Ect.Fuzz.Fixtures;

/// <summary>Signs exact header and payload bytes, so a fuzzed JSON text reaches the verifier with a good signature.</summary>
public static class TokenFactory
{
    public static string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, ECDsa? key = null)
    {
        var signingInput = Base64Url.Encode(header) + "." + Base64Url.Encode(payload);
        var signature = (key ?? FuzzKeys.AgentASigner).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return signingInput + "." + Base64Url.Encode(signature);
    }

    public static string Sign(string headerJson, string payloadJson, ECDsa? key = null) =>
        Sign(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson), key);

    /// <summary>A level-1 (unsigned) -01 token: the base64url of the payload alone.</summary>
    public static string LevelOne(string payloadJson) => Base64Url.Encode(Encoding.UTF8.GetBytes(payloadJson));
}
