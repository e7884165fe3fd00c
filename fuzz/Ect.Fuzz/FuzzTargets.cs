using System.Reflection;

namespace Ect.Fuzz;

/// <summary>Every target in this assembly, found by reflection so that adding a target is adding one class.</summary>
public static class FuzzTargets
{
    private static readonly Lazy<IReadOnlyList<IFuzzTarget>> Discovered = new(Discover);

    public static IReadOnlyList<IFuzzTarget> All => Discovered.Value;

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static IFuzzTarget? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    private static List<IFuzzTarget> Discover() =>
        typeof(FuzzTargets).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IFuzzTarget).IsAssignableFrom(t)
                && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(t => (IFuzzTarget)Activator.CreateInstance(t)!)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
