namespace KooPhone.Emulator.Hosting;

/// <summary>A project of the emulated account: its name (a region name) and its ID.</summary>
public sealed record IamProjectEntry(string Name, string Id);
