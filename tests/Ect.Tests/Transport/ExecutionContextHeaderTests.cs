using Ect.Errors;
using Ect.Transport;

namespace Ect.Tests.Transport;

/// <summary>HTTP-1.</summary>
public class ExecutionContextHeaderTests
{
    [Test]
    public void SeveralFieldsAndCommaSeparatedMembersAreReadInOrder()
    {
        var tokens = ExecutionContextHeader.Parse(["a.b.c, d.e.f", " ,g.h.", "i.j.k"], out var error);
        Assert.That(error, Is.Null);
        Assert.That(tokens, Is.EqualTo(new[] { "a.b.c", "d.e.f", "g.h.", "i.j.k" }));
    }

    [TestCase("a.b")]
    [TestCase("a.b.c.d")]
    [TestCase("a.b.c; d.e.f")]
    [TestCase("a..c")]
    [TestCase("a.b+.c")]
    public void MemberThatIsNotACompactJwsIsMalformed(string value)
    {
        Assert.That(ExecutionContextHeader.Parse([value], out var error), Is.Null);
        Assert.That(error!.Code, Is.EqualTo(EctErrorCode.Malformed));
    }

    [Test]
    public void EmptyFieldsGiveNoTokens() =>
        Assert.That(ExecutionContextHeader.Parse(["", " , "], out _), Is.Empty);
}
