using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Reconciling;
using Xunit;

namespace KooPhone.Client.Tests;

public class CulpritIsolationTests
{
    private static readonly KooPhoneOperation Backup = KooPhoneOperation.BatchBackupInstances;

    /// <summary>
    /// A service that refuses a whole call when it holds a culprit, with the culprit's own code,
    /// naming the culprits of that code in its message or not; it counts the calls.
    /// </summary>
    private sealed class RefusingService
    {
        private readonly Dictionary<string, string> _culprits;
        private readonly bool _names;

        public RefusingService(Dictionary<string, string> culprits, bool names)
        {
            _culprits = culprits;
            _names = names;
        }

        public int Calls { get; private set; }

        public List<string> Acted { get; } = new();

        public Task<string> SendAsync(IReadOnlyList<string> ids)
        {
            Calls++;
            var guilty = ids.Where(_culprits.ContainsKey).ToList();
            if (guilty.Count == 0)
            {
                Acted.AddRange(ids);
                return Task.FromResult("ok");
            }

            // Like a service that checks one rule after the other: the first culprit's code, with every culprit of that code.
            var code = _culprits[guilty[0]];
            var sameCode = guilty.Where(id => _culprits[id] == code);
            var message = _names ? "refused: " + string.Join(",", sameCode) : "refused";
            return Task.FromException<string>(new KooPhoneApiException(Backup.Name, code, message, 200, "req-" + Calls));
        }
    }

    /// <summary>Says it can read every operation's effect, so refused calls of Backup may be split; it is never asked to read.</summary>
    private sealed class SeeingReconciler : IStateReconciler
    {
        public bool CanReconcile(KooPhoneOperation operation) => true;

        public Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, KooPhone.Client.Waiting.CallCount calls, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A refusal is not a lost answer.");

        public Task ReadBeforeSendingAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<ReconcileOutcome>> CheckRefusedAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> others, KooPhone.Client.Waiting.CallCount calls, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Backup is reconciled, never checked.");
    }

    private static List<string> Ids(int count) => Enumerable.Range(0, count).Select(i => $"id{i:D3}").ToList();

    private static async Task<(IReadOnlyList<BatchPart<string, string>> parts, RefusingService service)> Run(List<string> ids, Dictionary<string, string> culprits, bool names, KooPhoneOperation? operation = null)
    {
        var service = new RefusingService(culprits, names);
        var settler = new BatchSettler<string, string>(operation ?? Backup, (items, _) => service.SendAsync(items), id => new InstanceTarget(id), new SeeingReconciler(), _ => { });
        return (await settler.SendAsync(ids, CancellationToken.None), service);
    }

    private static void AssertEveryIdOnceAndCulpritsAlone(IReadOnlyList<BatchPart<string, string>> parts, List<string> ids, Dictionary<string, string> culprits)
    {
        Assert.Equal(ids.OrderBy(i => i), parts.SelectMany(p => p.Items).OrderBy(i => i));
        var failed = parts.Where(p => p.Kind == BatchPartKind.Failed).SelectMany(p => p.Items.Select(id => (id, code: ((KooPhoneApiException)p.Error!).ErrorCode))).ToList();
        Assert.Equal(culprits.Keys.OrderBy(i => i), failed.Select(f => f.id).OrderBy(i => i));
        Assert.All(failed, f => Assert.Equal(culprits[f.id], f.code));
        Assert.All(parts.Where(p => p.Kind != BatchPartKind.Failed), p => Assert.Equal(BatchPartKind.Answered, p.Kind));
    }

    [Fact]
    public async Task Named_culprits_cost_one_more_call_and_keep_their_own_code()
    {
        var ids = Ids(100);
        var culprits = new Dictionary<string, string> { ["id017"] = "KOOPHONE.API.2006" };

        var (parts, service) = await Run(ids, culprits, names: true);

        AssertEveryIdOnceAndCulpritsAlone(parts, ids, culprits);
        Assert.Equal(2, service.Calls);
        Assert.Equal(99, service.Acted.Count);
    }

    [Fact]
    public async Task Culprits_of_two_codes_each_end_with_their_own_code_in_at_most_two_more_calls()
    {
        var ids = Ids(100);
        var culprits = new Dictionary<string, string> { ["id003"] = "KOOPHONE.API.1001", ["id090"] = "KOOPHONE.API.2006" };

        var (parts, service) = await Run(ids, culprits, names: true);

        AssertEveryIdOnceAndCulpritsAlone(parts, ids, culprits);
        Assert.Equal(3, service.Calls);
    }

