namespace Ect.Choices;

/// <summary>
/// Records which <see cref="ProfileChoice"/>s the engine touches on the current thread while an
/// observation is open, so a differential oracle can tell the profile's answers from this engine's
/// choices. The choice points sit deep in static parsing and DAG helpers; a thread-local log spares
/// threading an observer through each of their signatures. Touching only reads one thread-static
/// field when nothing observes, and the choice points lie on rejection paths, never the happy one.
/// </summary>
public static class ProfileChoiceLog
{
    [ThreadStatic]
    private static int t_observers;

    [ThreadStatic]
    private static ProfileChoice t_touched;

    /// <summary>Starts recording on this thread; the scope's <see cref="ProfileChoiceScope.Touched"/> reads what was touched since.</summary>
    public static ProfileChoiceScope Observe()
    {
        var outer = t_touched;
        t_observers++;
        t_touched = ProfileChoice.None;
        return new ProfileChoiceScope(outer, t_observers);
    }

    /// <summary>True while an observation is open on this thread: a choice point that costs work to detect does it only then.</summary>
    internal static bool IsObserving => t_observers > 0;

    /// <summary>Marks <paramref name="choice"/> as touched when an observation is open on this thread.</summary>
    internal static void Touch(ProfileChoice choice)
    {
        if (t_observers > 0)
        {
            t_touched |= choice;
        }
    }

    /// <summary>What the observation at <paramref name="depth"/> saw; only the innermost open one, on its own thread, can be read.</summary>
    internal static ProfileChoice TouchedAt(int depth) => t_observers == depth
        ? t_touched
        : throw new InvalidOperationException("a choice observation is read on another thread or while an inner one is open");

    /// <summary>Closes the innermost observation; an outer one also sees what the inner one saw.</summary>
    internal static void End(ProfileChoice outer)
    {
        t_observers--;
        t_touched |= outer;
        if (t_observers == 0)
        {
            t_touched = ProfileChoice.None;
        }
    }
}
