namespace Ect.Replay;

/// <summary>
/// A bounded, thread-safe in-memory replay cache. An entry lives until the later of its token's
/// expiry and <c>now + minimumTtl</c>. When the cache is full, expired entries are dropped
/// first; if it is still full, the entry closest to expiry is evicted — the bounded cache then
/// protects the most recent tokens, and <see cref="Evictions"/> says how often that happened so
/// that an operator can size it.
/// </summary>
public sealed class MemoryReplayCache : IReplayCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string? Wid, string Jti), long> _expiry = [];
    private readonly PriorityQueue<(string? Wid, string Jti), long> _byExpiry = new();
    private readonly long _minimumTtlSeconds;

    public MemoryReplayCache(int capacity = DefaultCapacity, long minimumTtlSeconds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumTtlSeconds);
        Capacity = capacity;
        _minimumTtlSeconds = minimumTtlSeconds;
    }

    public const int DefaultCapacity = 100_000;

    public int Capacity { get; }

    /// <summary>Entries evicted while still within their window because the cache was full.</summary>
    public long Evictions { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _expiry.Count;
            }
        }
    }

    public bool Contains(string jti, string? wid, long now)
    {
        lock (_gate)
        {
            return _expiry.TryGetValue((wid, jti), out var until) && now < until;
        }
    }

    public bool TryRecord(string jti, string? wid, long expiresAt, long now)
    {
        var until = Math.Max(expiresAt, now + _minimumTtlSeconds);
        var key = (wid, jti);
        lock (_gate)
        {
            if (_expiry.TryGetValue(key, out var existing) && now < existing)
            {
                return false;
            }

            if (!_expiry.ContainsKey(key) && _expiry.Count >= Capacity)
            {
                MakeRoom(now);
            }

            _expiry[key] = until;
            _byExpiry.Enqueue(key, until);
            if (_byExpiry.Count > (2 * Capacity) + 16)
            {
                Compact();
            }

            return true;
        }
    }

    /// <summary>Drops the queue's stale entries (keys recorded again after their window), which would otherwise accumulate.</summary>
    private void Compact()
    {
        _byExpiry.Clear();
        foreach (var (key, until) in _expiry)
        {
            _byExpiry.Enqueue(key, until);
        }
    }

    private void MakeRoom(long now)
    {
        // The queue may hold stale entries (re-recorded keys); they are skipped by comparing with the live expiry.
        while (_byExpiry.TryPeek(out var key, out var until) && (until <= now || _expiry.Count >= Capacity))
        {
            _byExpiry.Dequeue();
            if (_expiry.TryGetValue(key, out var live) && live == until)
            {
                _expiry.Remove(key);
                if (until > now)
                {
                    Evictions++;
                }
            }
        }
    }
}
