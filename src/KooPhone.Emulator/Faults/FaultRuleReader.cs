using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// Reads fault rules from JSON and validates them strictly: an unknown field, a value of the
/// wrong type or a field that means nothing for the rule's kind is an error, because a test
/// whose fault silently never fires would pass for the wrong reason.
/// </summary>
public static class FaultRuleReader
{
    /// <summary>Longest delay a latency rule (or --latency-ms) may ask for: 5 minutes.</summary>
    public const int MaxDelayMs = 300_000;

    /// <summary>The statuses a status rule may answer, each with its own gateway or service error body.</summary>
    public static readonly IReadOnlyList<int> SupportedStatuses = new[] { 429, 500, 502, 503, 504 };

    /// <summary>IAM's endpoints on the emulator's host, which a rule may name to fault IAM: the token and the project listing.</summary>
    public static readonly IReadOnlyList<string> IamPaths = new[] { "/v3/auth/tokens", "/v3/projects" };

    private const string Prefix = "/v1";

    /// <summary>Reads a JSON array of rules.</summary>
    public static bool TryReadList(JsonElement root, out List<FaultRule> rules, out string? error)
    {
        rules = new List<FaultRule>();
        if (root.ValueKind != JsonValueKind.Array)
        {
            error = "body must be a JSON array of fault rules (an empty array clears them)";
            return false;
        }

        int index = 0;
        foreach (JsonElement item in root.EnumerateArray())
        {
            if (!TryRead(item, out FaultRule? rule, out string? itemError))
            {
                error = $"rule {index}: {itemError}";
                return false;
            }

            rules.Add(rule!);
            index++;
        }

        error = null;
        return true;
    }

    /// <summary>Reads one rule object.</summary>
    public static bool TryRead(JsonElement element, out FaultRule? rule, out string? error)
    {
        rule = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "a fault rule must be a JSON object";
            return false;
        }

        FaultKind? kind = null;
        FaultPhase phase = FaultPhase.Before;
        string? path = null, method = null, retryAfter = null, shape = null;
        int? times = null, every = null, status = null, delayMs = null;
        double? rate = null;

        foreach (JsonProperty property in element.EnumerateObject())
        {
            JsonElement value = property.Value;
            error = property.Name switch
            {
                "kind" => ReadKind(value, out kind),
                "phase" => ReadPhase(value, out phase),
                "path" => ReadPath(value, out path),
                "method" => ReadMethod(value, out method),
                "times" => ReadInt("times", value, 1, int.MaxValue, out times),
                "every" => ReadInt("every", value, 1, int.MaxValue, out every),
                "rate" => ReadRate(value, out rate),
                "status" => ReadStatus(value, out status),
                "retryAfter" => ReadRetryAfter(value, out retryAfter),
                "shape" => ReadShape(value, out shape),
                "delayMs" => ReadInt("delayMs", value, 0, MaxDelayMs, out delayMs),

                // The counters GET /_emulator/faults adds, so its output can be posted back as is.
                "matched" or "injected" => null,
                _ => $"unknown field '{property.Name}'; supported: kind, phase, path, method, times, every, rate, status, shape, retryAfter, delayMs",
            };

            if (error is not null)
            {
                return false;
            }
        }

        error = CheckFieldsFitKind(kind, status, retryAfter, delayMs, shape) ?? CheckIamRule(kind!.Value, phase, path) ?? CheckMissingJobsRule(kind.Value, path);
        if (error is not null)
        {
            return false;
        }

