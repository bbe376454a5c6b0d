using System;
using System.Text.Json.Serialization;
using KooPhone.Emulator.Api;

namespace KooPhone.Emulator.Hosting;

/// <summary>
/// The settings that can change while the emulator runs (POST /_emulator/options), each with a
/// start-up option of its own. Immutable: a change swaps the whole set, so a request never sees
/// half of one. Serialises to the JSON shape the admin endpoint reads and answers.
/// </summary>
public sealed class RunTimeSettings
{
    /// <summary>Longest lag either lag setting may ask for: 5 minutes, like the fault delays.</summary>
    public const int MaxLagMs = 300_000;

    /// <summary>The rejectedBatches value under which a refused batch changes nothing.</summary>
    public const string Untouched = "untouched";

    /// <summary>The rejectedBatches value under which a refused batch is carried out on its healthy instances.</summary>
    public const string PartlyApplied = "partly-applied";

    /// <summary>How long a state change stays invisible to ListInstances, BatchShowInstance and ListInstanceApp, in ms.</summary>
    [JsonPropertyName("visibilityLagMs")] public int VisibilityLagMs { get; init; }

    /// <summary>How long a deleted instance is still listed by ListInstances, in ms.</summary>
    [JsonPropertyName("deleteLagMs")] public int DeleteLagMs { get; init; }

    /// <summary>Longest listingChurn either way: instances created or deleted per ListInstances request.</summary>
    public const int MaxListingChurn = 100;

    /// <summary>
    /// Instances another client creates (positive) or deletes (negative) just before every
    /// ListInstances request is answered, so a listing runs over a changing fleet.
    /// </summary>
    [JsonPropertyName("listingChurn")] public int ListingChurn { get; init; }

    /// <summary>The UTC offset the API writes its times in.</summary>
    [JsonIgnore] public TimeSpan UtcOffset { get; init; }

    /// <summary>The offset's wire form, e.g. "+08:00".</summary>
    [JsonPropertyName("timeZoneOffset")] public string TimeZoneOffset => UtcOffsetText.Format(UtcOffset);

    /// <summary>True: X-Request-Id (and any request_id in a gateway body) is the gateway's own fresh ID, not the client's.</summary>
    [JsonIgnore] public bool OwnRequestId { get; init; }

    /// <summary>The mode's wire form: "echo" or "own".</summary>
    [JsonPropertyName("responseRequestId")] public string ResponseRequestId => OwnRequestId ? "own" : "echo";

    /// <summary>Which offending IDs a refusal's error_msg names.</summary>
    [JsonIgnore] public RefusalIdNaming RefusalIdNaming { get; init; }

    /// <summary>The naming's wire form: "named", "none" or "first".</summary>
    [JsonPropertyName("refusalIds")] public string RefusalIds => RefusalIdNamingText.Format(RefusalIdNaming);

    /// <summary>True: a refused batch is still carried out on its healthy instances, as a service checking them one by one might.</summary>
    [JsonIgnore] public bool PartlyApplyRejectedBatches { get; init; }

    /// <summary>The mode's wire form: "untouched" or "partly-applied".</summary>
    [JsonPropertyName("rejectedBatches")] public string RejectedBatches => PartlyApplyRejectedBatches ? PartlyApplied : Untouched;
}
