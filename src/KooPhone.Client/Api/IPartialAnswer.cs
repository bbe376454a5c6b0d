using System;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// A success answer that names each instance it answers for, as a task names each one's job
    /// in cmd_jobs. An instance that was sent and is not named has no answer: the service may or
    /// may not have acted on it, so BatchSettler settles it like a call whose answer was lost
    /// (from the instances' state), never as answered.
    /// </summary>
    internal interface IPartialAnswer
    {
        /// <summary>True when the answer names the instance.</summary>
        bool Answers(string instanceId);

        /// <summary>The error of the instances the answer leaves out, marked OutcomeUnknown.</summary>
        Exception LeftOut();
    }
}
