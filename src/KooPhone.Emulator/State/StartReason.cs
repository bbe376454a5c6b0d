namespace KooPhone.Emulator.State;

/// <summary>Why an instance is starting (running_status 4); BatchPrepareInstances reports the two differently.</summary>
public enum StartReason
{
    /// <summary>BatchRebootInstance: lifecycle status 5, restarting.</summary>
    Reboot = 1,

    /// <summary>BatchResetInstance: lifecycle status 4, resetting.</summary>
    Reset,
}
