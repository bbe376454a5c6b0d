using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.Hosting;

/// <summary>The emulator's settings, fixed for the life of the process (see <see cref="UsageText"/>).</summary>
public sealed class EmulatorOptions
{
    /// <summary>The token accepted when no --token is given.</summary>
    public const string DefaultToken = "emulator-token";

    /// <summary>TCP port on 127.0.0.1; 0 lets the OS pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where to write the base URL once listening, or null.</summary>
    public string? PortFile { get; init; }

    /// <summary>How many instances are seeded at start and on reset.</summary>
    public int Instances { get; init; } = 10;

    /// <summary>Seed of the deterministic instance data.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Accepted X-Auth-Token values.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = new[] { DefaultToken };

    /// <summary>How long a backup job runs before it succeeds.</summary>
    public TimeSpan JobDelay { get; init; } = TimeSpan.FromMilliseconds(2000);

    /// <summary>ListInstances clamps page_size to this.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>False: ExecuteJob answers backup task IDs as unknown (reference §2.6 item 5 leaves it open).</summary>
    public bool BackupTaskQuerySupported { get; init; } = true;

    /// <summary>The admin request log keeps at most this many newest entries.</summary>
    public int RequestLogLimit { get; init; } = 100_000;
}
