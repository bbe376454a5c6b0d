using System.Collections.Generic;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>Turns the store's refusals into KooPhone error answers, naming the offending IDs as --refusal-ids says.</summary>
public static class RefusalResults
{
    /// <summary>
    /// The answer to <paramref name="refusal"/>. Unknown IDs are KOOPHONE.API.1001 (no permission:
    /// a tenant cannot see other tenants' instances) unless the operation documents its own code,
    /// like 4001 for BatchPrepareInstances and ShowProgress.
    /// </summary>
    public static KooPhoneJsonResult From(Refusal refusal, RefusalIdNaming naming, string unknownCode = ApiErrorCodes.NoPermissionOnInstance)
    {
        string ids = Naming(refusal.OffendingIds, naming);
        return refusal.Reason switch
        {
            Rejection.UnknownInstances when unknownCode == ApiErrorCodes.InstanceNotFound =>
                ApiResults.BusinessError(unknownCode, "instance does not exist" + ids),
            Rejection.UnknownInstances =>
                ApiResults.BusinessError(unknownCode, "no permission on instances (not found for this tenant)" + ids),

            // The old error table's code; the current one's rows past 3008 are lost, so it is a business error like the rest.
            Rejection.MixedRegions => ApiResults.BusinessError(ApiErrorCodes.InstancesInDifferentRegions, "instances are not in the same region"),
            Rejection.BackingUp => ApiResults.BusinessError(ApiErrorCodes.InstanceBackingUp, "instances are being backed up" + ids),
            Rejection.Restoring => ApiResults.BusinessError(ApiErrorCodes.InstanceRestoring, "instances are being restored" + ids),
            Rejection.NotRunning => ApiResults.BusinessError(ApiErrorCodes.InstancesNotRunning, "not all instances are running" + ids),

            // The error table lists 5001 under HTTP 400, unlike the other business errors.
            Rejection.PayPerUse => ApiResults.Error(StatusCodes.Status400BadRequest, ApiErrorCodes.PayPerUseNotDeletable,
                "pay-per-use instances cannot be deleted" + ids),
            Rejection.NotAssignable => ApiResults.BusinessError(ApiErrorCodes.NoDeviceAssignable,
                "no device can be assigned: instances bound to another user or being unbound" + ids),
            Rejection.BindingMissing => ApiResults.BusinessError(ApiErrorCodes.BindingMissing,
                "user-instance binding does not exist" + ids),
            _ => ApiResults.InternalError(),
        };
    }

    // The message's tail: ": a, b, c" for every ID, ": a" for the first only, or nothing at all.
    private static string Naming(IReadOnlyList<string> ids, RefusalIdNaming naming) => naming switch
    {
        _ when ids.Count == 0 => string.Empty,
        RefusalIdNaming.None => string.Empty,
        RefusalIdNaming.First => ": " + ids[0],
        _ => ": " + IdListText.Format(ids),
    };
}
