using RelationsGraph.Model;

namespace RelationsGraph.Tests.Model;

public sealed class VocabularyTests
{
    [Fact]
    public void ActorKinds_EveryKind_ParsesBackFromItsName_AndAllListsEveryEnumValue()
    {
        ActorKinds.All.Should().BeEquivalentTo(Enum.GetValues<ActorKind>());
        foreach (var kind in ActorKinds.All)
        {
            ActorKinds.TryParse(kind.Name(), out var parsed).Should().BeTrue();
            parsed.Should().Be(kind);
        }

        ActorKinds.All.Select(k => k.Name()).Should().Equal("state", "organization", "person", "group");
        ActorKinds.Expected.Should().Be("state, organization, person or group");
    }

    [Theory]
    [InlineData("State")]
    [InlineData("planet")]
    [InlineData("")]
    [InlineData(null)]
    public void ActorKinds_TryParse_RefusesAnythingButALowerCaseName(string? text)
    {
        ActorKinds.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Polarities_EveryPolarity_ParsesBackFromItsNameAndItsSign()
    {
        Polarities.All.Should().BeEquivalentTo(Enum.GetValues<Polarity>());
        foreach (var polarity in Polarities.All)
        {
            Polarities.TryParse(polarity.Name(), out var byName).Should().BeTrue();
            byName.Should().Be(polarity);
            Polarities.TryParse(polarity.Sign(), out var bySign).Should().BeTrue();
            bySign.Should().Be(polarity);
        }

        Polarities.All.Select(p => p.Sign()).Should().Equal("+", "-", "0");
        Polarities.Expected.Should().Be("cooperative, conflictual or neutral");
        Polarities.TryParse("friendly", out _).Should().BeFalse();
    }

    [Fact]
    public void Names_OfValuesOutsideTheEnum_Throw()
    {
        FluentActions.Invoking(() => ((ActorKind)9).Name()).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("kind");
        FluentActions.Invoking(() => ((Polarity)5).Sign()).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("polarity");
    }
}
