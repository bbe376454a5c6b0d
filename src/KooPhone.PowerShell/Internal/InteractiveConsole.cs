using System;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Whether a person is watching a console: the host is PowerShell's own console (not
    /// Automation's, an IDE's or a runspace made by code), its output is not redirected to a log,
    /// and pwsh was not started with -NonInteractive. Errs on the quiet side.
    /// </summary>
    internal static class InteractiveConsole
    {
        private static readonly Lazy<bool> NonInteractiveProcess = new Lazy<bool>(() => HasNonInteractiveSwitch(Environment.GetCommandLineArgs()));

        public static bool IsWatched(PSCmdlet cmdlet) =>
            string.Equals(cmdlet.Host?.Name, "ConsoleHost", StringComparison.Ordinal)
            && !Console.IsOutputRedirected
            && !NonInteractiveProcess.Value;

        /// <summary>pwsh takes any unambiguous prefix of -NonInteractive ("-noni" and longer) before -Command or -File.</summary>
        internal static bool HasNonInteractiveSwitch(string[] arguments)
        {
            foreach (var argument in arguments)
            {
                var name = argument.TrimStart('-', '/');
                if (name.Length == argument.Length)
                {
                    continue;
                }

                if (IsPrefixOf(name, "command", 1) || IsPrefixOf(name, "file", 1) || IsPrefixOf(name, "encodedcommand", 1))
                {
                    return false;
                }

                if (IsPrefixOf(name, "noninteractive", 4))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPrefixOf(string given, string full, int shortest) =>
            given.Length >= shortest && full.StartsWith(given, StringComparison.OrdinalIgnoreCase);
    }
}