    [Fact]
    public async Task Without_names_bisection_finds_one_culprit_anywhere_in_100_in_at_most_8_more_calls()
    {
        var ids = Ids(100);
        foreach (var position in Enumerable.Range(0, 100))
        {
            var culprits = new Dictionary<string, string> { [ids[position]] = "KOOPHONE.API.1001" };

            var (parts, service) = await Run(ids, culprits, names: false);

            AssertEveryIdOnceAndCulpritsAlone(parts, ids, culprits);
            Assert.True(service.Calls - 1 <= 8, $"culprit at {position}: {service.Calls - 1} extra calls");
            Assert.Equal(99, service.Acted.Count);
        }
    }

    [Fact]
    public async Task Without_names_bisection_also_finds_several_culprits()
    {
        var ids = Ids(100);
        var culprits = new Dictionary<string, string> { ["id000"] = "KOOPHONE.API.1001", ["id051"] = "KOOPHONE.API.2006", ["id099"] = "KOOPHONE.API.5005" };

        var (parts, service) = await Run(ids, culprits, names: false);

        AssertEveryIdOnceAndCulpritsAlone(parts, ids, culprits);
        Assert.Equal(97, service.Acted.Count);
        Assert.True(service.Calls - 1 <= 24, $"{service.Calls - 1} extra calls");
    }

    [Fact]
    public async Task A_message_naming_too_few_falls_back_to_bisection_for_the_rest()
    {
        var ids = Ids(40);
        var culprits = new Dictionary<string, string> { ["id005"] = "KOOPHONE.API.2006", ["id030"] = "KOOPHONE.API.2006" };
        var service = new RefusingService(culprits, names: false);
        var first = true;
        var settler = new BatchSettler<string, string>(Backup, (items, _) =>
        {
            // The first answer names only one of the two culprits.
            if (first)
            {
                first = false;
                service.SendAsync(items);
                return Task.FromException<string>(new KooPhoneApiException(Backup.Name, "KOOPHONE.API.2006", "being backed up: id005", 200, "req"));
            }

            return service.SendAsync(items);
        }, id => new InstanceTarget(id), new SeeingReconciler(), _ => { });

        var parts = await settler.SendAsync(ids, CancellationToken.None);

        AssertEveryIdOnceAndCulpritsAlone(parts, ids, culprits);
    }

    [Theory]
    [InlineData("KOOPHONE.API.1000")]
    [InlineData("KOOPHONE.API.1002")]
    [InlineData("KPAPI.2209")]
    [InlineData("KOOPHONE.API.9999")]
    public async Task Codes_about_the_whole_call_are_never_split(string code)
    {
        var ids = Ids(50);
        var (parts, service) = await Run(ids, new Dictionary<string, string> { ["id007"] = code }, names: true);

        Assert.Equal(1, service.Calls);
        var part = Assert.Single(parts);
        Assert.Equal(BatchPartKind.Failed, part.Kind);
        Assert.Equal(50, part.Items.Count);
    }

    [Fact]
    public async Task The_others_of_a_refused_reboot_that_its_state_shows_untouched_go_again_without_the_named_culprits()
    {
        var ids = Ids(30);
        var culprits = new Dictionary<string, string> { ["id004"] = "KOOPHONE.API.5005", ["id020"] = "KOOPHONE.API.1001" };
        var service = new RefusingService(culprits, names: true);
        var reconciler = new StateReconcilerStandIn(_ => StateVerdict.Untouched);
        var settler = new BatchSettler<string, string>(KooPhoneOperation.BatchRebootInstance, (items, _) => service.SendAsync(items), id => new InstanceTarget(id), reconciler, _ => { });

        var parts = await settler.SendAsync(ids, CancellationToken.None);

        Assert.Equal(3, service.Calls);
        Assert.Equal(28, service.Acted.Count);
        Assert.Equal(new[] { 29, 28 }, reconciler.Checked.Select(c => c.Count));
        Assert.DoesNotContain(parts, p => p.Kind == BatchPartKind.Unknown);
        Assert.Equal(new[] { "id004", "id020" }, parts.Where(p => p.Kind == BatchPartKind.Failed).SelectMany(p => p.Items).OrderBy(i => i));
    }

