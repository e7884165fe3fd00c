// The case model every generator builds on (VectorCase, ExpectedResult).
global using Ect.Conformance.Cases;
