using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Runs
{
    /// <summary>What a rerun does with an id its journal knows.</summary>
    internal enum ResumeKind
    {
        /// <summary>Not in the journal, or its state shows it untouched (then Entry is the journal's, whose call was not carried out): it is sent.</summary>
        Send,

        /// <summary>Done in an earlier run: its recorded result is written again.</summary>
        Written,

        /// <summary>Sent without a recorded answer, and its state shows it was carried out.</summary>
        Done,

        /// <summary>Sent without a recorded answer, and its state cannot say: reported as Unknown.</summary>
        Unknown,
    }

    /// <summary>The decision on one id, with what the result or error it leads to says.</summary>
    internal readonly struct Resumption
    {
        public Resumption(ResumeKind kind, KooPhoneRunEntry? entry = null, string? evidence = null, Exception? error = null, DateTime sentAt = default)
        {
            Kind = kind;
            Entry = entry;
            Evidence = evidence;
            Error = error;
            SentAt = sentAt;
        }

        public ResumeKind Kind { get; }

        public KooPhoneRunEntry? Entry { get; }

        public string? Evidence { get; }

        public Exception? Error { get; }

        public DateTime SentAt { get; }
    }

    /// <summary>
    /// -JournalPath on a rerun: decides per id whether it is sent, written again, or settled by the
    /// state read up front of the ids earlier runs sent without a recorded answer.
    /// </summary>
    internal sealed class JournalResumer
    {
        private readonly JournalKeeper _journal;
        private readonly KooPhoneOperation _operation;
        private readonly Dictionary<(string, string), ReconcileOutcome>? _verdicts;

        private JournalResumer(JournalKeeper journal, KooPhoneOperation operation, Dictionary<(string, string), ReconcileOutcome>? verdicts)
        {
            _journal = journal;
            _operation = operation;
            _verdicts = verdicts;
        }

        /// <summary>Where each call's intent is written before it goes out.</summary>
        public JournalKeeper Journal => _journal;

        /// <summary>
        /// Opens the journal at <paramref name="path"/> in the run's ledger and reads back, once and
        /// up front, the state of the ids earlier runs sent without a recorded answer (it blocks
        /// until then; <paramref name="cancellationToken"/> ends the wait). What in the journal could
        /// not be taken as written goes to <paramref name="warn"/>, once.
        /// </summary>
        public static JournalResumer Open(
            string path, RunLedger ledger, KooPhoneOperation operation, StateReconciler? reconciler, KooPhoneClock clock, Action<string> log, Action<string> warn, CancellationToken cancellationToken)
        {
            var journal = ledger.KeepJournal(path, operation, clock);
            if (journal.Damage != null)
            {
                warn(journal.Damage);
            }

            var doubtful = journal.Doubtful;
            if (doubtful.Count == 0)
            {
                return new JournalResumer(journal, operation, null);
            }

            log($"The journal holds {doubtful.Count} id(s) sent without a recorded answer; reading their state.");
            var targets = doubtful.Select(e => new InstanceTarget(e.InstanceId, e.UserId)).ToList();
            var since = doubtful.Min(e => e.SubmittedAt ?? e.At);
            var outcomes = reconciler != null && reconciler.CanReconcile(operation)
                ? reconciler.ReconcileAsync(operation, targets, since, new CallCount(), cancellationToken).GetAwaiter().GetResult()
                : targets.Select(t => new ReconcileOutcome(t, StateVerdict.Unknown, $"{operation.Name} leaves no trace in the instance's state to check")).ToList();
            return new JournalResumer(journal, operation, outcomes.ToDictionary(o => RunJournal.KeyOf(o.Target.InstanceId, o.Target.UserId)));
        }

        /// <summary>Done ones are written again from the journal, doubtful ones are settled by the state read up front.</summary>
        public Resumption Decide(InstanceTarget target)
        {
            var key = RunJournal.KeyOf(target.InstanceId, target.UserId);
            if (!_journal.Last.TryGetValue(key, out var entry))
            {
                return new Resumption(ResumeKind.Send);
            }

            if (entry.Outcome == RunOutcome.Result)
            {
                return new Resumption(ResumeKind.Written, entry);
            }

            if ((entry.Outcome != RunOutcome.Sent && entry.Outcome != RunOutcome.Unknown) || _verdicts == null || !_verdicts.TryGetValue(key, out var verdict))
            {
                return new Resumption(ResumeKind.Send);
            }

            var sentAt = entry.SubmittedAt ?? entry.At;
            switch (verdict.Verdict)
            {
                case StateVerdict.Untouched:
                    return new Resumption(ResumeKind.Send, entry, verdict.Evidence, sentAt: sentAt);
                case StateVerdict.Done:
                    return new Resumption(ResumeKind.Done, entry, verdict.Evidence, new UnsettledInJournalException(_operation.Name, sentAt, "the instance's state shows it was carried out"), sentAt);
                default:
                    return new Resumption(ResumeKind.Unknown, entry, verdict.Evidence, new UnsettledInJournalException(_operation.Name, sentAt, verdict.Evidence), sentAt);
            }
        }
    }
}
