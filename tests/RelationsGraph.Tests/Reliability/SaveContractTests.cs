using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// Whatever the model accepts, Save can write and Load reads back: no graph can be built that fails to save, or
/// that saves to a file its own loader refuses.
/// </summary>
public sealed class SaveContractTests
{
    // By index: attribute arguments are stored as UTF-8, which turns an unpaired surrogate into U+FFFD.
    private static readonly string[] Unpaired = ["\uD800", "a\uDC00b", "\uDE00\uD83D"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Text_WithAnUnpairedSurrogate_IsRejected_NamingTheParameter(int which)
    {
        var bad = Unpaired[which];
        var ev = new[] { Quote };

        Rejects(() => new Actor(new ActorId("A"), bad, ActorKind.State), "name");
        Rejects(() => new Actor(new ActorId("A"), "A", ActorKind.State, [bad]), "aliases");
        Rejects(() => new Evidence("src", bad), "quote");
        Rejects(() => new Source("src", bad, "A", "P", PartialDate.Parse("2021"), "x.txt", new string('0', 64)), "title");
        Rejects(() => new Relation("r", RelationKind.Ally, new ActorId("A"), new ActorId("B"), At("2017"), bad, ev), "label");
        Rejects(() => new Relation("r", RelationKind.Ally, new ActorId("A"), new ActorId("B"), At("2017"), "x", ev, note: bad), "note");
        Rejects(() => new ActorEvent("e", EventKind.Crisis, new ActorId("A"), At("2017"), "x", ev, note: bad), "note");
    }

    [Fact]
    public void Text_WithAnUnpairedSurrogate_SaysWhereItIs()
    {
        FluentActions.Invoking(() => new Evidence("src", "ab\uD800"))
            .Should().Throw<ArgumentException>()
            .WithMessage("The quote has an unpaired surrogate (U+D800 at index 2); text must be well-formed Unicode. (Parameter 'quote')");
    }

    [Fact]
    public void Text_WithSurrogatePairs_IsKept_AndSaves()
    {
        var actor = new Actor(new ActorId("A"), "Boom \uD83D\uDCA5", ActorKind.Group);
        var graph = new RelationGraphBuilder().Add(actor).Build();

        var again = GraphFile.Load(new StringReader(RoundTripPropertyTests.Json(graph)));

        again.Actors.Should().Equal(actor);
    }

    [Theory]
    [InlineData("usa", "'usa' is not an ISO 3166-1 alpha-3 code; expected three capital letters such as PRK.")]
    [InlineData("US", "'US' is not an ISO 3166-1 alpha-3 code; expected three capital letters such as PRK.")]
    public void Codes_RejectAnIso3CodeTheLoaderWouldRefuse(string iso3, string message)
    {
        FluentActions.Invoking(() => new ActorCodes { Iso3 = iso3 }).Should().Throw<ArgumentException>()
            .WithMessage(message + " (Parameter 'Iso3')").Which.ParamName.Should().Be("Iso3");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(-5)]
    public void Codes_RejectACowNumberTheLoaderWouldRefuse(int cow)
    {
        FluentActions.Invoking(() => new ActorCodes { Cow = cow }).Should().Throw<ArgumentException>()
            .WithMessage($"{cow} is not a Correlates of War country number; expected 1 to 999.*").Which.ParamName.Should().Be("Cow");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("PR")]
    [InlineData("IGO-UNO")]
    public void Codes_RejectACameoCodeTheLoaderWouldRefuse(string cameo)
    {
        FluentActions.Invoking(() => new ActorCodes { Cameo = cameo }).Should().Throw<ArgumentException>()
            .WithMessage($"'{cameo}' is not a CAMEO actor code; expected capital letters and digits such as PRK or IGOUNO.*").Which.ParamName.Should().Be("Cameo");
    }

    [Fact]
    public void Codes_TheLoaderAccepts_RoundTrip()
    {
        var actor = new Actor(new ActorId("DPRK"), "North Korea", ActorKind.State, codes: new ActorCodes { Iso3 = "PRK", Cow = 731, Cameo = "PRK" });
        var graph = new RelationGraphBuilder().Add(actor).Build();

        GraphFile.Load(new StringReader(RoundTripPropertyTests.Json(graph))).Actors.Should().Equal(actor);
    }

    private static void Rejects(Func<object> create, string parameter) =>
        FluentActions.Invoking(create).Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
}
