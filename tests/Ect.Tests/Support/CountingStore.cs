using Ect.Dag;
using Ect.Model;

namespace Ect.Tests.Support;

/// <summary>
/// A store that counts what DAG validation asks of it, so that tests can assert how much work a
/// verdict took (lookups) instead of how long it took on a shared machine.
/// </summary>
public sealed class CountingStore(IEctStore inner) : IEctStore
{
    public int Lookups { get; private set; }

    public bool Contains(string jti, string? wid) => inner.Contains(jti, wid);

    public EctPayload? FindPredecessor(string jti, string? wid)
    {
        Lookups++;
        return inner.FindPredecessor(jti, wid);
    }

    public bool IsReferenced(string jti, string? wid) => inner.IsReferenced(jti, wid);
}
