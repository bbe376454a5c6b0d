using System.Threading;

namespace KooPhone.Emulator.Hosting;

/// <summary>
/// The run-time settings in force, changeable through the admin API and put back to the start-up
/// values by a reset. Reading is one volatile read, so every request can afford it.
/// </summary>
public sealed class RunTimeOptions
{
    private readonly RunTimeSettings startup;
    private RunTimeSettings current;

    /// <summary>Starts with the settings the command line gave.</summary>
    public RunTimeOptions(EmulatorOptions options)
    {
        startup = options.RunTime;
        current = startup;
    }

    /// <summary>The settings in force.</summary>
    public RunTimeSettings Current
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, value);
    }

    /// <summary>Back to the start-up settings.</summary>
    public void Reset() => Current = startup;
}
