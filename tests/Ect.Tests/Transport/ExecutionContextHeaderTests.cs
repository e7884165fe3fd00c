using Ect.Errors;
using Ect.Transport;

namespace Ect.Tests.Transport;

/// <summary>HTTP-1.</summary>
public class ExecutionContextHeaderTests
{
    [Test]
    public void SeveralFieldsAndCommaSeparatedMembersAreReadInOrder()
    {
        var parsed = ExecutionContextHeader.Parse(["a.b.c, d.e.f", " ,g.h.", "i.j.k"]);
        Assert.That(parsed.Error, Is.Null);
        Assert.That(parsed.Tokens, Is.EqualTo(new[] { "a.b.c", "d.e.f", "g.h.", "i.j.k" }));
    }

    [TestCase("a.b")]
    [TestCase("a.b.c.d")]
    [TestCase("a.b.c; d.e.f")]
    [TestCase("a..c")]
    [TestCase("a.b+.c")]
    public void MemberThatIsNotACompactJwsIsMalformed(string value)
    {
        var parsed = ExecutionContextHeader.Parse([value]);
        Assert.That(parsed.Tokens, Is.Null);
        Assert.That(parsed.Error?.Code, Is.EqualTo(EctErrorCode.Malformed));
    }

    [Test]
    public void EmptyFieldsGiveNoTokens() =>
        Assert.That(ExecutionContextHeader.Parse(["", " , "]).Tokens, Is.Empty);
}
