using System;
using System.IO;
using System.Text;

namespace KooPhone.Emulator.Hosting;

/// <summary>
/// Writes the base URL to the --port-file. The content goes to a temporary file in the same
/// directory that is then renamed over the target, so a script polling for the file never
/// reads a half-written URL.
/// </summary>
public static class PortFileWriter
{
    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="baseUrl"/>.</summary>
    public static void Write(string path, string baseUrl)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Environment.ProcessId + ".tmp");
        File.WriteAllText(temp, baseUrl, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, fullPath, overwrite: true);
    }
}
