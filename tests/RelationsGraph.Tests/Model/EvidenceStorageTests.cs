using CsCheck;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Model;

/// <summary>
/// Evidence is held compactly (a quote as UTF-8; a single piece of evidence without a list around it). What
/// callers see must not change: the same quotes back, in order, and equality that compares text, ordinally.
/// </summary>
public sealed class EvidenceStorageTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char, 1, 40].Where(IsWellFormed);

    [Fact]
    public void Quotes_ComeBackAsGiven_AndCompareOrdinally()
    {
        Gen.Select(Text, Text).Sample((a, b) =>
        {
            var first = new Evidence("src", a);
            var second = new Evidence("src", b);

            first.Quote.Should().Be(a);
            first.Equals(second).Should().Be(string.Equals(a, b, StringComparison.Ordinal));
            first.Equals(new Evidence("src", a)).Should().BeTrue();
            first.GetHashCode().Should().Be(new Evidence("src", a).GetHashCode());
            first.Equals(new Evidence("other", a)).Should().BeFalse();
        });
    }

    [Theory]
    [InlineData("Kim Il-sung", "Kim Il-sung")]
    [InlineData("Pyongyang\u00A0", "Pyongyang ")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("\U0001F600 summit", "\U0001F600 summit")]
    public void NonAsciiQuotes_RoundTrip_AndDifferWhenTheirCharactersDo(string a, string b)
    {
        new Evidence("src", a).Quote.Should().Be(a);
        new Evidence("src", a).Equals(new Evidence("src", b)).Should().Be(string.Equals(a, b, StringComparison.Ordinal));
    }

    [Fact]
    public void ARelationsEvidence_IsTheListItWasGiven_OneOrMany()
    {
        Gen.Int[1, 4].SelectMany(n => Text.Array[n]).Sample(quotes =>
        {
            var evidence = quotes.Select(q => new Evidence("src", q)).ToArray();
            var relation = Relation(evidence);

            relation.Evidence.Should().Equal(evidence);
            relation.Evidence.Count.Should().Be(evidence.Length);
            Enumerable.Range(0, evidence.Length).Select(i => relation.Evidence[i]).Should().Equal(evidence);
            relation.Should().Be(Relation(quotes.Select(q => new Evidence("src", q))));
            relation.Should().NotBe(Relation([.. evidence, new Evidence("src", "one more")]));
            var reversed = evidence.Reverse().ToArray();
            (relation == Relation(reversed)).Should().Be(reversed.SequenceEqual(evidence), "evidence is compared in order");
            (relation == Relation(evidence.Take(1))).Should().Be(evidence.Length == 1);
        });
    }

    [Fact]
    public void RelationsWithOnePieceOfEvidence_AreEqualOnlyWithTheSameSourceAndQuote()
    {
        Gen.Select(Text, Text, Gen.Bool).Sample((a, b, otherSource) =>
        {
            var first = Relation([new Evidence("src", a)]);
            var second = Relation([new Evidence(otherSource ? "other" : "src", b)]);

            (first == second).Should().Be(!otherSource && string.Equals(a, b, StringComparison.Ordinal));
            second.Evidence.Should().ContainSingle().Which.Should().Be(new Evidence(otherSource ? "other" : "src", b));
        });
    }

    [Fact]
    public void AListOfOne_IsReadOnlyAndBounded()
    {
        var evidence = Relation([new Evidence("src", "a quote")]).Evidence;

        var outside = () => evidence[1];
        outside.Should().Throw<ArgumentOutOfRangeException>();
        evidence.Should().BeAssignableTo<IReadOnlyList<Evidence>>().And.NotBeAssignableTo<IList<Evidence>>();
    }

    [Fact]
    public void ChangingTheArrayPassedIn_ChangesNothing()
    {
        Evidence[] many = [new("src", "one"), new("src", "two")];
        Evidence[] one = [new("src", "one")];
        var relation = Relation(many);
        var single = Relation(one);

        many[0] = new Evidence("src", "changed");
        one[0] = new Evidence("src", "changed");

        relation.Evidence.Select(e => e.Quote).Should().Equal("one", "two");
        single.Evidence.Select(e => e.Quote).Should().Equal("one");
    }

    private static Relation Relation(IEnumerable<Evidence> evidence) =>
        new("r1", RelationKind.Ally, new ActorId("A"), new ActorId("B"), TimeExtent.Point(new PartialDate(2000)), "label", evidence);

    private static bool IsWellFormed(string text) =>
        !string.IsNullOrWhiteSpace(text) && System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) == text;
}
