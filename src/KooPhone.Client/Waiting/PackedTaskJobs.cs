using System;
using System.Collections.Generic;
using System.Text;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// The jobs of one task still waited for, packed. A fleet -Wait can hold a million running
    /// jobs, and a KooPhoneJobResult with its id strings costs about 450 bytes; here the two ids
    /// are UTF-8 bytes in one buffer per task, the fields every job of a task shares (operation,
    /// request id, submission time) are kept once, and a job costs about 80 bytes. A job becomes a
    /// KooPhoneJobResult again when it leaves: when it ends, when an answer carries output for it,
    /// or when it is handed back at the time limit. Only a job that has not ended and carries
    /// nothing but its ids and status can be packed (<see cref="CanPack"/>), so nothing is lost.
    /// </summary>
    internal sealed class PackedTaskJobs
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false, true);

        private byte[] _text = new byte[64 * 100];
        private int _textLength;
        private Slot[] _slots = new Slot[100];

        public PackedTaskJobs(KooPhoneJobResult first)
        {
            TaskId = first.TaskId!;
            Operation = first.Operation;
            RequestId = first.RequestId;
            SubmittedAt = first.SubmittedAt;
        }

        public string TaskId { get; }

        public string Operation { get; }

        public string? RequestId { get; }

        public DateTime SubmittedAt { get; }

        public int Count { get; private set; }

        /// <summary>Why the last poll of this task did not read it (the task query failed); null once one does.</summary>
        public string? LastPollError { get; set; }

        /// <summary>Jobs the last poll did not learn about: all of them after a failed poll, else those the answer did not list.</summary>
        public int Unread
        {
            get
            {
                if (LastPollError != null)
                {
                    return Count;
                }

                var unread = 0;
                for (var i = 0; i < Count; i++)
                {
                    unread += _slots[i].Unlisted ? 1 : 0;
                }

                return unread;
            }
        }

        /// <summary>A result with nothing to keep but its ids and a status that has not ended.</summary>
        public static bool CanPack(KooPhoneJobResult result) =>
            result.TaskId != null && result.JobId != null && result.CompletedAt == null && !result.Status.IsTerminal()
            && result.ErrorCode == null && result.ErrorMessage == null && result.Output == null
            && result.Evidence == null && result.LastPollError == null;

        /// <summary>Packs a result of this task; false (and nothing kept) when it does not fit.</summary>
        public bool TryAdd(KooPhoneJobResult result)
        {
            if (!CanPack(result) || result.TaskId != TaskId || result.Operation != Operation || result.RequestId != RequestId || result.SubmittedAt != SubmittedAt)
            {
                return false;
            }

            var instanceLength = Utf8.GetByteCount(result.InstanceId);
            var jobLength = Utf8.GetByteCount(result.JobId);
            if (instanceLength > byte.MaxValue || jobLength > byte.MaxValue)
            {
                return false;
            }

            EnsureRoom(instanceLength + jobLength);
            var slot = new Slot { Status = result.Status, InstanceAt = _textLength, InstanceLength = (byte)instanceLength };
            _textLength += Utf8.GetBytes(result.InstanceId, 0, result.InstanceId.Length, _text, _textLength);
            slot.JobAt = _textLength;
            slot.JobLength = (byte)jobLength;
            _textLength += Utf8.GetBytes(result.JobId, 0, result.JobId!.Length, _text, _textLength);
            _slots[Count++] = slot;
            return true;
        }

        /// <summary>
        /// Takes in one answer of the task query: a job that ended, or that carries output, leaves
        /// as a result with the answer applied (added to <paramref name="leaving"/>); the others
        /// take on their new status, or are marked unread when the answer did not list them.
        /// </summary>
        public void Apply(IReadOnlyDictionary<string, JobSnapshot> byJob, ICollection<KooPhoneJobResult> leaving, DateTime now)
        {
            LastPollError = null;
            var kept = 0;
            for (var i = 0; i < Count; i++)
            {
                var slot = _slots[i];
                if (byJob.TryGetValue(Read(slot.JobAt, slot.JobLength), out var state))
                {
                    if (state.Status.IsTerminal() || state.Output != null)
                    {
                        var result = Unpack(slot);
                        JobResultUpdater.Apply(result, state, now);
                        leaving.Add(result);
                        continue;
                    }

                    slot.Status = state.Status;
                    slot.Unlisted = false;
                }
                else
                {
                    slot.Unlisted = true;
                }

                _slots[kept++] = slot;
            }

            Count = kept;
        }

        /// <summary>Hands back every job as a result with its last known status and why a poll could not read it; leaves this empty.</summary>
        public List<KooPhoneJobResult> UnpackAll()
        {
            var results = new List<KooPhoneJobResult>(Count);
            for (var i = 0; i < Count; i++)
            {
                results.Add(Unpack(_slots[i]));
            }

            Count = 0;
            return results;
        }

        public void CountByStatus(IDictionary<KooPhoneJobStatus, int> counts)
        {
            for (var i = 0; i < Count; i++)
            {
                var status = _slots[i].Status;
                counts[status] = counts.TryGetValue(status, out var n) ? n + 1 : 1;
            }
        }

        private KooPhoneJobResult Unpack(Slot slot)
        {
            var jobId = Read(slot.JobAt, slot.JobLength);
            return new KooPhoneJobResult
            {
                InstanceId = Read(slot.InstanceAt, slot.InstanceLength),
                Operation = Operation,
                TaskId = TaskId,
                JobId = jobId,
                Status = slot.Status,
                RequestId = RequestId,
                SubmittedAt = SubmittedAt,
                LastPollError = LastPollError ?? (slot.Unlisted ? $"The answer for task {TaskId} did not list job {jobId}." : null),
            };
        }

        private string Read(int at, int length) => Utf8.GetString(_text, at, length);

        private void EnsureRoom(int bytes)
        {
            if (_textLength + bytes > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + bytes));
            }

            if (Count == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }
        }

        // 16 bytes a job; the ids' bytes are in _text.
        private struct Slot
        {
            public int InstanceAt;
            public int JobAt;
            public byte InstanceLength;
            public byte JobLength;
            public bool Unlisted;
            public KooPhoneJobStatus Status;
        }
    }
}
