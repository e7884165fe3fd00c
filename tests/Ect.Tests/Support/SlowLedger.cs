using Ect.Errors;
using Ect.Ledger;
using Ect.Model;

namespace Ect.Tests.Support;

/// <summary>
/// A ledger that pauses after each successful append, widening the moment between the append and
/// whatever the verifier does next, so that a race a fast ledger loses once in thousands of tries
/// is lost almost every time unless the code is free of it.
/// </summary>
public sealed class SlowLedger(IEctLedger inner, TimeSpan pause) : IEctLedger
{
    public int Count => inner.Count;

    public EctError? TryAppend(EctPayload payload)
    {
        var error = inner.TryAppend(payload);
        if (error is null)
        {
            Thread.Sleep(pause);
        }

        return error;
    }

    public EctPayload? Find(string jti, string? wid) => inner.Find(jti, wid);

    public IReadOnlyList<EctPayload> Entries() => inner.Entries();

    public bool Contains(string jti, string? wid) => inner.Contains(jti, wid);

    public EctPayload? FindPredecessor(string jti, string? wid) => inner.FindPredecessor(jti, wid);

    public bool IsReferenced(string jti, string? wid) => inner.IsReferenced(jti, wid);
}
