using System;

namespace KooPhone.Emulator.Auth;

/// <summary>A freshly issued IAM token: the only time its value exists in the emulator.</summary>
public sealed record IssuedToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
