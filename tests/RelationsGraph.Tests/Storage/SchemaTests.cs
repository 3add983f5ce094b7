using Newtonsoft.Json.Linq;
using RelationsGraph.Model;

namespace RelationsGraph.Tests.Storage;

public sealed class SchemaTests
{
    private static readonly JObject Schema = JObject.Parse(File.ReadAllText(Repo.File("graph.schema.json")));

    [Fact]
    public void Schema_ListsExactlyTheLibrarysRelationKinds()
    {
        Schema.SelectToken("$.$defs.relation.properties.kind.enum")!.Values<string>()
            .Should().Equal(RelationKind.All.Select(k => k.Name));
    }

    [Fact]
    public void Schema_ListsExactlyTheLibrarysEventKinds()
    {
        Schema.SelectToken("$.$defs.event.properties.kind.enum")!.Values<string>()
            .Should().Equal(EventKind.All.Select(k => k.Name));
    }

    [Fact]
    public void Schema_ListsExactlyTheRelationFieldsTheReaderKnows_InTheWritersOrder()
    {
        ((JObject)Schema.SelectToken("$.$defs.relation.properties")!).Properties().Select(p => p.Name)
            .Should().Equal(RelationsGraph.Storage.GraphJsonReader.RelationFields);
    }

    [Fact]
    public void GraphJson_PointsAtTheSchema()
    {
        JObject.Parse(File.ReadAllText(Repo.GraphJson))["$schema"]!.Value<string>().Should().Be("./graph.schema.json");
    }
}
