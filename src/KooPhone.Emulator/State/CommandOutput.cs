using System;

namespace KooPhone.Emulator.State;

/// <summary>The deterministic "output" of an ADB shell command on a running emulated phone.</summary>
public static class CommandOutput
{
    private const string VersionQuery = "getprop ro.build.version.release";
    private const string Echo = "echo ";

    /// <summary>
    /// getprop ro.build.version.release answers the image's Android version ("11"), echo answers
    /// its arguments, and anything else "ok: &lt;command&gt;", so tests can tell commands apart.
    /// </summary>
    public static string For(string command, string os)
    {
        if (string.Equals(command, VersionQuery, StringComparison.Ordinal))
        {
            return os.StartsWith("AOSP", StringComparison.Ordinal) ? os.Substring(4) : os;
        }

        if (command.StartsWith(Echo, StringComparison.Ordinal))
        {
            return command.Substring(Echo.Length);
        }

        return "ok: " + command;
    }
}
