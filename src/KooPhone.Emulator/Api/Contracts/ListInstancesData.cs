using System.Collections.Generic;
using System.Text.Json.Serialization;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ListInstances' data (docs/api-reference.md §5.15).</summary>
public sealed class ListInstancesData
{
    /// <summary>Creates a successful page.</summary>
    public ListInstancesData(int pageNo, int pageSize, int totalCount, IReadOnlyList<InstanceSnapshot> result)
    {
        PageNo = pageNo;
        PageSize = pageSize;
        TotalCount = totalCount;
        Result = result;
    }

    /// <summary>Always "0": errors use the ordinary envelope.</summary>
    [JsonPropertyName("error_code")] public string ErrorCode => "0";

    /// <summary>Always "ok".</summary>
    [JsonPropertyName("error_msg")] public string ErrorMessage => "ok";

    /// <summary>The requested page number.</summary>
    [JsonPropertyName("page_no")] public int PageNo { get; }

    /// <summary>The effective page size (after clamping to --max-page-size).</summary>
    [JsonPropertyName("page_size")] public int PageSize { get; }

    /// <summary>Instances matching the filters.</summary>
    [JsonPropertyName("total_count")] public int TotalCount { get; }

    /// <summary>The page's instances.</summary>
    [JsonPropertyName("result")] public IReadOnlyList<InstanceSnapshot> Result { get; }
}
