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

    /// <summary>Answers each reconciliation from a verdict per instance (and per reconciliation, counted from 1), and counts them.</summary>
    private sealed class ScriptedReconciler : IStateReconciler
    {
        private readonly Func<string, int, StateVerdict> _verdictOf;

        public ScriptedReconciler(Func<string, StateVerdict> verdictOf)
            : this((id, _) => verdictOf(id))
        {
        }

        public ScriptedReconciler(Func<string, int, StateVerdict> verdictOf) => _verdictOf = verdictOf;

        /// <summary>What happened, in order: "read a,b" before a send, "reconcile a,b" after a lost answer.</summary>
        public List<string> Events { get; } = new();

        public Exception? ReadFailure { get; init; }

        public int Calls { get; private set; }

        public List<DateTime> SubmittedAt { get; } = new();

        public bool Reconcilable { get; init; } = true;

        public bool CanReconcile(KooPhoneOperation operation) => Reconcilable;

        public Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, CallCount calls, CancellationToken cancellationToken)
        {
            Calls++;
            SubmittedAt.Add(submittedAt);
            Events.Add("reconcile " + string.Join(",", targets.Select(t => t.InstanceId)));
            calls.Add(1);
            var round = Calls;
            return Task.FromResult<IReadOnlyList<ReconcileOutcome>>(targets.Select(t => new ReconcileOutcome(t, _verdictOf(t.InstanceId, round), "seen " + round)).ToList());
        }

        public Task ReadBeforeSendingAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, CancellationToken cancellationToken)
        {
            Events.Add("read " + string.Join(",", targets.Select(t => t.InstanceId)));
            return ReadFailure == null ? Task.CompletedTask : Task.FromException(ReadFailure);
        }

        public Task<IReadOnlyList<ReconcileOutcome>> CheckRefusedAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> others, CallCount calls, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Backup is reconciled, never checked.");
    }

    private static KooPhoneApiException Refused(string code, string message) => new(Backup.Name, code, message, 200, "req-refused");

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
        Assert.Equal(new[] { "seen 1" }, parts.Single(p => p.Kind == BatchPartKind.Done).Evidence);
        Assert.Equal(new[] { "unknown" }, parts.Single(p => p.Kind == BatchPartKind.Unknown).Items);
        Assert.Equal(new[] { "untouched" }, parts.Single(p => p.Kind == BatchPartKind.Answered).Items);
        Assert.Contains("1 carried out, 1 untouched (sent again), 1 unknown", Assert.Single(log));
        Assert.Equal(new[] { "read done,untouched,unknown", "reconcile done,untouched,unknown", "read untouched" }, reconciler.Events);
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
    public async Task A_repeat_of_a_lost_call_refused_as_the_first_call_would_have_left_it_is_read_again_never_failed_with_the_refusal()
    {
        // State that shows late: the first reading shows both untouched; the second shows a's backup.
        var clock = new ManualClock(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var reconciler = new ScriptedReconciler((id, round) => round == 1 ? StateVerdict.Untouched : id == "a" ? StateVerdict.Done : StateVerdict.Untouched);
        var lost = Lost();
        var sends = 0;
        var log = new List<string>();
        var settler = new BatchSettler<string, string>(Backup, (_, _) =>
        {
            sends++;
            clock.Advance(TimeSpan.FromSeconds(20));
            return Task.FromException<string>(sends == 1 ? lost : Refused("KOOPHONE.API.2006", "instances are being backed up: a, b"));
        }, id => new InstanceTarget(id), reconciler, log.Add, new KooPhoneClock(clock));

        var parts = await settler.SendAsync(new[] { "a", "b" }, CancellationToken.None);

        Assert.Equal(2, sends);
        Assert.DoesNotContain(parts, p => p.Kind == BatchPartKind.Failed);
        var first = new DateTime(2030, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new[] { first, first }, reconciler.SubmittedAt);
        var done = parts.Single(p => p.Kind == BatchPartKind.Done);
        Assert.Equal(new[] { "a" }, done.Items);
        Assert.Equal(new[] { "seen 2" }, done.Evidence);
        Assert.Same(lost, done.Error);
        Assert.Equal(first, done.SubmittedAt);
        var unknown = parts.Single(p => p.Kind == BatchPartKind.Unknown);
        Assert.Equal(new[] { "b" }, unknown.Items);
        var error = Assert.IsType<RepeatRefusedException>(unknown.Error);
        Assert.Equal("KOOPHONE.API.2006", Assert.IsType<KooPhoneApiException>(error.InnerException).ErrorCode);
        Assert.Same(lost, error.Lost);
        Assert.Contains(log, m => m.Contains("refused for 2 item(s) (KOOPHONE.API.2006)") && m.Contains("1 carried out and 1 still unknown"));
    }

    [Fact]
    public async Task Only_the_ids_a_refused_repeat_names_are_read_again_the_others_go_again()
    {
        var reconciler = new ScriptedReconciler((id, round) => round == 1 ? StateVerdict.Untouched : StateVerdict.Done);
        var sent = new List<IReadOnlyList<string>>();
        var settler = Settler(items =>
        {
            sent.Add(items.ToList());
            return sent.Count switch
            {
                1 => Task.FromException<string>(Lost()),
                2 => Task.FromException<string>(Refused("KOOPHONE.API.5005", "not all instances are running: b")),
                _ => Task.FromResult("ok"),
            };
        }, reconciler);

        var parts = await settler.SendAsync(new[] { "a", "b", "c" }, CancellationToken.None);

        Assert.Equal(new[] { "a", "c" }, sent[2]);
        Assert.Equal(new[] { "b" }, parts.Single(p => p.Kind == BatchPartKind.Done).Items);
        Assert.Equal(new[] { "a", "c" }, parts.Single(p => p.Kind == BatchPartKind.Answered).Items);
        Assert.Equal(new[] { "reconcile a,b,c", "reconcile b" }, reconciler.Events.Where(e => e.StartsWith("reconcile", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_repeat_refused_for_the_whole_call_keeps_its_refusal()
    {
        var reconciler = new ScriptedReconciler(_ => StateVerdict.Untouched);
        var sends = 0;
        var whole = Refused("KOOPHONE.API.1000", "invalid parameter");
        var settler = Settler(_ => Task.FromException<string>(++sends == 1 ? Lost() : whole), reconciler);

        var parts = await settler.SendAsync(new[] { "a", "b" }, CancellationToken.None);

        Assert.Equal(1, reconciler.Calls);
        Assert.Same(whole, Assert.Single(parts).Error);
    }

    [Fact]
    public async Task A_failed_read_before_sending_does_not_stop_the_call()
    {
        var reconciler = new ScriptedReconciler(_ => StateVerdict.Done) { ReadFailure = new HttpRequestException("down") };
        var log = new List<string>();

        var parts = await Settler(_ => Task.FromResult("ok"), reconciler, log).SendAsync(new[] { "a" }, CancellationToken.None);

        Assert.Equal(BatchPartKind.Answered, Assert.Single(parts).Kind);
        Assert.Contains("could not be read before sending", Assert.Single(log));
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
