namespace KooPhone.Emulator.State;

/// <summary>An instance a paid order created: CreateInstance's data.instanceInfos[] entry.</summary>
public sealed record OrderedInstance(string InstanceId, string InstanceName);
