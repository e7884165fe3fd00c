namespace Ect.Choices;

/// <summary>An open observation of <see cref="ProfileChoiceLog"/> on the current thread; read and dispose it on the same thread.</summary>
public readonly struct ProfileChoiceScope : IDisposable
{
    private readonly ProfileChoice _outer;
    private readonly int _depth;

    internal ProfileChoiceScope(ProfileChoice outer, int depth)
    {
        _outer = outer;
        _depth = depth;
    }

    /// <summary>The choices touched since this observation opened.</summary>
    public ProfileChoice Touched => ProfileChoiceLog.TouchedAt(_depth);

    public void Dispose() => ProfileChoiceLog.End(_outer);
}
