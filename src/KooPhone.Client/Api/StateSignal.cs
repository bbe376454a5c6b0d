namespace KooPhone.Client.Api
{
    /// <summary>Where an operation's effect shows in the instances' own state, for when its answer is lost.</summary>
    internal enum StateSignal
    {
        /// <summary>Nothing readable shows the effect (reboot, commands, orders, video settings), or the operation changes nothing.</summary>
        None,

        /// <summary>ListInstances' backup_status and backup_time.</summary>
        BackupStatus,

        /// <summary>The instance leaves ListInstances, possibly late.</summary>
        Disappears,

        /// <summary>ListInstances' assign_status and assign_user.</summary>
        AssignStatus,

        /// <summary>The package appears in ListInstanceApp.</summary>
        AppList,

        /// <summary>ShowProgress for each instance and user.</summary>
        PrepareProgress,

        /// <summary>BatchShowInstance's run status dips and comes back; a quick operation can hide the dip, so it is weak evidence.</summary>
        RunStatus,
    }
}
