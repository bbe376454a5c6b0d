namespace KooPhone.Emulator.State;

/// <summary>One user_instances item (docs/api-reference.md §3.7): a user and an instance to bind or unbind.</summary>
public sealed record UserInstancePair(string UserId, string InstanceId);
