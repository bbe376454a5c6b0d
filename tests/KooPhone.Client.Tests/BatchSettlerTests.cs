using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Connection;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

public class BatchSettlerTests
{
    private static readonly KooPhoneOperation Backup = KooPhoneOperation.BatchBackupInstances;

    private static KooPhoneConnectionException Lost() =>
        new(Backup.Name, "req-1", 1, timedOut: true, new TimeoutException(), outcomeUnknown: true);

    /// <summary>Answers each reconciliation from a fixed verdict per instance, and counts them.</summary>
    private sealed class ScriptedReconciler : IStateReconciler
    {
        private readonly Func<string, StateVerdict> _verdictOf;

        public ScriptedReconciler(Func<string, StateVerdict> verdictOf) => _verdictOf = verdictOf;

        public int Calls { get; private set; }

        public List<DateTime> SubmittedAt { get; } = new();

        public bool Reconcilable { get; init; } = true;

        public bool CanReconcile(KooPhoneOperation operation) => Reconcilable;

        public Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, CallCount calls, CancellationToken cancellationToken)
        {
            Calls++;
            SubmittedAt.Add(submittedAt);
            calls.Add(1);
            return Task.FromResult<IReadOnlyList<ReconcileOutcome>>(targets.Select(t => new ReconcileOutcome(t, _verdictOf(t.InstanceId), "seen")).ToList());
        }
    }

    private static BatchSettler<string, string> Settler(Func<IReadOnlyList<string>, Task<string>> send, IStateReconciler? reconciler, List<string>? log = null) =>
        new(Backup, (items, _) => send(items), id => new InstanceTarget(id), reconciler, m => log?.Add(m));

    [Fact]
    public async Task An_answered_batch_is_one_answered_part()
    {
        var parts = await Settler(items => Task.FromResult("ok"), null).SendAsync(new[] { "a", "b" }, CancellationToken.None);

        var part = Assert.Single(parts);
        Assert.Equal(BatchPartKind.Answered, part.Kind);
        Assert.Equal(new[] { "a", "b" }, part.Items);
        Assert.Equal("ok", part.Response);
    }

    [Fact]
    public async Task A_lost_answer_is_split_by_state_and_only_untouched_items_are_sent_again()
    {
        var sent = new List<IReadOnlyList<string>>();
        var reconciler = new ScriptedReconciler(id => id switch { "done" => StateVerdict.Done, "unknown" => StateVerdict.Unknown, _ => StateVerdict.Untouched });
        var log = new List<string>();
        var settler = Settler(items =>
        {
            sent.Add(items.ToList());
            return sent.Count == 1 ? Task.FromException<string>(Lost()) : Task.FromResult("ok");
        }, reconciler, log);

        var parts = await settler.SendAsync(new[] { "done", "untouched", "unknown" }, CancellationToken.None);

        Assert.Equal(2, sent.Count);
        Assert.Equal(new[] { "untouched" }, sent[1]);
        Assert.Equal(new[] { "done" }, parts.Single(p => p.Kind == BatchPartKind.Done).Items);
        Assert.Equal(new[] { "seen" }, parts.Single(p => p.Kind == BatchPartKind.Done).Evidence);
        Assert.Equal(new[] { "unknown" }, parts.Single(p => p.Kind == BatchPartKind.Unknown).Items);
        Assert.Equal(new[] { "untouched" }, parts.Single(p => p.Kind == BatchPartKind.Answered).Items);
        Assert.Contains("1 carried out, 1 untouched (sent again), 1 unknown", Assert.Single(log));
    }

    [Fact]
    public async Task The_reconciler_gets_the_submission_time_by_the_clock_the_settler_was_given()
    {
        // The reconciler compares this time with the instances' backup times by its own clock; a
        // submission stamped by another clock could take an old backup for this call's.
        var clock = new ManualClock(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var reconciler = new ScriptedReconciler(_ => StateVerdict.Done);
        var settler = new BatchSettler<string, string>(Backup, (_, _) => Task.FromException<string>(Lost()), id => new InstanceTarget(id), reconciler, _ => { }, new KooPhoneClock(clock));

        var parts = await settler.SendAsync(new[] { "a" }, CancellationToken.None);

        Assert.Equal(new DateTime(2030, 5, 1, 12, 0, 0, DateTimeKind.Utc), Assert.Single(reconciler.SubmittedAt));
        Assert.Equal(new DateTime(2030, 5, 1, 12, 0, 0, DateTimeKind.Utc), Assert.Single(parts).SubmittedAt);
    }

    [Fact]
    public async Task Untouched_items_are_sent_again_at_most_twice_then_fail_as_not_carried_out()
    {
        var sends = 0;
        var settler = Settler(_ => { sends++; return Task.FromException<string>(Lost()); }, new ScriptedReconciler(_ => StateVerdict.Untouched));

        var parts = await settler.SendAsync(new[] { "a" }, CancellationToken.None);

        Assert.Equal(1 + BatchSettler<string, string>.MaxResends, sends);
        var part = Assert.Single(parts);
        Assert.Equal(BatchPartKind.Failed, part.Kind);
        Assert.IsType<NotCarriedOutException>(part.Error);
    }

    [Fact]
    public async Task An_operation_without_a_state_signal_is_unknown_and_never_sent_again()
    {
        var sends = 0;
        var reconciler = new ScriptedReconciler(_ => StateVerdict.Untouched) { Reconcilable = false };
        var settler = Settler(_ => { sends++; return Task.FromException<string>(Lost()); }, reconciler);

        var parts = await settler.SendAsync(new[] { "a", "b" }, CancellationToken.None);

        Assert.Equal(1, sends);
        Assert.Equal(0, reconciler.Calls);
        Assert.Equal(BatchPartKind.Unknown, Assert.Single(parts).Kind);
    }

    [Fact]
    public async Task A_refusal_that_did_not_act_is_a_failed_part_and_is_not_reconciled()
    {
        var reconciler = new ScriptedReconciler(_ => StateVerdict.Done);
        var refused = new KooPhoneApiException(Backup.Name, "KOOPHONE.API.1001", "no permission", 400, "req-2");
        var parts = await Settler(_ => Task.FromException<string>(refused), reconciler).SendAsync(new[] { "a" }, CancellationToken.None);

        Assert.Equal(0, reconciler.Calls);
        var part = Assert.Single(parts);
        Assert.Equal(BatchPartKind.Failed, part.Kind);
        Assert.Same(refused, part.Error);
    }
}
