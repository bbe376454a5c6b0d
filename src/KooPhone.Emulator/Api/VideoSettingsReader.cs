using System;
using System.Collections.Generic;
using System.Text.Json;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads SetVideo's instance_settings (docs/api-reference.md §5.17): each of the six network_type × encoding_type
/// combinations exactly once, each with video_spec_groups whose three definitions have a
/// code_rate of 0 to 10000 kbit/s in steps of 100 (the SDK's range; the 2025 page says 100 to 10000) and an fps of 30 or 60.
/// </summary>
public static class VideoSettingsReader
{
    private const string Field = "instance_settings";
    private const int MinCodeRate = 0;
    private const int MaxCodeRate = 10000;
    private const int CodeRateStep = 100;

    private static readonly string[] NetworkTypes = { "MOBILE_NETWORK", "WIFI", "WIRED" };
    private static readonly string[] EncodingTypes = { "H264", "H265" };
    private static readonly string[] Definitions = { "definition_540P", "definition_720P", "definition_1080P" };

    /// <summary>The settings in request order, or the rule they break.</summary>
    public static bool TryRead(JsonElement root, out IReadOnlyList<VideoSetting> settings, out string? error)
    {
        settings = Array.Empty<VideoSetting>();
        if (!JsonFields.TryElement(root, Field, JsonValueKind.Array, out JsonElement list, out error))
        {
            return false;
        }

        var read = new List<VideoSetting>(list.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string label = $"{Field}[{i++}]";
            if (!TryReadSetting(item, label, out VideoSetting? setting, out error))
            {
                return false;
            }

            if (!seen.Add(Combination(setting!.NetworkType, setting.EncodingType)))
            {
                error = $"'{Field}' has {Combination(setting.NetworkType, setting.EncodingType)} more than once; each combination must appear exactly once";
                return false;
            }

            read.Add(setting);
        }

        foreach (string network in NetworkTypes)
        {
            foreach (string encoding in EncodingTypes)
            {
                if (!seen.Contains(Combination(network, encoding)))
                {
                    error = $"'{Field}' lacks {Combination(network, encoding)}; all six combinations of network_type "
                        + "(MOBILE_NETWORK, WIFI, WIRED) and encoding_type (H264, H265) are required";
                    return false;
                }
            }
        }

        settings = read.ToArray();
        return true;
    }

    private static bool TryReadSetting(JsonElement item, string label, out VideoSetting? setting, out string? error)
    {
        setting = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = $"'{label}' must be an object";
            return false;
        }

        if (!TryReadChoice(item, "network_type", label, NetworkTypes, out string network, out error)
            || !TryReadChoice(item, "encoding_type", label, EncodingTypes, out string encoding, out error)
            || !JsonFields.TryElement(item, "video_spec_groups", JsonValueKind.Array, out JsonElement groups, out error, label + ".video_spec_groups"))
        {
            return false;
        }

        if (groups.GetArrayLength() == 0)
        {
            error = $"'{label}.video_spec_groups' must not be empty";
            return false;
        }

        var read = new List<VideoSpecGroup>(groups.GetArrayLength());
        int g = 0;
        foreach (JsonElement group in groups.EnumerateArray())
        {
            if (!TryReadGroup(group, $"{label}.video_spec_groups[{g++}]", out VideoSpecGroup? specGroup, out error))
            {
                return false;
            }

            read.Add(specGroup!);
        }

        setting = new VideoSetting(network, encoding, read.ToArray());
        return true;
    }

    private static bool TryReadGroup(JsonElement group, string label, out VideoSpecGroup? specGroup, out string? error)
    {
        specGroup = null;
        if (group.ValueKind != JsonValueKind.Object)
        {
            error = $"'{label}' must be an object";
            return false;
        }

        var specs = new VideoSpec[Definitions.Length];
        for (int d = 0; d < Definitions.Length; d++)
        {
            string specLabel = label + "." + Definitions[d];
            if (!JsonFields.TryElement(group, Definitions[d], JsonValueKind.Object, out JsonElement spec, out error, specLabel)
                || !JsonFields.TryInt(spec, "code_rate", out int codeRate, out error, specLabel + ".code_rate")
                || !JsonFields.TryInt(spec, "fps", out int fps, out error, specLabel + ".fps"))
            {
                return false;
            }

            if (codeRate < MinCodeRate || codeRate > MaxCodeRate || codeRate % CodeRateStep != 0)
            {
                error = $"'{specLabel}.code_rate' must be from {MinCodeRate} to {MaxCodeRate} and a multiple of {CodeRateStep}, got {codeRate}";
                return false;
            }

            if (fps is not (30 or 60))
            {
                error = $"'{specLabel}.fps' must be 30 or 60, got {fps}";
                return false;
            }

            specs[d] = new VideoSpec(codeRate, fps);
        }

        specGroup = new VideoSpecGroup(specs[0], specs[1], specs[2]);
        error = null;
        return true;
    }

    private static bool TryReadChoice(JsonElement item, string name, string label, string[] choices, out string value, out string? error)
    {
        if (!JsonFields.TryString(item, name, int.MaxValue, out value, out error, label + "." + name))
        {
            return false;
        }

        if (Array.IndexOf(choices, value) < 0)
        {
            error = $"'{label}.{name}' must be one of {string.Join(", ", choices)}, got '{value}'";
            return false;
        }

        return true;
    }

    private static string Combination(string network, string encoding) => network + "/" + encoding;
}