    [Fact]
    public async Task The_others_of_a_refused_reset_that_its_state_cannot_clear_are_unknown_and_never_sent_again()
    {
        var ids = Ids(30);
        var culprits = new Dictionary<string, string> { ["id004"] = "KOOPHONE.API.2006" };
        var service = new RefusingService(culprits, names: true);
        // As after a refused call the service carried out on its healthy ids: they are Starting.
        var reconciler = new StateReconcilerStandIn(id => id == "id010" ? StateVerdict.Untouched : StateVerdict.Unknown);
        var settler = new BatchSettler<string, string>(KooPhoneOperation.BatchResetInstance, (items, _) => service.SendAsync(items), id => new InstanceTarget(id), reconciler, _ => { });

        var parts = await settler.SendAsync(ids, CancellationToken.None);

        Assert.Equal(2, service.Calls);
        Assert.Equal(new[] { "id010" }, service.Acted);
        Assert.Equal(new[] { "id004" }, parts.Single(p => p.Kind == BatchPartKind.Failed).Items);
        var unknown = parts.Single(p => p.Kind == BatchPartKind.Unknown);
        Assert.Equal(28, unknown.Items.Count);
        var error = Assert.IsType<RefusedWithOthersException>(unknown.Error);
        Assert.Equal("seen", error.Evidence);
        Assert.Contains("Whether the refused call reached this instance cannot be told (seen)", error.Message);
    }

    [Fact]
    public async Task Without_named_culprits_the_others_of_a_refused_reboot_are_unknown_and_never_sent_again()
    {
        var ids = Ids(30);
        var service = new RefusingService(new Dictionary<string, string> { ["id004"] = "KOOPHONE.API.5005" }, names: false);
        var reconciler = new StateReconcilerStandIn(_ => StateVerdict.Untouched);
        var settler = new BatchSettler<string, string>(KooPhoneOperation.BatchRebootInstance, (items, _) => service.SendAsync(items), id => new InstanceTarget(id), reconciler, _ => { });

        var parts = await settler.SendAsync(ids, CancellationToken.None);

        Assert.Equal(1, service.Calls);
        Assert.Empty(reconciler.Checked);
        var unknown = Assert.Single(parts);
        Assert.Equal(BatchPartKind.Unknown, unknown.Kind);
        Assert.IsType<RefusedWithOthersException>(unknown.Error);
    }

    [Fact]
    public async Task When_the_state_of_the_others_cannot_be_read_they_are_unknown_and_never_sent_again()
    {
        var ids = Ids(30);
        var service = new RefusingService(new Dictionary<string, string> { ["id004"] = "KOOPHONE.API.5005" }, names: true);
        var reconciler = new StateReconcilerStandIn(_ => throw new HttpRequestException("down"));
        var settler = new BatchSettler<string, string>(KooPhoneOperation.BatchRebootInstance, (items, _) => service.SendAsync(items), id => new InstanceTarget(id), reconciler, _ => { });

        var parts = await settler.SendAsync(ids, CancellationToken.None);

        Assert.Equal(1, service.Calls);
        Assert.Equal(29, parts.Single(p => p.Kind == BatchPartKind.Unknown).Items.Count);
    }

    /// <summary>Like the real reconciler: it cannot see a reboot, and answers the check on the others of a refused call from a script.</summary>
    private sealed class StateReconcilerStandIn : IStateReconciler
    {
        private readonly Func<string, StateVerdict> _checkOf;

        public StateReconcilerStandIn(Func<string, StateVerdict> checkOf) => _checkOf = checkOf;

        public List<IReadOnlyList<InstanceTarget>> Checked { get; } = new();

        public bool CanReconcile(KooPhoneOperation operation) => operation.StateSignal == StateSignal.BackupStatus;

        public Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, KooPhone.Client.Waiting.CallCount calls, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Not expected.");

        public Task ReadBeforeSendingAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<ReconcileOutcome>> CheckRefusedAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> others, KooPhone.Client.Waiting.CallCount calls, CancellationToken cancellationToken)
        {
            Checked.Add(others);
            return Task.FromResult<IReadOnlyList<ReconcileOutcome>>(others.Select(t => new ReconcileOutcome(t, _checkOf(t.InstanceId), "seen")).ToList());
        }
    }
}
