using System;
using System.Collections.Generic;
using System.Globalization;

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

    /// <summary>Parses <paramref name="args"/> into options, a help request or an error.</summary>
    public static OptionsParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        int port = 0;
        string? portFile = null;
        int instances = 10;
        int seed = 1;
        var tokens = new List<string>();
        int jobDelayMs = 2000;
        int maxPageSize = 100;
        bool backupTaskQuerySupported = true;
        int requestLogLimit = 100_000;
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

            if (!IsKnown(name))
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

            if (name != "--token" && !seen.Add(name))
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
                "--max-page-size" => ParseInt(name, value, 1, int.MaxValue, out maxPageSize),
                "--backup-task-query" => ParseTaskQueryMode(value, out backupTaskQuerySupported),
                "--request-log-limit" => ParseInt(name, value, 0, int.MaxValue, out requestLogLimit),
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
            MaxPageSize = maxPageSize,
            BackupTaskQuerySupported = backupTaskQuerySupported,
            RequestLogLimit = requestLogLimit,
        });
    }

    private static bool IsKnown(string name) => name is "--port" or "--port-file" or "--instances" or "--seed"
        or "--token" or "--job-delay-ms" or "--max-page-size" or "--backup-task-query" or "--request-log-limit";

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

    private static string? AddToken(string value, List<string> tokens)
    {
        // A token travels in an HTTP header, so it cannot be empty or contain control characters.
        if (value.Length == 0)
        {
            return "option '--token' needs a non-empty value";
        }

        foreach (char c in value)
        {
            if (char.IsControl(c) || c > '\u007e')
            {
                return "option '--token' must be printable ASCII";
            }
        }

        tokens.Add(value);
        return null;
    }

    private static string? ParseTaskQueryMode(string value, out bool supported)
    {
        supported = value == "supported";
        return value is "supported" or "unsupported"
            ? null
            : $"option '--backup-task-query' must be 'supported' or 'unsupported', got '{value}'";
    }
}
