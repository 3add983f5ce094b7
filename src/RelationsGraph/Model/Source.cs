using RelationsGraph.Time;

namespace RelationsGraph.Model;

/// <summary>A document the graph's knowledge comes from, kept under <c>seeds/</c> with its SHA-256.</summary>
/// <remarks>Immutable; equality compares every member.</remarks>
public sealed record Source
{
    /// <summary>Creates a source.</summary>
    /// <param name="id">The id relations cite in their evidence.</param>
    /// <param name="title">The title.</param>
    /// <param name="author">The author.</param>
    /// <param name="publisher">The publisher.</param>
    /// <param name="published">The date of publication, at its own precision.</param>
    /// <param name="path">The path of the document, relative to the graph file, such as <c>seeds/article.txt</c>.</param>
    /// <param name="sha256">The SHA-256 of the document, 64 lowercase hexadecimal digits.</param>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or has an unpaired surrogate, the id is invalid or the hash is malformed.</exception>
    public Source(string id, string title, string author, string publisher, PartialDate published, string path, string sha256)
    {
        Id = Identifier.Require(id, nameof(id));
        Title = Identifier.RequireText(title, nameof(title), "title");
        Author = Identifier.RequireText(author, nameof(author), "author");
        Publisher = Identifier.RequireText(publisher, nameof(publisher), "publisher");
        Published = published;
        Path = Identifier.RequireText(path, nameof(path), "path");
        ArgumentNullException.ThrowIfNull(sha256);
        var hashError = CheckSha256(sha256);
        Sha256 = hashError is null ? sha256 : throw new ArgumentException(Identifier.Capitalize(hashError), nameof(sha256));
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the author.</summary>
    public string Author { get; }

    /// <summary>Gets the publisher.</summary>
    public string Publisher { get; }

    /// <summary>Gets the date of publication.</summary>
    public PartialDate Published { get; }

    /// <summary>Gets the path of the document relative to the graph file.</summary>
    public string Path { get; }

    /// <summary>Gets the SHA-256 of the document as 64 lowercase hexadecimal digits.</summary>
    public string Sha256 { get; }

    internal static string? CheckSha256(string sha256) =>
        sha256.Length == 64 && sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? null
            : $"the SHA-256 '{sha256}' is not 64 lowercase hexadecimal digits.";
}
