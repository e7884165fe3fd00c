using Ect.Choices;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Fuzzing;

/// <summary>The reference's answer to a generated case, as a vector with its expected result, and the optional choices it touched.</summary>
internal sealed record OracleAnswer(VectorCase Case, ProfileChoice Touched);
