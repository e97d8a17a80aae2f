namespace Fpas.Api.Concurrency;

/// <summary>Whether writes must be conditional (section <c>Api</c>).</summary>
public sealed class ConcurrencyOptions
{
    public const string SectionName = "Api";

    /// <summary>When true, a <c>PUT</c> or <c>DELETE</c> without <c>If-Match</c> is a 428 problem.</summary>
    public bool RequireIfMatch { get; set; }
}
