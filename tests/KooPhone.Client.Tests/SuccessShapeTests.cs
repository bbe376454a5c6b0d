using System.Text;
using System.Text.Json.Nodes;
using KooPhone.Client.Api;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>Every operation's success shape, read through the envelope reader as the client reads it.</summary>
public class SuccessShapeTests
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

    public static TheoryData<string> DataOperations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in KooPhoneOperation.All.Where(o => o.Success.RequiresData))
        {
            data.Add(operation.Name);
        }

        return data;
    }

    public static TheoryData<string> CodeOnlyOperations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in KooPhoneOperation.All.Where(o => !o.Success.RequiresData))
        {
            data.Add(operation.Name);
        }

        return data;
    }

    public static TheoryData<string, string> MandatoryMembers()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in KooPhoneOperation.All)
        {
            foreach (var member in operation.Success.MandatoryData)
            {
                data.Add(operation.Name, member.Name);
            }
        }

        return data;
    }

    private static KooPhoneOperation Op(string name) => KooPhoneOperation.Find(name)!;

    private static ApiResponse Answer(KooPhoneOperation operation, string body, int status = 200) =>
        new(operation, status, Encoding.UTF8.GetBytes(body), "application/json", "req-7");

    private static JsonValue ValidValue(DataKind kind) => kind switch
    {
        DataKind.Text => JsonValue.Create("x")!,
        DataKind.Number => JsonValue.Create(1)!,
        _ => null!,
    };

    private static JsonNode ValidMember(DataKind kind) => kind switch
    {
        DataKind.List => new JsonArray(),
        DataKind.Record => new JsonObject(),
        _ => ValidValue(kind),
    };

    private static JsonNode WrongMember(DataKind kind) => kind switch
    {
        DataKind.Text => JsonValue.Create(42)!,
        DataKind.Number => JsonValue.Create("many")!,
        DataKind.List => JsonValue.Create("a,b")!,
        _ => new JsonArray(),
    };

    /// <summary>A success answer that carries exactly the operation's mandatory data, with its code where the operation keeps it.</summary>
    private static JsonObject ValidAnswer(KooPhoneOperation operation)
    {
        var data = new JsonObject();
        foreach (var member in operation.Success.MandatoryData)
        {
            data[member.Name] = ValidMember(member.Kind);
        }

        if (operation.Success.CodeInsideData)
        {
            data["error_code"] = "0";
            return new JsonObject { ["data"] = data };
        }

        var answer = new JsonObject { ["error_code"] = "0", ["error_msg"] = "ok" };
        if (operation.Success.RequiresData)
        {
            answer["data"] = data;
        }

        return answer;
    }

    private static KooPhoneApiException Malformed(KooPhoneOperation operation, string body)
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Answer(operation, body), KooPhoneJson.Options));
        Assert.Equal(KooPhoneErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.Equal(operation.Name, e.Operation);
        Assert.Equal(200, e.HttpStatus);
        Assert.Equal("req-7", e.RequestId);
        Assert.Equal(operation.ChangesState, e.OutcomeUnknown);
        return e;
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void An_answer_with_its_mandatory_data_is_success(string name)
    {
        ResponseEnvelope.EnsureSuccess(Answer(Op(name), ValidAnswer(Op(name)).ToJsonString()), KooPhoneJson.Options);
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void An_answer_without_error_code_is_malformed(string name)
    {
        var answer = ValidAnswer(Op(name));
        answer.Remove("error_code");
        (answer["data"] as JsonObject)?.Remove("error_code");
        Malformed(Op(name), answer.ToJsonString());
        Malformed(Op(name), "{}");
    }

    [Theory]
    [InlineData("""{"error_code":"0","error_msg":"OK"}""")]
    [InlineData("""{"error_code":"0","error_msg":"OK","data":null}""")]
    [InlineData("""{"error_code":"0","error_msg":"OK","data":{}}""")]
    [InlineData("""{"error_code":"0","error_msg":"OK","data":"done"}""")]
    [InlineData("""{"error_code":"0","error_msg":"OK","data":[]}""")]
    public void Data_missing_empty_or_not_an_object_is_malformed_where_data_is_mandatory(string body)
    {
        foreach (var operation in KooPhoneOperation.All.Where(o => o.Success.RequiresData && !o.Success.CodeInsideData))
        {
            Malformed(operation, body);
        }
    }

    [Theory]
    [InlineData("""{"data":{"error_code":"0"}}""")]
    [InlineData("""{"data":null,"error_code":"0"}""")]
    [InlineData("""{"error_code":"0","data":{"result":"none"}}""")]
    public void A_listing_without_its_result_is_malformed(string body)
    {
        Malformed(KooPhoneOperation.ListInstances, body);
    }

    [Theory]
    [MemberData(nameof(MandatoryMembers))]
    public void A_mandatory_member_missing_null_or_of_the_wrong_kind_is_malformed(string name, string member)
    {
        var operation = Op(name);
        var kind = operation.Success.MandatoryData.Single(m => m.Name == member).Kind;
        foreach (var replacement in new JsonNode?[] { null, WrongMember(kind) })
        {
            var answer = ValidAnswer(operation);
            var data = (JsonObject)answer["data"]!;
            data[member] = replacement;
            var e = Malformed(operation, answer.ToJsonString());
            Assert.Contains(member, e.Message);

            data.Remove(member);
            Malformed(operation, answer.ToJsonString());
        }
    }

    [Theory]
    [MemberData(nameof(CodeOnlyOperations))]
    public void Code_zero_alone_is_success_where_the_operation_answers_without_data(string name)
    {
        foreach (var body in new[]
        {
            """{"error_code":"0","error_msg":"OK"}""",
            """{"data":null,"error_code":"0","error_msg":"OK"}""",
            """{"error_code":"0","data":{}}""",
        })
        {
            ResponseEnvelope.EnsureSuccess(Answer(Op(name), body), KooPhoneJson.Options);
        }
    }

    [Fact]
    public void A_task_id_that_is_empty_is_malformed()
    {
        Malformed(KooPhoneOperation.BatchResetInstance, """{"error_code":"0","data":{"task_id":"","cmd_jobs":[]}}""");
    }

    [Fact]
    public void Install_app_accepts_the_task_nested_once_more_as_older_releases_send_it()
    {
        var body = """{"error_code":"0","data":{"data":{"task_id":"ZGCA1","cmd_jobs":[{"instance_id":"a","job_id":"j"}]}}}""";
        ResponseEnvelope.EnsureSuccess(Answer(KooPhoneOperation.InstallApp, body), KooPhoneJson.Options);
        Malformed(KooPhoneOperation.BatchBackupInstances, body);
        Malformed(KooPhoneOperation.InstallApp, """{"error_code":"0","data":{"data":{"cmd_jobs":[]}}}""");
    }

    [Fact]
    public void Only_list_instances_reads_its_code_inside_data()
    {
        Malformed(KooPhoneOperation.BatchShowInstance, """{"data":{"error_code":"0","status_results":[]}}""");
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Answer(KooPhoneOperation.ListInstances, """{"data":{"error_code":"KOOPHONE.API.1004","result":[]}}"""), KooPhoneJson.Options));
        Assert.Equal("KOOPHONE.API.1004", e.ErrorCode);
    }

    [Theory]
    [InlineData(200, "KOOPHONE.API.9999", true)]
    [InlineData(500, "KOOPHONE.API.9999", true)]
    [InlineData(502, null, true)]
    [InlineData(504, "APIGW.0201", true)]
    [InlineData(200, "KOOPHONE.API.1001", false)]
    [InlineData(400, "KOOPHONE.API.1000", false)]
    [InlineData(429, "APIGW.0308", false)]
    public void Failures_that_may_come_after_the_service_acted_leave_a_change_unknown_and_a_read_just_failed(int status, string? code, bool ambiguous)
    {
        var body = code == null ? "{}" : $$"""{"error_code":"{{code}}","error_msg":"x"}""";
        var change = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Answer(KooPhoneOperation.BatchBackupInstances, body, status), KooPhoneJson.Options));
        var read = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Answer(KooPhoneOperation.BatchShowInstance, body, status), KooPhoneJson.Options));
        Assert.Equal(ambiguous, change.OutcomeUnknown);
        Assert.False(read.OutcomeUnknown);
        Assert.Equal(ambiguous, change.Message.Contains("may have acted"));
    }
}
