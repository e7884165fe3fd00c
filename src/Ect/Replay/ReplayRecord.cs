namespace Ect.Replay;

/// <summary>What <see cref="IReplayCache.TryRecord"/> did with a <c>jti</c>.</summary>
public enum ReplayRecord
{
    /// <summary>Recorded: it will be refused until its window has passed.</summary>
    Recorded,

    /// <summary>Already recorded and still within its window: the token is a replay.</summary>
    AlreadyRecorded,

    /// <summary>
    /// Not recorded because the cache is full of entries still within their windows. Forgetting one
    /// of them would let its token be accepted again (RPL-1), so the new token is refused instead.
    /// </summary>
    Full,
}
