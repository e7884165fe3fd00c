using Ect.Ledger;
using Ect.Model;

namespace Ect.Tests.Support;

/// <summary>Ledgers holding given tasks, for the DAG and choice tests: every append must succeed, so a test's store is what it says.</summary>
public static class Stores
{
    public static MemoryLedger Store(params EctPayload[] tasks) => Store((IEnumerable<EctPayload>)tasks);

    public static MemoryLedger Store(IEnumerable<EctPayload> tasks)
    {
        var ledger = new MemoryLedger();
        foreach (var task in tasks)
        {
            Assert.That(ledger.TryAppend(task), Is.Null);
        }

        return ledger;
    }
}
