namespace KooPhone.Emulator.Auth;

/// <summary>What the <see cref="IssuedTokenStore"/> knows about a presented token.</summary>
public enum IssuedTokenStatus
{
    /// <summary>Never issued, or revoked.</summary>
    Unknown,

    /// <summary>Issued and past its expiry.</summary>
    Expired,

    /// <summary>Issued, unexpired, not revoked.</summary>
    Active,
}
