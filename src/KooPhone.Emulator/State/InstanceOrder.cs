namespace KooPhone.Emulator.State;

/// <summary>A validated CreateInstance order: what the new instances get.</summary>
public sealed record InstanceOrder(SkuDefinition Sku, string Os, string NamePrefix, int Count, bool AutoPay);
