using System.Diagnostics.CodeAnalysis;

namespace Ect.Errors;

/// <summary>
/// What one of the engine's readers (token parser, claim reader) gives back: the value read, or the one
/// error that says why there is none. The same shape as the public results (<c>IsValid</c> or
/// <c>Succeeded</c>, then the value or <see cref="Error"/>), so a caller tests one flag and the compiler
/// knows which member is set. A struct, so that reading a token allocates nothing beyond what is read.
/// </summary>
internal readonly struct ReadResult<T>
    where T : class
{
    private ReadResult(T? value, EctError? error)
    {
        Value = value;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public T? Value { get; }

    public EctError? Error { get; }

    // Implicit, so that a reader returns either what it read or the error, as it would with exceptions.
    public static implicit operator ReadResult<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator ReadResult<T>(EctError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
