namespace Ect.Conformance.Fuzzing;

/// <summary>How an implementation's answer to a generated case differs from the profile's.</summary>
internal enum DisagreementKind
{
    /// <summary>The wrong verdict, or an acceptance with the wrong output: a conformance failure.</summary>
    Verdict,

    /// <summary>The right verdict with another error code (counted; a failure only under <c>--strict-diagnosis</c>).</summary>
    Diagnosis,

    /// <summary>No judgeable answer: an error, a protocol breach, a timeout or a crash on an input the profile decides.</summary>
    NoAnswer,
}
