namespace KooPhone.Emulator.State;

/// <summary>What ExecuteInstanceAuthToken needs to describe an instance's stream: its index (for stable addresses) and region.</summary>
public sealed record StreamTarget(string InstanceId, int Index, RegionInfo Region);
