namespace KooPhone.Emulator.State;

/// <summary>A region's ID and its display names, as ListInstances reports them.</summary>
public sealed record RegionInfo(string Id, string Name, string NameEn);
