using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>Maps every KooPhone operation under /v1, one endpoint group class per area.</summary>
public static class KooPhoneApi
{
    /// <summary>The path prefix of the emulated API.</summary>
    public const string Prefix = "/v1";

    /// <summary>Maps all areas onto <paramref name="routes"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder v1 = routes.MapGroup(Prefix);
        InstanceQueryEndpoints.Map(v1);
        BackupEndpoints.Map(v1);
        LifecycleEndpoints.Map(v1);
        PrepareEndpoints.Map(v1);
        AssignmentEndpoints.Map(v1);
        OrderEndpoints.Map(v1);
        StreamingEndpoints.Map(v1);
        AppEndpoints.Map(v1);
        CommandEndpoints.Map(v1);
        VideoEndpoints.Map(v1);
        TaskEndpoints.Map(v1);
    }
}
