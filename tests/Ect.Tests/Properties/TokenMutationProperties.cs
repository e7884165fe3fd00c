using Ect.Parsing;
using Ect.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>Near-miss tokens: one valid token with one thing changed.</summary>
public class TokenMutationProperties
{
    private static readonly string[] Valid =
    [
        Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01)),
        Tokens.Sign(EctDraft.Draft00, Tokens.Payload(EctDraft.Draft00, null, "00000000-0000-4000-8000-00000000abcd")),
    ];

    private static readonly char[] Replacements = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n\0é{}\"".ToCharArray();

    [Test]
    public void AnySingleCharacterChangeIsRejectedOrDecodesToTheSameBytes()
    {
        var mutations =
            from token in Gen.Elements(Valid)
            from position in Gen.Choose(0, 10_000)
            from replacement in Gen.Elements(Replacements)
            select (token, position: position % token.Length, replacement);
        PropertyRun.Check("single-character", 2000, mutations.ToArbitrary(), input =>
        {
            if (input.token[input.position] == input.replacement)
            {
                return;
            }

            var mutated = string.Concat(input.token.AsSpan(0, input.position), input.replacement.ToString(), input.token.AsSpan(input.position + 1));
            var draft = input.token == Valid[0] ? EctDraft.Draft01 : EctDraft.Draft00;
            var result = Verifiers.Create(draft).Check(mutated);
            if (result.IsValid)
            {
                // Only a non-canonical spelling of the very same bytes could be accepted; this engine rejects those too.
                var original = JwsParser.Parse(input.token, 65_536).Value!;
                var changed = JwsParser.Parse(mutated, 65_536).Value!;
                Assert.That(changed.Header.SequenceEqual(original.Header) && changed.Payload.SequenceEqual(original.Payload)
                    && changed.Signature.SequenceEqual(original.Signature), Is.True, $"accepted a changed token at {input.position}: {mutated}");
            }
        });
    }

    [Test]
    public void SwappedOrDuplicatedSegmentsAreRejected()
    {
        var swaps = from token in Gen.Elements(Valid) from order in Gen.Elements("102", "021", "210", "001", "110", "012x") select (token, order);
        PropertyRun.Check("segment-swap", 50, swaps.ToArbitrary(), input =>
        {
            var parts = input.token.Split('.');
            var rebuilt = input.order == "012x"
                ? input.token + "." + parts[2]
                : string.Join('.', input.order.Select(c => parts[c - '0']));
            Assert.That(Verifiers.Create(EctDraft.Draft01).Check(rebuilt).IsValid, Is.False, rebuilt);
        });
    }
}
