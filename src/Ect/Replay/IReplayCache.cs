namespace Ect.Replay;

/// <summary>
/// Remembers accepted <c>jti</c>s for their validity window (RPL-1). A shared store (Redis, a
/// database) implements this to protect several verifier instances at once; its
/// <see cref="TryRecord"/> must be atomic (an insert-if-absent), since that is where concurrent
/// presentations of one token are told apart.
/// </summary>
public interface IReplayCache
{
    /// <summary>True when <paramref name="jti"/> (in workflow <paramref name="wid"/>) was recorded and its window has not passed at <paramref name="now"/>.</summary>
    bool Contains(string jti, string? wid, long now);

    /// <summary>
    /// Records an accepted <c>jti</c> until <paramref name="expiresAt"/> (Unix seconds), unless it
    /// is already recorded within its window (a replay) or there is no room without forgetting a
    /// live entry. Called only after every other check passed (RPL-2), and before the ledger append,
    /// so that of two concurrent presentations exactly one records and the other is a replay.
    /// </summary>
    ReplayRecord TryRecord(string jti, string? wid, long expiresAt, long now);

    /// <summary>
    /// Withdraws a record this verifier just made when the commit that followed it failed (the
    /// ledger refused the append), so that the refused token consumes nothing (RPL-2).
    /// </summary>
    void Forget(string jti, string? wid);
}
