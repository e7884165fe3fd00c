namespace Ect.Replay;

/// <summary>
/// Remembers accepted <c>jti</c>s for their validity window (RPL-1). A shared store (Redis, a
/// database) implements this to protect several verifier instances at once.
/// </summary>
public interface IReplayCache
{
    /// <summary>True when <paramref name="jti"/> (in workflow <paramref name="wid"/>) was recorded and its window has not passed at <paramref name="now"/>.</summary>
    bool Contains(string jti, string? wid, long now);

    /// <summary>
    /// Records an accepted <c>jti</c> until <paramref name="expiresAt"/> (Unix seconds). False
    /// when it is already recorded and still within its window: the caller lost a race and the
    /// token is a replay. Called only after every other check passed (RPL-2).
    /// </summary>
    bool TryRecord(string jti, string? wid, long expiresAt, long now);
}
