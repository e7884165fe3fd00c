using Ect.Demo;

namespace Ect.Tests.Examples;

/// <summary>The README's demo is code that runs: this keeps it true.</summary>
public class TwoAgentDemoTests
{
    [Test]
    public void DemoAcceptsBothTasksAndRefusesTheReplay()
    {
        var lines = TwoAgentDemo.Run(TimeProvider.System);
        Assert.That(lines, Has.Count.EqualTo(4));
        Assert.That(lines[1], Does.StartWith("agent B accepted review_spec (ledger: 1)"));
        Assert.That(lines[2], Does.StartWith("agent B accepted implement_module after 550e8400-e29b-41d4-a716-446655440000 (ledger: 2)"));
        Assert.That(lines[3], Does.StartWith("agent B refused the replay: replay:"));
    }
}
