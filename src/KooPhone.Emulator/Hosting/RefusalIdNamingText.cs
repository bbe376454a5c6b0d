using KooPhone.Emulator.Api;

namespace KooPhone.Emulator.Hosting;

/// <summary>The text form of <see cref="RefusalIdNaming"/>, as --refusal-ids and the refusalIds setting write it.</summary>
public static class RefusalIdNamingText
{
    /// <summary>The accepted values, for error messages.</summary>
    public const string Rule = "'named', 'none' or 'first'";

    /// <summary>Parses "named", "none" or "first".</summary>
    public static bool TryParse(string text, out RefusalIdNaming naming)
    {
        (bool known, naming) = text switch
        {
            "named" => (true, RefusalIdNaming.Named),
            "none" => (true, RefusalIdNaming.None),
            "first" => (true, RefusalIdNaming.First),
            _ => (false, RefusalIdNaming.Named),
        };
        return known;
    }

    /// <summary>"named", "none" or "first".</summary>
    public static string Format(RefusalIdNaming naming) => naming switch
    {
        RefusalIdNaming.None => "none",
        RefusalIdNaming.First => "first",
        _ => "named",
    };
}
