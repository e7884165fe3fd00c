using System.Threading.Channels;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// The instances of one implementation a campaign asks, each lent to one holder at a time, so an
/// instance never answers two cases at once however many cases a campaign evaluates together.
/// </summary>
internal sealed class InstancePool
{
    private readonly Channel<CampaignInstance> _free = Channel.CreateUnbounded<CampaignInstance>();

    public InstancePool(IReadOnlyList<IImplementation> implementations)
    {
        ArgumentNullException.ThrowIfNull(implementations);
        All = [.. implementations.Select(i => new CampaignInstance(i))];
        foreach (var instance in All)
        {
            _free.Writer.TryWrite(instance);
        }
    }

    public IReadOnlyList<CampaignInstance> All { get; }

    /// <summary>Runs <paramref name="use"/> on the next free instance, and frees it after.</summary>
    public async Task<T> UseAsync<T>(Func<CampaignInstance, Task<T>> use, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        var instance = await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await use(instance).ConfigureAwait(false);
        }
        finally
        {
            _free.Writer.TryWrite(instance);
        }
    }
}
