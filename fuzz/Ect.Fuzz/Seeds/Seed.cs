using System.Text;

namespace Ect.Fuzz.Seeds;

/// <summary>One starting input. <see cref="Name"/> says where it came from (hand-built or which vector).</summary>
public sealed record Seed(string Name, byte[] Data)
{
    public static Seed Text(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
