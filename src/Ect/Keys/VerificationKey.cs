using System.Security.Cryptography;

namespace Ect.Keys;

/// <summary>
/// An ES256 public key ready to verify. Holds one <see cref="ECDsa"/> per thread because the
/// framework does not promise that one instance may be used concurrently.
/// </summary>
public sealed class VerificationKey : IDisposable
{
    private readonly ECParameters _parameters;
    private readonly ThreadLocal<ECDsa> _perThread;

    public VerificationKey(string kid, ECParameters publicParameters)
    {
        Kid = kid;
        _parameters = new ECParameters { Curve = publicParameters.Curve, Q = publicParameters.Q };

        // Creating one instance now turns a point that is not on the curve into an error at load time, not at verify time.
        using (ECDsa.Create(_parameters))
        {
        }

        _perThread = new ThreadLocal<ECDsa>(() => ECDsa.Create(_parameters), trackAllValues: true);
    }

    public string Kid { get; }

    /// <summary>Verifies an IEEE P1363 (r‖s) ES256 signature over <paramref name="signingInput"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature) =>
        _perThread.Value!.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose()
    {
        foreach (var ecdsa in _perThread.Values)
        {
            ecdsa.Dispose();
        }

        _perThread.Dispose();
    }
}
