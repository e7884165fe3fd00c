using Ect.Errors;
using Ect.Ledger;
using Ect.Model;

namespace Ect.Tests.Support;

/// <summary>
/// An empty ledger whose every append fails as a duplicate, as a shared ledger does when another
/// verifier appended the same task between this verifier's DAG check and its append.
/// </summary>
public sealed class RefusingLedger : IEctLedger
{
    public int Count => 0;

    public EctError? TryAppend(EctPayload payload) => new(EctErrorCode.DagDuplicateJti, $"jti {payload.Jti} is already in the ledger");

    public EctPayload? Find(string jti, string? wid) => null;

    public IReadOnlyList<EctPayload> Entries() => [];

    public bool Contains(string jti, string? wid) => false;

    public EctPayload? FindPredecessor(string jti, string? wid) => null;

    public bool IsReferenced(string jti, string? wid) => false;
}
