namespace KooPhone.Emulator.Api;

/// <summary>
/// Endpoint metadata that marks a route as a KooPhone operation. The gateway middleware treats
/// any /v1 route without it (including ASP.NET's own 405 endpoints) as an unknown API.
/// </summary>
public sealed class OperationMarker
{
    public OperationMarker(string name, bool requestIdInQuery = false)
    {
        Name = name;
        RequestIdInQuery = requestIdInQuery;
    }

    /// <summary>The SDK operation name, e.g. BatchBackupInstances.</summary>
    public string Name { get; }

    /// <summary>True when x-request-id may come as a query parameter (ListInstances, docs/api-reference.md §2.2).</summary>
    public bool RequestIdInQuery { get; }
}
