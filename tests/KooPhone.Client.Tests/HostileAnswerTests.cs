using System.Text;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>HTTP 200 answers that look like success and are not (issue 26, items 1 to 3).</summary>
public class HostileAnswerTests
{
    public static TheoryData<string> AllOperations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in KooPhoneOperation.All)
        {
            data.Add(operation.Name);
        }

        return data;
    }

    private static ApiResponse Answer(KooPhoneOperation operation, string body) =>
        new(operation, 200, Encoding.UTF8.GetBytes(body), "application/json", "req-9");

    /// <summary>The operation's success answer with its code replaced by <paramref name="code"/> (JSON members, or nothing).</summary>
    private static string WithCode(KooPhoneOperation operation, string code)
    {
        var members = string.Join(",", operation.Success.MandatoryData.Select(m => m.Kind switch
        {
            DataKind.Text => $"\"{m.Name}\":\"x\"",
            DataKind.Number => $"\"{m.Name}\":1",
            DataKind.List => $"\"{m.Name}\":[]",
            _ => $"\"{m.Name}\":{{}}",
        }));
        var separator = code.Length == 0 ? "" : ",";
        return operation.Success.CodeInsideData ? $"{{\"data\":{{{code}{separator}{members}}}}}" : $"{{{code}{separator}\"data\":{{{members}}}}}";
    }

    private static void AssertMalformed(KooPhoneOperation operation, string body)
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Answer(operation, body), KooPhoneJson.Options));
        Assert.Equal(KooPhoneErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.Equal(operation.ChangesState, e.OutcomeUnknown);
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void An_empty_or_blank_error_code_is_malformed_not_a_refusal(string name)
    {
        var operation = KooPhoneOperation.Find(name)!;
        ResponseEnvelope.EnsureSuccess(Answer(operation, WithCode(operation, "\"error_code\":\"0\"")), KooPhoneJson.Options);
        foreach (var code in new[] { "\"error_code\":\"\"", "\"error_code\":\"  \",\"error_msg\":\"failed\"", "\"error_code\":\"\",\"code\":\"0\"", "\"error_code\":null" })
        {
            AssertMalformed(operation, WithCode(operation, code));
        }
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void At_http_200_a_zero_code_under_another_name_is_malformed_not_success(string name)
    {
        var operation = KooPhoneOperation.Find(name)!;
        foreach (var code in new[] { "\"code\":\"0\",\"message\":\"ok\"", "\"errorCode\":\"0\"", "\"error\":{\"code\":\"0\"}", "\"code\":0" })
        {
            AssertMalformed(operation, WithCode(operation, code));
        }
    }

    [Fact]
    public void At_http_200_a_refusal_in_another_shape_is_malformed_and_keeps_the_body()
    {
        // The reference documents error_code for refusals at 200; another shape may come after the
        // service acted, so it is no proof the call was refused.
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Answer(KooPhoneOperation.BatchRebootInstance, """{"code":"KOOPHONE.API.5005","message":"not running"}"""), KooPhoneJson.Options));
        Assert.Equal(KooPhoneErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.True(e.OutcomeUnknown);
        Assert.Contains("KOOPHONE.API.5005", e.Message);
    }

    [Fact]
    public void An_error_status_still_reads_every_shape()
    {
        var response = new ApiResponse(KooPhoneOperation.BatchRebootInstance, 400, Encoding.UTF8.GetBytes("""{"code":"KOOPHONE.API.5005","message":"not running"}"""), "application/json", "req-9");
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(response, KooPhoneJson.Options));
        Assert.Equal("KOOPHONE.API.5005", e.ErrorCode);
        Assert.Equal("not running", e.ErrorMessage);
    }

    /// <summary>An answer naming only some of the ids, as a task names jobs.</summary>
    private sealed class Named : IPartialAnswer
    {
        private readonly HashSet<string> _ids;

        public Named(params string[] ids) => _ids = new HashSet<string>(ids);

        public bool Answers(string instanceId) => _ids.Contains(instanceId);

        public Exception LeftOut() => new KooPhoneApiException("BatchBackupInstances", KooPhoneErrorCodes.MalformedResponse, "no job", 200, "req-9", outcomeUnknown: true);
    }

    private sealed class Verdicts : IStateReconciler
    {
        private readonly Func<string, StateVerdict> _verdictOf;

        public Verdicts(Func<string, StateVerdict> verdictOf, bool reconcilable = true)
        {
            _verdictOf = verdictOf;
            Reconcilable = reconcilable;
        }

        public bool Reconcilable { get; }

        public List<string> Read { get; } = new();

        public bool CanReconcile(KooPhoneOperation operation) => Reconcilable;

        public Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, CallCount calls, CancellationToken cancellationToken)
        {
            Read.AddRange(targets.Select(t => t.InstanceId));
            return Task.FromResult<IReadOnlyList<ReconcileOutcome>>(targets.Select(t => new ReconcileOutcome(t, _verdictOf(t.InstanceId), "seen")).ToList());
        }

        public Task ReadBeforeSendingAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<ReconcileOutcome>> CheckRefusedAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> others, CallCount calls, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The answers these tests give are never refusals.");
    }

    [Fact]
    public async Task Ids_an_answer_leaves_out_are_settled_like_a_lost_answer_and_only_untouched_ones_are_sent_again()
    {
        var sent = new List<IReadOnlyList<string>>();
        var reconciler = new Verdicts(id => id == "b" ? StateVerdict.Done : id == "c" ? StateVerdict.Untouched : StateVerdict.Unknown);
        var settler = new BatchSettler<string, IPartialAnswer>(KooPhoneOperation.BatchBackupInstances, (items, _) =>
        {
            sent.Add(items.ToList());
            return Task.FromResult<IPartialAnswer>(sent.Count == 1 ? new Named("a") : new Named("c"));
        }, id => new InstanceTarget(id), reconciler, _ => { });

        var parts = await settler.SendAsync(new[] { "a", "b", "c", "d" }, CancellationToken.None);

        Assert.Equal(new[] { "b", "c", "d" }, reconciler.Read);
        Assert.Equal(new[] { "c" }, sent[1]);
        Assert.Equal(new[] { "a", "c" }, parts.Where(p => p.Kind == BatchPartKind.Answered).SelectMany(p => p.Items));
        Assert.Equal(new[] { "b" }, parts.Single(p => p.Kind == BatchPartKind.Done).Items);
        var unknown = parts.Single(p => p.Kind == BatchPartKind.Unknown);
        Assert.Equal(new[] { "d" }, unknown.Items);
        Assert.True(CallOutcome.IsUnknown(unknown.Error!));
    }

    [Fact]
    public async Task Ids_an_answer_leaves_out_are_unknown_where_the_state_cannot_tell_and_never_sent_again()
    {
        var sends = 0;
        var settler = new BatchSettler<string, IPartialAnswer>(KooPhoneOperation.BatchResetInstance, (_, _) =>
        {
            sends++;
            return Task.FromResult<IPartialAnswer>(new Named("a"));
        }, id => new InstanceTarget(id), new Verdicts(_ => StateVerdict.Untouched, reconcilable: false), _ => { });

        var parts = await settler.SendAsync(new[] { "a", "b" }, CancellationToken.None);

        Assert.Equal(1, sends);
        Assert.Equal(new[] { "a" }, parts.Single(p => p.Kind == BatchPartKind.Answered).Items);
        Assert.Equal(new[] { "b" }, parts.Single(p => p.Kind == BatchPartKind.Unknown).Items);
    }

    [Fact]
    public void A_task_names_an_instance_by_its_job()
    {
        IPartialAnswer submission = new BatchSubmission(KooPhoneOperation.BatchResetInstance, "RM_1", new Dictionary<string, string> { ["a"] = "j1" }, "req-9", DateTime.UtcNow, null);

        Assert.True(submission.Answers("a"));
        Assert.False(submission.Answers("b"));
        var e = Assert.IsType<KooPhoneApiException>(submission.LeftOut());
        Assert.True(e.OutcomeUnknown);
        Assert.Equal("BatchResetInstance", e.Operation);
        Assert.Contains("RM_1", e.Message);
        Assert.Equal("req-9", e.RequestId);
    }
}
