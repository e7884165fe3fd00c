using Ect.Creation;
using Ect.Replay;
using Ect.Verification;

namespace Ect.Configuration;

/// <summary>
/// Configuration from the environment, under the authors' variable names. A variable that is
/// set must be a non-negative decimal integer; anything else is an
/// <see cref="EctConfigurationException"/> naming it — never a silent default.
/// </summary>
public sealed record EctConfiguration
{
    public const string IatMaxAgeMinutesVariable = "ECT_IAT_MAX_AGE_MINUTES";
    public const string IatMaxFutureSecondsVariable = "ECT_IAT_MAX_FUTURE_SEC";
    public const string DefaultExpiryMinutesVariable = "ECT_DEFAULT_EXPIRY_MIN";
    public const string ReplayCacheSizeVariable = "ECT_JTI_REPLAY_CACHE_SIZE";
    public const string ReplayTtlMinutesVariable = "ECT_JTI_REPLAY_TTL_MIN";

    /// <summary>All variables this configuration reads.</summary>
    public static IReadOnlyList<string> Variables { get; } =
        [IatMaxAgeMinutesVariable, IatMaxFutureSecondsVariable, DefaultExpiryMinutesVariable, ReplayCacheSizeVariable, ReplayTtlMinutesVariable];

    public long IatMaxAgeSeconds { get; init; } = 900;

    public long IatMaxFutureSeconds { get; init; } = 30;

    public long DefaultExpirySeconds { get; init; } = 600;

    /// <summary>Replay cache capacity; 0 turns the replay check off (the authors' meaning of 0).</summary>
    public int ReplayCacheSize { get; init; } = MemoryReplayCache.DefaultCapacity;

    /// <summary>The least time a <c>jti</c> is remembered; a token's own <c>exp</c> extends it.</summary>
    public long ReplayTtlSeconds { get; init; } = 900;

    public static EctConfiguration Default { get; } = new();

    /// <summary>Reads the process environment.</summary>
    public static EctConfiguration FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads variables through <paramref name="lookup"/> (null for unset).</summary>
    public static EctConfiguration FromEnvironment(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var defaults = Default;
        return new EctConfiguration
        {
            IatMaxAgeSeconds = Read(lookup, IatMaxAgeMinutesVariable, 60) ?? defaults.IatMaxAgeSeconds,
            IatMaxFutureSeconds = Read(lookup, IatMaxFutureSecondsVariable, 1) ?? defaults.IatMaxFutureSeconds,
            DefaultExpirySeconds = Read(lookup, DefaultExpiryMinutesVariable, 60) ?? defaults.DefaultExpirySeconds,
            ReplayCacheSize = (int?)Read(lookup, ReplayCacheSizeVariable, 1, int.MaxValue) ?? defaults.ReplayCacheSize,
            ReplayTtlSeconds = Read(lookup, ReplayTtlMinutesVariable, 60) ?? defaults.ReplayTtlSeconds,
        };
    }

    /// <summary>Verifier options for <paramref name="verifierId"/> with this configuration's time windows.</summary>
    public VerifierOptions ToVerifierOptions(string verifierId) => new()
    {
        VerifierId = verifierId,
        IatMaxAgeSeconds = IatMaxAgeSeconds,
        IatMaxFutureSeconds = IatMaxFutureSeconds,
        ReplayCheck = ReplayCacheSize > 0,
    };

    public CreateOptions ToCreateOptions() => new() { DefaultExpirySeconds = DefaultExpirySeconds };

    /// <summary>The replay cache this configuration describes, or null when it is turned off.</summary>
    public MemoryReplayCache? CreateReplayCache() =>
        ReplayCacheSize > 0 ? new MemoryReplayCache(ReplayCacheSize, ReplayTtlSeconds) : null;

    private static long? Read(Func<string, string?> lookup, string variable, long unitSeconds, long max = long.MaxValue / 86_400)
    {
        var text = lookup(variable);
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0 || text.Length > 18 || !text.All(char.IsAsciiDigit))
        {
            throw new EctConfigurationException(variable, $"{variable}=\"{text}\" is not a non-negative integer");
        }

        var value = long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        if (value > max)
        {
            throw new EctConfigurationException(variable, $"{variable}={text} is larger than {max}");
        }

        return value * unitSeconds;
    }
}
