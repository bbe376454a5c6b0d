using System.Collections.Generic;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api;

/// <summary>A validated InstallApp body: the app as it will be listed, and the instances to install it on.</summary>
public sealed record InstallAppRequest(AppEntry App, IReadOnlyList<string> InstanceIds);
