using System;
using System.Collections.Generic;
using KooPhone.Emulator.BlobProxy;
using KooPhone.Emulator.Faults;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Hosting;

/// <summary>The emulator's settings, fixed for the life of the process (see <see cref="UsageText"/>).</summary>
public sealed class EmulatorOptions
{
    /// <summary>The token accepted when no --token is given.</summary>
    public const string DefaultToken = "emulator-token";

    /// <summary>Default IAM user name.</summary>
    public const string DefaultIamUser = "emulator-user";

    /// <summary>Default IAM password.</summary>
    public const string DefaultIamPassword = "emulator-password";

    /// <summary>Default IAM account (domain) name.</summary>
    public const string DefaultIamDomain = "emulator-domain";

    /// <summary>Default project ID: the one the signing unit tests use (docs/api-reference.md §8.4).</summary>
    public const string DefaultProjectId = "0123456789abcdef0123456789abcdef";

    /// <summary>Default project name: Huawei Cloud names a region's default project after the region.</summary>
    public const string DefaultProjectName = "cn-north-4";

    /// <summary>Default access key.</summary>
    public const string DefaultAccessKey = "emulator-ak";

    /// <summary>Default secret key.</summary>
    public const string DefaultSecretKey = "emulator-sk";

    /// <summary>TCP port on 127.0.0.1; 0 lets the OS pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where to write the base URL once listening, or null.</summary>
    public string? PortFile { get; init; }

    /// <summary>How many instances are seeded at start and on reset.</summary>
    public int Instances { get; init; } = 10;

    /// <summary>Seed of the deterministic instance data and of the fault rules' random draws.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Accepted X-Auth-Token values, besides the tokens the IAM endpoint issues.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = new[] { DefaultToken };

    /// <summary>How long every job and time-based transition takes (backup, reboot, reset, restore, unassignment, commands, installs).</summary>
    public TimeSpan JobDelay { get; init; } = TimeSpan.FromMilliseconds(2000);

    /// <summary>
    /// True (--clock manual): the clock stands still until the admin API moves it, so tests
    /// decide when jobs end, tokens expire and lags run out (<see cref="ManualClock"/>).
    /// </summary>
    public bool UseManualClock { get; init; }

    /// <summary>ListInstances clamps page_size to this.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>
    /// Kinds of task whose IDs ExecuteJob answers as unknown (--task-query-unsupported): the
    /// reference only promises command and install tasks (docs/api-reference.md §2.6 item 5).
    /// </summary>
    public IReadOnlySet<TaskKind> UnqueryableTaskKinds { get; init; } = new HashSet<TaskKind>();

    /// <summary>True: InstallApp answers in the pre-3.1.207 shape data.data.{task_id, cmd_jobs} (docs/api-reference.md §10 item 3).</summary>
    public bool NestedInstallResponse { get; init; }

    /// <summary>The admin request log keeps at most this many newest entries.</summary>
    public int RequestLogLimit { get; init; } = 100_000;

    /// <summary>The one IAM user the token endpoint knows.</summary>
    public string IamUser { get; init; } = DefaultIamUser;

    /// <summary>That user's password.</summary>
    public string IamPassword { get; init; } = DefaultIamPassword;

    /// <summary>The user's account (domain) name.</summary>
    public string IamDomain { get; init; } = DefaultIamDomain;

    /// <summary>The tenant's one project: token scope, X-Project-Id and the instances' project_id.</summary>
    public string ProjectId { get; init; } = DefaultProjectId;

    /// <summary>The project's name (a region name).</summary>
    public string ProjectName { get; init; } = DefaultProjectName;

    /// <summary>More projects of the account (--iam-project NAME=ID); only IAM's project listing shows them.</summary>
    public IReadOnlyList<IamProjectEntry> OtherProjects { get; init; } = Array.Empty<IamProjectEntry>();

    /// <summary>The regions seeded instances are spread over, round-robin (--regions); by default only cn-north-4.</summary>
    public IReadOnlyList<RegionInfo> Regions { get; init; } = new[] { RegionCatalog.NorthBeijing4 };

    /// <summary>How long an issued IAM token stays valid (24 hours in the real service, docs/api-reference.md §7).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(86400);

    /// <summary>The access key AK/SK-signed requests must name.</summary>
    public string AccessKey { get; init; } = DefaultAccessKey;

    /// <summary>The secret key signatures are checked with.</summary>
    public string SecretKey { get; init; } = DefaultSecretKey;

    /// <summary>When set, a signed request carrying X-Security-Token must carry exactly this.</summary>
    public string? SecurityToken { get; init; }

    /// <summary>Delay before each /v1 request is handled, at start (it can be changed at run time).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Most /v1 requests in flight before the gateway answers 429; 0 means no limit.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>The settings that can also change at run time (lags, time zone, request-ID mode, refusals), as they are at start and after a reset.</summary>
    public RunTimeSettings RunTime { get; init; } = new();

    /// <summary>Fault rules active at start and restored by a reset.</summary>
    public IReadOnlyList<FaultRule> Faults { get; init; } = Array.Empty<FaultRule>();

    /// <summary>The blob service --blob-proxy forwards to, with faults set at run time (<see cref="BlobProxyForwarder"/>); null without the option.</summary>
    public BlobProxyTarget? BlobProxy { get; init; }
}
