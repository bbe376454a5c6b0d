using System;
using System.Collections.Generic;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>What an answered call came to for one item: the objects to write, or the error of an item the answer left out.</summary>
    internal sealed class ItemResult
    {
        private ItemResult(InstanceTarget target, IReadOnlyList<object> outputs, Exception? error)
        {
            Target = target;
            Outputs = outputs;
            Error = error;
        }

        public InstanceTarget Target { get; }

        /// <summary>What is written for the item (an app list writes one object per app, possibly none).</summary>
        public IReadOnlyList<object> Outputs { get; }

        /// <summary>Set when the service answered the call without an answer for this item.</summary>
        public Exception? Error { get; }

        public static ItemResult Of(InstanceTarget target, object output) => new ItemResult(target, new[] { output }, null);

        public static ItemResult OfMany(InstanceTarget target, IReadOnlyList<object> outputs) => new ItemResult(target, outputs, null);

        public static ItemResult Missing(InstanceTarget target, string message) => new ItemResult(target, Array.Empty<object>(), new MissingResultException(message));

        /// <summary>How the run record keeps an item's result: the fields each result type has.</summary>
        public static KooPhoneRunEntry EntryOf(InstanceTarget target, object? output, DateTime submittedAt)
        {
            var entry = new KooPhoneRunEntry { InstanceId = target.InstanceId, UserId = target.UserId, Outcome = RunOutcome.Result, SubmittedAt = submittedAt };
            switch (output)
            {
                case KooPhoneJobResult job:
                    entry.Status = job.Status.ToString();
                    entry.TaskId = job.TaskId;
                    entry.JobId = job.JobId;
                    entry.RequestId = job.RequestId;
                    entry.SubmittedAt = job.SubmittedAt;
                    entry.ErrorCode = job.ErrorCode;
                    // Known not to have acted (its state never showed it): an error of the id, safe to run again.
                    entry.Outcome = job.ErrorCode == Waiting.NotCarriedOutRule.ErrorCode ? RunOutcome.Error : RunOutcome.Result;
                    entry.Message = job.ErrorMessage ?? job.Evidence;
                    break;
                case KooPhoneActionResult action:
                    entry.Status = action.Status;
                    entry.RequestId = action.RequestId;
                    entry.SubmittedAt = action.At;
                    entry.Message = action.Evidence;
                    entry.UserId = action.UserId ?? target.UserId;
                    break;
                case KooPhonePrepareResult prepare:
                    entry.Status = prepare.Status.ToString();
                    entry.UserId = string.IsNullOrEmpty(prepare.UserId) ? target.UserId : prepare.UserId;
                    break;
            }

            return entry;
        }
    }

    /// <summary>The service accepted a call but its answer says nothing of this item.</summary>
    public sealed class MissingResultException : Exception
    {
        public MissingResultException(string message)
            : base(message)
        {
        }
    }
}
