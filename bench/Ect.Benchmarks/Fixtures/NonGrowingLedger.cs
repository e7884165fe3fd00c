using Ect.Errors;
using Ect.Ledger;
using Ect.Model;

namespace Ect.Benchmarks.Fixtures;

/// <summary>Reads through to a real ledger; an append does the duplicate check a real one does and then keeps nothing.</summary>
internal sealed class NonGrowingLedger(IEctLedger inner) : IEctLedger
{
    public int Count => inner.Count;

    public EctError? TryAppend(EctPayload payload) =>
        inner.Contains(payload.Jti, payload.Wid) ? new EctError(EctErrorCode.DagDuplicateJti, "duplicate") : null;

    public EctPayload? Find(string jti, string? wid) => inner.Find(jti, wid);

    public IReadOnlyList<EctPayload> Entries() => inner.Entries();

    public bool Contains(string jti, string? wid) => inner.Contains(jti, wid);

    public EctPayload? FindPredecessor(string jti, string? wid) => inner.FindPredecessor(jti, wid);

    public bool IsReferenced(string jti, string? wid) => inner.IsReferenced(jti, wid);
}