        rule = new FaultRule
        {
            Kind = kind!.Value,
            Phase = phase,
            Path = path,
            Method = method,
            Times = times,
            Every = every,
            Rate = rate,
            Status = status,
            RetryAfter = retryAfter,
            DelayMs = delayMs,
            Shape = shape,
        };
        return true;
    }

    private static string? CheckFieldsFitKind(FaultKind? kind, int? status, string? retryAfter, int? delayMs, string? shape)
    {
        if (kind is null)
        {
            return $"'kind' is required: one of {FaultKindNames.All}";
        }

        if (kind == FaultKind.Shape && shape is null)
        {
            return "a 'shape' rule needs 'shape': one of " + ErrorShapes.All;
        }

        if (kind != FaultKind.Shape && shape is not null)
        {
            return "'shape' applies only to kind 'shape'";
        }

        if (kind == FaultKind.Status && status is null)
        {
            return "a 'status' rule needs 'status': one of " + string.Join(", ", SupportedStatuses);
        }

        if (kind != FaultKind.Status && status is not null)
        {
            return "'status' applies only to kind 'status'";
        }

        if (kind is not (FaultKind.Status or FaultKind.Html) && retryAfter is not null)
        {
            return "'retryAfter' applies only to kinds 'status' and 'html'";
        }

        if (kind == FaultKind.Latency && delayMs is null)
        {
            return "a 'latency' rule needs 'delayMs'";
        }

        if (kind != FaultKind.Latency && delayMs is not null)
        {
            return "'delayMs' applies only to kind 'latency'";
        }

        return null;
    }

    // IAM answers by itself, before anything is carried out and with no latency or concurrency limit
    // of its own, so a rule for IAM can only answer in its place, with an error body.
    private static string? CheckIamRule(FaultKind kind, FaultPhase phase, string? path)
    {
        if (path is null || IsUnderPrefix(path))
        {
            return null;
        }

        return kind is (FaultKind.Status or FaultKind.Iam or FaultKind.Html or FaultKind.Shape) && phase == FaultPhase.Before
            ? null
            : $"a rule for {path} must be of kind status, iam, html or shape, in the before phase";
    }

    // Only a task's answer has jobs to leave out; a rule that could fire elsewhere would act on half
    // of a batch and still answer in full, a fault nothing could ever observe.
    private static string? CheckMissingJobsRule(FaultKind kind, string? path) =>
        kind != FaultKind.MissingJobs || (path is not null && MissingJobsRunner.IsTaskPath(path))
            ? null
            : "a 'missingjobs' rule needs 'path': one of the task operations' " + string.Join(", ", MissingJobsRunner.TaskPaths);

    private static string? ReadShape(JsonElement value, out string? shape)
    {
        shape = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (shape is not null && ErrorShapes.IsKnown(shape))
        {
            return null;
        }

        shape = null;
        return $"'shape' must be one of {ErrorShapes.All}, got {value.GetRawText()}";
    }

    private static string? ReadKind(JsonElement value, out FaultKind? kind)
    {
        kind = null;
        if (value.ValueKind == JsonValueKind.String && FaultKindNames.TryParse(value.GetString()!, out FaultKind parsed))
        {
            kind = parsed;
            return null;
        }

        return $"'kind' must be one of {FaultKindNames.All}, got {value.GetRawText()}";
    }

    private static string? ReadPhase(JsonElement value, out FaultPhase phase)
    {
        phase = FaultPhase.Before;
        switch (value.ValueKind == JsonValueKind.String ? value.GetString() : null)
        {
            case "before":
                return null;
            case "after":
                phase = FaultPhase.After;
                return null;
            default:
                return $"'phase' must be \"before\" or \"after\", got {value.GetRawText()}";
        }
    }

    // Only /v1 and IAM's requests pass through fault injection, so a rule for any other path could never fire.
    private static string? ReadPath(JsonElement value, out string? path)
    {
        path = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (path is not null && IsIamPath(path.TrimEnd('/')))
        {
            path = path.TrimEnd('/');
            return null;
        }

        if (path is null || !IsUnderPrefix(path))
        {
            return $"'path' must be a path prefix under {Prefix}, e.g. /v1/instances/backup, or one of IAM's: {string.Join(", ", IamPaths)}; got {value.GetRawText()}";
        }

        // A trailing slash would never match segment by segment; /v1/instances/ means /v1/instances.
        path = path.Length > Prefix.Length ? path.TrimEnd('/') : path;
        return null;
    }

    private static bool IsIamPath(string path)
    {
        foreach (string iam in IamPaths)
        {
            if (string.Equals(path, iam, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnderPrefix(string path) =>
        path.StartsWith(Prefix, StringComparison.Ordinal) && (path.Length == Prefix.Length || path[Prefix.Length] == '/');

    private static string? ReadMethod(JsonElement value, out string? method)
    {
        method = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrEmpty(method) || !IsAsciiLetters(method))
        {
            return $"'method' must be an HTTP method such as POST, got {value.GetRawText()}";
        }

        method = method.ToUpperInvariant();
        return null;
    }

    private static bool IsAsciiLetters(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? ReadInt(string name, JsonElement value, int min, int max, out int? result)
    {
        result = null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= min && number <= max)
        {
            result = number;
            return null;
        }

        return $"'{name}' must be an integer from {min} to {max}, got {value.GetRawText()}";
    }

    private static string? ReadRate(JsonElement value, out double? rate)
    {
        rate = null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && number >= 0 && number <= 1)
        {
            rate = number;
            return null;
        }

        return $"'rate' must be a number from 0 to 1, got {value.GetRawText()}";
    }

    private static string? ReadStatus(JsonElement value, out int? status)
    {
        status = null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && Contains(SupportedStatuses, number))
        {
            status = number;
            return null;
        }

        return $"'status' must be one of {string.Join(", ", SupportedStatuses)}, got {value.GetRawText()}";
    }

    private static bool Contains(IReadOnlyList<int> list, int value)
    {
        foreach (int item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }

    // Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Both are kept as given, so a
    // test can send a date in the past or a zero delay on purpose.
    private static string? ReadRetryAfter(JsonElement value, out string? retryAfter)
    {
        retryAfter = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when value.TryGetInt32(out int seconds) && seconds >= 0 =>
                seconds.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

        if (retryAfter is not null && (IsDelaySeconds(retryAfter) || IsHttpDate(retryAfter)))
        {
            return null;
        }

        retryAfter = null;
        return $"'retryAfter' must be whole seconds such as \"2\" or an HTTP-date such as \"Wed, 21 Oct 2026 07:28:00 GMT\", got {value.GetRawText()}";
    }

    private static bool IsDelaySeconds(string text) =>
        text.Length is > 0 and <= 10 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool IsHttpDate(string text) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _);
}
