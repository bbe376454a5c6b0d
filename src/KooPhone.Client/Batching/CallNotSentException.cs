using System;
using System.Threading;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// A batch stopped (Ctrl+C, a stopped pipeline) before its call went out, while the state was
    /// read ahead of it (BatchSettler): none of its items reached the service, so the run records
    /// them NotSent rather than Unknown.
    /// </summary>
    internal sealed class CallNotSentException : OperationCanceledException
    {
        public CallNotSentException(CancellationToken cancellationToken)
            : base("The run was stopped before the call went out.", cancellationToken)
        {
        }

        /// <summary>True when <paramref name="task"/> ended this way.</summary>
        public static bool Ended(System.Threading.Tasks.Task? task)
        {
            if (task == null || !task.IsCompleted || task.Status == System.Threading.Tasks.TaskStatus.RanToCompletion)
            {
                return false;
            }

            try
            {
                // A cancelled task keeps its exception only for whoever awaits it.
                task.GetAwaiter().GetResult();
            }
            catch (CallNotSentException)
            {
                return true;
            }
            catch (Exception)
            {
                // Any other end: the call may have gone out.
            }

            return false;
        }
    }
}
