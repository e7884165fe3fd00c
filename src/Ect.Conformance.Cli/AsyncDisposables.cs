namespace Ect.Conformance.Cli;

/// <summary>Disposes every instance of a run, all of them even when one fails to stop cleanly.</summary>
internal sealed class AsyncDisposables(IReadOnlyList<IAsyncDisposable> items) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(items.Select(i => i.DisposeAsync().AsTask())).ConfigureAwait(false);
    }
}
