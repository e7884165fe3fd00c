using Ect.Errors;
using Ect.Model;

namespace Ect.Ledger;

/// <summary>
/// An in-memory, append-only, thread-safe ledger. Besides the entries it indexes every
/// <c>jti</c> that some entry references, which lets DAG validation skip the cycle walk for
/// tasks nobody points at (see <see cref="Dag.DagValidator"/>).
/// </summary>
public sealed class MemoryLedger : IEctLedger
{
    private readonly Lock _gate = new();
    private readonly List<EctPayload> _entries = [];
    private readonly Dictionary<(string? Wid, string Jti), EctPayload> _byScope = [];
    private readonly Dictionary<string, EctPayload> _firstByJti = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public EctError? TryAppend(EctPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        lock (_gate)
        {
            if (ContainsUnlocked(payload.Jti, payload.Wid))
            {
                return new EctError(EctErrorCode.DagDuplicateJti, $"jti {payload.Jti} is already in the ledger");
            }

            _entries.Add(payload);
            _byScope[(payload.Wid, payload.Jti)] = payload;
            _firstByJti.TryAdd(payload.Jti, payload);
            foreach (var pred in payload.Predecessors)
            {
                _referenced.Add(pred);
            }

            return null;
        }
    }

    public bool Contains(string jti, string? wid)
    {
        lock (_gate)
        {
            return ContainsUnlocked(jti, wid);
        }
    }

    public EctPayload? Find(string jti, string? wid)
    {
        lock (_gate)
        {
            return _byScope.GetValueOrDefault((wid, jti));
        }
    }

    public EctPayload? FindPredecessor(string jti, string? wid)
    {
        lock (_gate)
        {
            return (wid is not null ? _byScope.GetValueOrDefault((wid, jti)) : null) ?? _firstByJti.GetValueOrDefault(jti);
        }
    }

    public bool IsReferenced(string jti)
    {
        lock (_gate)
        {
            return _referenced.Contains(jti);
        }
    }

    public IReadOnlyList<EctPayload> Entries()
    {
        lock (_gate)
        {
            return _entries.ToArray();
        }
    }

    private bool ContainsUnlocked(string jti, string? wid) =>
        wid is null ? _firstByJti.ContainsKey(jti) : _byScope.ContainsKey((wid, jti));
}
