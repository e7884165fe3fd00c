using System.Diagnostics.CodeAnalysis;
using Ect.Errors;

namespace Ect.Dag;

/// <summary>The verdict of DAG validation: valid, or the error of the first rule the task breaks (in the order DAG-9 fixes).</summary>
public sealed class DagResult
{
    private DagResult(EctError? error) => Error = error;

    internal static DagResult Valid { get; } = new(null);

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public EctError? Error { get; }

    internal static DagResult Invalid(EctError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    // Stryker disable all : unreachable: text for people reading a result; no harness reply carries it
    public override string ToString() => IsValid ? "valid" : $"invalid: {Error}";
    // Stryker restore all
}
