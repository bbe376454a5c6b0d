namespace KooPhone.Emulator.State;

/// <summary>
/// What CreateInstance fixed about an instance that seeded instances derive from their index:
/// its name, spec text, region, image and creation time (Unix seconds). Immutable.
/// </summary>
public sealed record CreatedInstance(string Name, string SkuText, RegionInfo Region, string Os, long CreatedAtSeconds);
