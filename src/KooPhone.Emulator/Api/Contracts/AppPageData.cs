using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ListInstanceApp's data (docs/api-reference.md §5.14).</summary>
public sealed record AppPageData(
    [property: JsonPropertyName("page_no")] int PageNo,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("result")] IReadOnlyList<AppItem> Result);
