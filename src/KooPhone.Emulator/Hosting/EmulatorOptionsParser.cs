using System;
using System.Collections.Generic;
using System.Globalization;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.BlobProxy;
using KooPhone.Emulator.Faults;
using KooPhone.Emulator.State;
using RegionInfo = KooPhone.Emulator.State.RegionInfo;

namespace KooPhone.Emulator.Hosting;

/// <summary>
/// Parses the command line strictly: unknown options, missing or malformed values and repeated
/// single-valued options are errors, because a test script with a typo should fail loudly
/// rather than run against an emulator configured differently from what it expects.
/// </summary>
public static class EmulatorOptionsParser
{
    /// <summary>Largest --instances value; a bound that still fits comfortably in memory.</summary>
    public const int MaxInstances = 10_000_000;

    /// <summary>Largest --latency-ms value, the same bound as a latency fault rule's delayMs.</summary>
    public const int MaxLatencyMs = FaultRuleReader.MaxDelayMs;

    private static readonly HashSet<string> KnownNames = new(StringComparer.Ordinal)
    {
        "--port", "--port-file", "--instances", "--seed", "--token", "--job-delay-ms", "--max-page-size",
        "--backup-task-query", "--task-query-unsupported", "--install-response", "--request-log-limit", "--iam-user", "--iam-password", "--iam-domain",
        "--project-id", "--project-name", "--iam-project", "--token-lifetime-seconds", "--access-key", "--secret-key",
        "--security-token", "--latency-ms", "--max-concurrency", "--fault",
        "--visibility-lag-ms", "--delete-lag-ms", "--listing-churn", "--time-zone-offset", "--response-request-id",
        "--refusal-ids", "--rejected-batches", "--regions", "--clock", "--blob-proxy",
    };

    // Options that may be given several times; every other option may appear once.
    private static readonly HashSet<string> RepeatableNames = new(StringComparer.Ordinal) { "--token", "--fault", "--iam-project" };

    /// <summary>Parses <paramref name="args"/> into options, a help request or an error.</summary>
    public static OptionsParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        int port = 0;
        string? portFile = null;
        int instances = 10;
        int seed = 1;
        var tokens = new List<string>();
        var otherProjects = new List<IamProjectEntry>();
        int jobDelayMs = 2000;
        bool manualClock = false;
        int maxPageSize = 100;
        var unqueryable = new HashSet<TaskKind>();
        bool nestedInstallResponse = false;
        int requestLogLimit = 100_000;
        string iamUser = EmulatorOptions.DefaultIamUser;
        string iamPassword = EmulatorOptions.DefaultIamPassword;
        string iamDomain = EmulatorOptions.DefaultIamDomain;
        string projectId = EmulatorOptions.DefaultProjectId;
        string projectName = EmulatorOptions.DefaultProjectName;
        int tokenLifetimeSeconds = 86400;
        string accessKey = EmulatorOptions.DefaultAccessKey;
        string secretKey = EmulatorOptions.DefaultSecretKey;
        string? securityToken = null;
        int latencyMs = 0;
        int maxConcurrency = 0;
        var faults = new List<FaultRule>();
        int visibilityLagMs = 0;
        int deleteLagMs = 0;
        int listingChurn = 0;
        TimeSpan utcOffset = TimeSpan.Zero;
        bool ownRequestId = false;
        RefusalIdNaming refusalIdNaming = RefusalIdNaming.Named;
        bool partlyApplyRejectedBatches = false;
        IReadOnlyList<RegionInfo> regions = new[] { RegionCatalog.NorthBeijing4 };
        BlobProxyTarget? blobProxy = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h")
            {
                return OptionsParseResult.Help();
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return OptionsParseResult.Failure($"unexpected argument '{arg}'");
            }

