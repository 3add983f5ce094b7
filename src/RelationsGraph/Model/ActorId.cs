namespace RelationsGraph.Model;

/// <summary>
/// The id of an actor, such as <c>DPRK</c> or <c>Kim-Jong-Un</c>: ASCII letters, digits and <c>. _ : -</c>,
/// starting with a letter or digit. Ids compare ordinally (case matters); looking an actor up by name is
/// the job of <see cref="Graph.RelationGraph.FindActor(string)"/>, which ignores case.
/// </summary>
/// <remarks>Immutable and thread-safe. The default value is invalid and never produced by the library.</remarks>
public readonly record struct ActorId
{
    /// <summary>Creates an actor id.</summary>
    /// <param name="value">The id text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public ActorId(string value) => Value = Identifier.Require(value, nameof(value));

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Returns the id text.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Converts a string to an actor id.</summary>
    /// <param name="value">The id text.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public static explicit operator ActorId(string value) => new(value);
}
