namespace KooPhone.Emulator.Api;

/// <summary>The error codes the emulator returns (docs/api-reference.md §6) in one place.</summary>
public static class ApiErrorCodes
{
    public const string Ok = "0";

    /// <summary>Gateway: no such API (HTTP 404).</summary>
    public const string ApiNotFound = "APIGW.0101";

    /// <summary>Gateway: invalid request or backend failure (HTTP 400, 413, 502, 503, 504).</summary>
    public const string GatewayRequestFailed = "APIGW.0201";

    /// <summary>Gateway: bad IAM token or signature (HTTP 401).</summary>
    public const string AuthenticationFailed = "APIGW.0301";

    /// <summary>Gateway: X-Sdk-Date more than 15 minutes off the gateway's clock (HTTP 401).</summary>
    public const string RequestDateSkewed = "APIGW.0303";

    /// <summary>Gateway: throttled (HTTP 429). The reference leaves the code open (docs/api-reference.md §6.5); this is the usual one.</summary>
    public const string Throttled = "APIGW.0308";

    /// <summary>x-request-id missing (HTTP 200).</summary>
    public const string MissingRequestId = "KOOPHONE.API.0002";

    /// <summary>Invalid request parameter (HTTP 400).</summary>
    public const string InvalidParameter = "KOOPHONE.API.1000";

    /// <summary>No permission on the instance, i.e. not one of the tenant's (HTTP 200).</summary>
    public const string NoPermissionOnInstance = "KOOPHONE.API.1001";

    /// <summary>Instances are not in the same region (old table: HTTP 400; the emulator answers 200 like other business errors).</summary>
    public const string InstancesInDifferentRegions = "KOOPHONE.API.1002";

    /// <summary>Instance is being restored (HTTP 200).</summary>
    public const string InstanceRestoring = "KOOPHONE.API.2005";

    /// <summary>Instance is being backed up (HTTP 200).</summary>
    public const string InstanceBackingUp = "KOOPHONE.API.2006";

    /// <summary>User–instance binding does not exist (CancelInstance, HTTP 200).</summary>
    public const string BindingMissing = "KOOPHONE.API.2210";

    /// <summary>No device can be assigned (ProvisionInstance). Note the different prefix (docs/api-reference.md §10 item 4).</summary>
    public const string NoDeviceAssignable = "KPAPI.2209";

    /// <summary>No such SKU or region (CreateInstance, HTTP 200).</summary>
    public const string NoSuchSkuOrRegion = "KOOPHONE.API.3002";

    /// <summary>OS version required (CreateInstance, HTTP 200).</summary>
    public const string OsRequired = "KOOPHONE.API.3003";

    /// <summary>Monthly period must be 1–9 (CreateInstance, HTTP 200).</summary>
    public const string MonthlyPeriodInvalid = "KOOPHONE.API.3006";

    /// <summary>Yearly period must be 1–3 (CreateInstance, HTTP 200).</summary>
    public const string YearlyPeriodInvalid = "KOOPHONE.API.3007";

    /// <summary>fast_install must be "0" or "1" (InstallApp, HTTP 200).</summary>
    public const string FastInstallInvalid = "KOOPHONE.API.3008";

    /// <summary>Instance does not exist (BatchPrepareInstances, ShowProgress; HTTP 200).</summary>
    public const string InstanceNotFound = "KOOPHONE.API.4001";

    /// <summary>A ListInstances time is not <c>yyyy-MM-dd HH:mm:ss</c> (HTTP 400).</summary>
    public const string BadTimeFormat = "KOOPHONE.API.5002";

    /// <summary>ListInstances' query_end_time is earlier than its query_start_time (HTTP 400).</summary>
    public const string EndBeforeStart = "KOOPHONE.API.5004";

    /// <summary>Pay-per-use instances cannot be deleted (DeleteInstance, HTTP 400 per the error table).</summary>
    public const string PayPerUseNotDeletable = "KOOPHONE.API.5001";

    /// <summary>Task does not exist (HTTP 200).</summary>
    public const string TaskNotFound = "KOOPHONE.API.1323";

    /// <summary>Not all instances are running (HTTP 200).</summary>
    public const string InstancesNotRunning = "KOOPHONE.API.5005";

    /// <summary>Internal service error (HTTP 500).</summary>
    public const string InternalError = "KOOPHONE.API.9999";
}