            // Accept both "--name value" and "--name=value".
            string name = arg;
            string? value = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                name = arg.Substring(0, equals);
                value = arg.Substring(equals + 1);
            }

            if (!KnownNames.Contains(name))
            {
                return OptionsParseResult.Failure($"unknown option '{name}'");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return OptionsParseResult.Failure($"option '{name}' needs a value");
                }

                value = args[++i];
            }

            if (!RepeatableNames.Contains(name) && !seen.Add(name))
            {
                return OptionsParseResult.Failure($"option '{name}' given more than once");
            }

            string? error = name switch
            {
                "--port" => ParseInt(name, value, 0, 65535, out port),
                "--port-file" => ParsePath(name, value, out portFile),
                "--instances" => ParseInt(name, value, 0, MaxInstances, out instances),
                "--seed" => ParseInt(name, value, int.MinValue, int.MaxValue, out seed),
                "--token" => AddToken(value, tokens),
                "--job-delay-ms" => ParseInt(name, value, 0, int.MaxValue, out jobDelayMs),
                "--clock" => ParseClock(value, out manualClock),
                "--max-page-size" => ParseInt(name, value, 1, int.MaxValue, out maxPageSize),
                "--backup-task-query" => ParseBackupTaskQuery(value, unqueryable),
                "--task-query-unsupported" => ParseUnqueryableKinds(value, unqueryable),
                "--install-response" => ParseInstallResponse(value, out nestedInstallResponse),
                "--request-log-limit" => ParseInt(name, value, 0, int.MaxValue, out requestLogLimit),
                "--iam-user" => ParseText(name, value, out iamUser),
                "--iam-password" => ParseText(name, value, out iamPassword),
                "--iam-domain" => ParseText(name, value, out iamDomain),
                "--project-id" => ParseHeaderValue(name, value, out projectId),
                "--project-name" => ParseText(name, value, out projectName),
                "--iam-project" => AddProject(value, otherProjects),
                "--token-lifetime-seconds" => ParseInt(name, value, 1, int.MaxValue, out tokenLifetimeSeconds),
                "--access-key" => ParseHeaderValue(name, value, out accessKey),
                "--secret-key" => ParseText(name, value, out secretKey),
                "--security-token" => ParseOptionalHeaderValue(name, value, out securityToken),
                "--latency-ms" => ParseInt(name, value, 0, MaxLatencyMs, out latencyMs),
                "--max-concurrency" => ParseInt(name, value, 0, int.MaxValue, out maxConcurrency),
                "--fault" => AddFault(value, faults),
                "--visibility-lag-ms" => ParseInt(name, value, 0, RunTimeSettings.MaxLagMs, out visibilityLagMs),
                "--delete-lag-ms" => ParseInt(name, value, 0, RunTimeSettings.MaxLagMs, out deleteLagMs),
                "--listing-churn" => ParseInt(name, value, -RunTimeSettings.MaxListingChurn, RunTimeSettings.MaxListingChurn, out listingChurn),
                "--time-zone-offset" => UtcOffsetText.TryParse(value, out utcOffset)
                    ? null
                    : $"option '--time-zone-offset' must be {UtcOffsetText.Rule}, got '{value}'",
                "--response-request-id" => RunTimeSettingsReader.TryParseRequestIdMode(value, out ownRequestId)
                    ? null
                    : $"option '--response-request-id' must be 'echo' or 'own', got '{value}'",
                "--refusal-ids" => RefusalIdNamingText.TryParse(value, out refusalIdNaming)
                    ? null
                    : $"option '--refusal-ids' must be {RefusalIdNamingText.Rule}, got '{value}'",
                "--rejected-batches" => RunTimeSettingsReader.TryParseRejectedBatches(value, out partlyApplyRejectedBatches)
                    ? null
                    : $"option '--rejected-batches' must be '{RunTimeSettings.Untouched}' or '{RunTimeSettings.PartlyApplied}', got '{value}'",
                "--regions" => ParseRegions(value, out regions),
                "--blob-proxy" => BlobProxyTarget.TryParse(value, out blobProxy),
                _ => $"unknown option '{name}'",
            };

            if (error is not null)
            {
                return OptionsParseResult.Failure(error);
            }
        }

        return OptionsParseResult.Success(new EmulatorOptions
        {
            Port = port,
            PortFile = portFile,
            Instances = instances,
            Seed = seed,
            Tokens = tokens.Count > 0 ? tokens.ToArray() : new[] { EmulatorOptions.DefaultToken },
            JobDelay = TimeSpan.FromMilliseconds(jobDelayMs),
            UseManualClock = manualClock,
            MaxPageSize = maxPageSize,
            UnqueryableTaskKinds = unqueryable,
            NestedInstallResponse = nestedInstallResponse,
            RequestLogLimit = requestLogLimit,
            IamUser = iamUser,
            IamPassword = iamPassword,
            IamDomain = iamDomain,
            ProjectId = projectId,
            ProjectName = projectName,
            OtherProjects = otherProjects,
            Regions = regions,
            TokenLifetime = TimeSpan.FromSeconds(tokenLifetimeSeconds),
            AccessKey = accessKey,
            SecretKey = secretKey,
            SecurityToken = securityToken,
            LatencyMs = latencyMs,
            MaxConcurrency = maxConcurrency,
            Faults = faults.ToArray(),
            BlobProxy = blobProxy,
            RunTime = new RunTimeSettings
            {
                VisibilityLagMs = visibilityLagMs,
                DeleteLagMs = deleteLagMs,
                ListingChurn = listingChurn,
                UtcOffset = utcOffset,
                OwnRequestId = ownRequestId,
                RefusalIdNaming = refusalIdNaming,
                PartlyApplyRejectedBatches = partlyApplyRejectedBatches,
            },
        });
    }

    private static string? ParseInt(string name, string value, int min, int max, out int result)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
            return $"option '{name}' needs an integer, got '{value}'";
        }

        if (result < min || result > max)
        {
            return $"option '{name}' must be between {min} and {max}, got {result}";
        }

        return null;
    }

    private static string? ParsePath(string name, string value, out string? path)
    {
        path = value;
        return value.Length == 0 ? $"option '{name}' needs a non-empty path" : null;
    }

    // Names and passwords travel in JSON, so anything printable will do.
    private static string? ParseText(string name, string value, out string result)
    {
        result = value;
        if (value.Length == 0)
        {
            return $"option '{name}' needs a non-empty value";
        }

        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return $"option '{name}' must not contain control characters";
            }
        }

        return null;
    }

    // These values travel in HTTP headers, so they cannot be empty or contain control or non-ASCII characters.
    private static string? ParseHeaderValue(string name, string value, out string result)
    {
        result = value;
        if (value.Length == 0)
        {
            return $"option '{name}' needs a non-empty value";
        }

        foreach (char c in value)
        {
            if (char.IsControl(c) || c > '\u007e')
            {
                return $"option '{name}' must be printable ASCII";
            }
        }

        return null;
    }

    private static string? ParseOptionalHeaderValue(string name, string value, out string? result)
    {
        string? error = ParseHeaderValue(name, value, out string parsed);
        result = parsed;
        return error;
    }

    private static string? AddToken(string value, List<string> tokens)
    {
        string? error = ParseHeaderValue("--token", value, out string token);
        if (error is null)
        {
            tokens.Add(token);
        }

        return error;
    }

    // NAME=ID: another project of the account, which only IAM's project listing shows.
    private static string? AddProject(string value, List<IamProjectEntry> projects)
    {
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            return "option '--iam-project' must be NAME=ID, e.g. cn-north-4=fedcba9876543210fedcba9876543210";
        }

        string? error = ParseHeaderValue("--iam-project", value.Substring(equals + 1), out string id);
        if (error is null)
        {
            projects.Add(new IamProjectEntry(value.Substring(0, equals), id));
        }

        return error;
    }

    private static string? AddFault(string value, List<FaultRule> faults)
    {
        if (!FaultSpecParser.TryParse(value, out FaultRule? rule, out string? error))
        {
            return $"option '--fault': {error}";
        }

        faults.Add(rule!);
        return null;
    }

    // The older, backup-only form of --task-query-unsupported: "unsupported" means "backup".
    private static string? ParseBackupTaskQuery(string value, HashSet<TaskKind> unqueryable)
    {
        if (value is not ("supported" or "unsupported"))
        {
            return $"option '--backup-task-query' must be 'supported' or 'unsupported', got '{value}'";
        }

        if (value == "unsupported")
        {
            unqueryable.Add(TaskKind.Backup);
        }

        return null;
    }

    // A comma-separated list of the kinds whose polling the reference leaves open (docs/api-reference.md §2.6 item 5).
    private static string? ParseUnqueryableKinds(string value, HashSet<TaskKind> unqueryable)
    {
        foreach (string part in value.Split(','))
        {
            TaskKind? kind = part.Trim() switch
            {
                "backup" => TaskKind.Backup,
                "reset" => TaskKind.Reset,
                "unassign" => TaskKind.Unassign,
                _ => null,
            };
            if (kind is null)
            {
                return $"option '--task-query-unsupported' takes a comma-separated list of backup, reset and unassign, got '{part}'";
            }

            unqueryable.Add(kind.Value);
        }

        return null;
    }

    private static string? ParseClock(string value, out bool manual)
    {
        manual = value == "manual";
        return manual || value == "system" ? null : $"option '--clock' must be 'system' or 'manual', got '{value}'";
    }

    private static string? ParseInstallResponse(string value, out bool nested)
    {
        nested = value == "nested";
        return value is "nested" or "flat"
            ? null
            : $"option '--install-response' must be 'nested' or 'flat', got '{value}'";
    }

    // A comma-separated list of distinct region codes such as cn-north-4: lower-case letters, digits and '-'.
    private static string? ParseRegions(string value, out IReadOnlyList<RegionInfo> regions)
    {
        var list = new List<RegionInfo>();
        regions = list;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in value.Split(','))
        {
            string code = part.Trim();
            if (code.Length == 0 || code.Length > 64 || !IsRegionCode(code))
            {
                return $"option '--regions' takes a comma-separated list of region codes such as cn-north-4 (lower-case letters, digits and '-'), got '{part}'";
            }

            if (!codes.Add(code))
            {
                return $"option '--regions' names region '{code}' more than once";
            }

            list.Add(RegionDirectory.Describe(code));
        }

        return null;
    }

    private static bool IsRegionCode(string code)
    {
        foreach (char c in code)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
