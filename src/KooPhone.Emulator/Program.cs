using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Hosting;

namespace KooPhone.Emulator;

/// <summary>Entry point: parses the command line, then runs the emulator until it is shut down.</summary>
public static class Program
{
    /// <summary>Exit codes: 0 normal stop or --help, 1 start-up failure (e.g. port in use), 2 bad arguments.</summary>
    public static async Task<int> Main(string[] args)
    {
        OptionsParseResult parsed = EmulatorOptionsParser.Parse(args);
        if (parsed.HelpRequested)
        {
            Console.Out.Write(UsageText.Text);
            Console.Out.Flush();
            return 0;
        }

        if (parsed.Options is null)
        {
            Console.Error.WriteLine("error: " + parsed.Error);
            Console.Error.Write(UsageText.Text);
            return 2;
        }

        return await EmulatorApp.RunAsync(parsed.Options).ConfigureAwait(false);
    }
}
