namespace KooPhone.Emulator.Hosting;

/// <summary>Outcome of parsing the command line: options, a help request, or an error message.</summary>
public sealed class OptionsParseResult
{
    private OptionsParseResult(EmulatorOptions? options, string? error, bool helpRequested)
    {
        Options = options;
        Error = error;
        HelpRequested = helpRequested;
    }

    /// <summary>The parsed options; null on error or help.</summary>
    public EmulatorOptions? Options { get; }

    /// <summary>What was wrong with the arguments; null unless parsing failed.</summary>
    public string? Error { get; }

    /// <summary>True when --help (or -h) was given.</summary>
    public bool HelpRequested { get; }

    /// <summary>Parsing succeeded.</summary>
    public static OptionsParseResult Success(EmulatorOptions options) => new(options, null, false);

    /// <summary>Parsing failed with <paramref name="error"/>.</summary>
    public static OptionsParseResult Failure(string error) => new(null, error, false);

    /// <summary>The user asked for the usage text.</summary>
    public static OptionsParseResult Help() => new(null, null, true);
}
