namespace KooPhone.Emulator.State;

/// <summary>A resource pool of a SKU for one AOSP version (BatchShowSku poolInfo.aosp[], docs/api-reference.md §5.7).</summary>
public sealed record AospPoolDefinition(string Version, string ResPoolId, int Id, string Network, bool Enable);
