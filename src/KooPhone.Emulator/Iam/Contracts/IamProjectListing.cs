using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Iam.Contracts;

/// <summary>The body of GET /v3/projects: <c>{"projects":[…],"links":{…}}</c>, as Keystone answers it.</summary>
public sealed record IamProjectListing(
    [property: JsonPropertyName("projects")] IReadOnlyList<IamProjectItem> Projects,
    [property: JsonPropertyName("links")] IamLinks Links);

/// <summary>One project of a listing.</summary>
public sealed record IamProjectItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("domain_id")] string DomainId,
    [property: JsonPropertyName("parent_id")] string ParentId,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("is_domain")] bool IsDomain);

/// <summary>The paging links of a listing; the emulator answers everything in one page.</summary>
public sealed record IamLinks(
    [property: JsonPropertyName("self")] string Self,
    [property: JsonPropertyName("previous")] string? Previous,
    [property: JsonPropertyName("next")] string? Next);
