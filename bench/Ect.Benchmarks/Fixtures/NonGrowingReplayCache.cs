using System.Collections.Concurrent;
using Ect.Replay;

namespace Ect.Benchmarks.Fixtures;

/// <summary>Does the lookup and the insert a replay cache does, then forgets, so one token can be verified again and again.</summary>
internal sealed class NonGrowingReplayCache : IReplayCache
{
    private readonly ConcurrentDictionary<(string?, string), long> _entries = new();

    public bool Contains(string jti, string? wid, long now) => _entries.TryGetValue((wid, jti), out var until) && now < until;

    public ReplayRecord TryRecord(string jti, string? wid, long expiresAt, long now)
    {
        var added = _entries.TryAdd((wid, jti), expiresAt);
        _entries.TryRemove((wid, jti), out _);
        return added ? ReplayRecord.Recorded : ReplayRecord.AlreadyRecorded;
    }

    public void Forget(string jti, string? wid) => _entries.TryRemove((wid, jti), out _);
}
