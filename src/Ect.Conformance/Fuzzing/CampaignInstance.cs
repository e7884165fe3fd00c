using Ect.Conformance.Protocol;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// One instance of the implementation under a campaign. It answers one case at a time (an
/// <see cref="InstancePool"/> lends it to one holder), and numbers its requests from 1, as a
/// harness session expects.
/// </summary>
internal sealed class CampaignInstance(IImplementation implementation)
{
    private long _seq;

    public IImplementation Implementation { get; } = implementation;

    /// <summary>The <c>seq</c> of this instance's next request; only its holder calls it.</summary>
    public long NextSeq() => ++_seq;
}
