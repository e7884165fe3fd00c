using Ect.Dag;
using Ect.Errors;
using Ect.Model;

namespace Ect.Ledger;

/// <summary>An append-only audit ledger (LDG-1) that DAG validation reads as its store.</summary>
public interface IEctLedger : IEctStore
{
    /// <summary>Number of entries.</summary>
    int Count { get; }

    /// <summary>
    /// Appends a payload. Fails with <c>dag_duplicate_jti</c> and changes nothing when its
    /// <c>jti</c> is already present in its scope (DAG-1).
    /// </summary>
    EctError? TryAppend(EctPayload payload);

    /// <summary>The entry with <paramref name="jti"/> in workflow <paramref name="wid"/> (exact scope: null means "no wid").</summary>
    EctPayload? Find(string jti, string? wid);

    /// <summary>All entries in the order they were appended.</summary>
    IReadOnlyList<EctPayload> Entries();
}
