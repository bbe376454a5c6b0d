using System;
using System.Globalization;
using System.Security.Cryptography;

namespace KooPhone.Emulator.State;

/// <summary>CBC-looking order IDs: "CS", the UTC minute (yyMMddHHmm) and five random capitals or digits, e.g. CS2611261803K7QZP.</summary>
public static class OrderIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A new order ID for an order placed at <paramref name="now"/>.</summary>
    public static string New(DateTimeOffset now) =>
        "CS" + now.UtcDateTime.ToString("yyMMddHHmm", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetString(Alphabet, 5);
}
