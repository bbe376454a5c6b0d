using System.Text;
using KooPhone.Client.Api;
using KooPhone.Client.Api.Wire;
using Xunit;

namespace KooPhone.Client.Tests;

public class ResponseEnvelopeTests
{
    private static ApiResponse Response(int status, string body, string? contentType = "application/json", KooPhoneOperation? operation = null) =>
        new(operation ?? KooPhoneOperation.BatchBackupInstances, status, Encoding.UTF8.GetBytes(body), contentType, "req-1");

    private static ApiResponse Listing(string body) => Response(200, body, operation: KooPhoneOperation.ListInstances);

    [Fact]
    public void Success_returns_data()
    {
        var data = ResponseEnvelope.ReadData<TaskData>(Response(200, """{"error_code":"0","error_msg":"ok","data":{"task_id":"t1","cmd_jobs":[{"instance_id":"a","job_id":"j"}]}}"""), KooPhoneJson.Options);
        Assert.Equal("t1", data.TaskId);
        Assert.Equal("j", Assert.Single(data.CmdJobs!).JobId);
    }

    [Fact]
    public void Http_200_with_an_error_code_is_an_error_with_code_status_and_request_id()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(200, """{"error_code":"KOOPHONE.API.1001","error_msg":"no permission"}"""), KooPhoneJson.Options));
        Assert.Equal("KOOPHONE.API.1001", e.ErrorCode);
        Assert.Equal("no permission", e.ErrorMessage);
        Assert.Equal(200, e.HttpStatus);
        Assert.Equal("req-1", e.RequestId);
        Assert.Equal("BatchBackupInstances", e.Operation);
        Assert.Contains("KOOPHONE.API.1001", e.Message);
        Assert.Contains("req-1", e.Message);
    }

    [Fact]
    public void ListInstances_error_code_inside_data_is_read()
    {
        var ok = ResponseEnvelope.ReadData<InstancePageData>(Listing("""{"data":{"error_code":"0","error_msg":"ok","page_no":1,"page_size":50,"total_count":1,"result":[{"instance_id":"a"}]}}"""), KooPhoneJson.Options);
        Assert.Equal(1, ok.TotalCount);

        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.ReadData<InstancePageData>(Listing("""{"data":{"error_code":"KOOPHONE.API.5004","error_msg":"end before start"}}"""), KooPhoneJson.Options));
        Assert.Equal("KOOPHONE.API.5004", e.ErrorCode);
    }

    [Fact]
    public void Error_status_with_code_zero_is_still_an_error()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(500, """{"error_code":"0"}"""), KooPhoneJson.Options));
        Assert.Equal("HTTP.500", e.ErrorCode);
    }

    [Fact]
    public void Gateway_error_takes_request_id_from_the_body_when_none_was_sent()
    {
        var response = new ApiResponse(KooPhoneOperation.ListInstances, 401, Encoding.UTF8.GetBytes("""{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information","request_id":"gw-9"}"""), "application/json", null);
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(response, KooPhoneJson.Options));
        Assert.Equal("APIGW.0301", e.ErrorCode);
        Assert.Equal("gw-9", e.RequestId);
        Assert.Equal(401, e.HttpStatus);
    }

    [Fact]
    public void Html_error_page_is_kept_as_the_message_on_one_line()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(502, "<html>\r\n<body>Bad Gateway</body>\r\n</html>", "text/html"), KooPhoneJson.Options));
        Assert.Equal("HTTP.502", e.ErrorCode);
        Assert.Equal("<html> <body>Bad Gateway</body> </html>", e.ErrorMessage);
        Assert.Contains("HTTP.502: <html> <body>Bad Gateway</body> </html> (HTTP 502, request id req-1)", e.Message);
    }

    [Theory]
    [InlineData("{\"error_code\":\"0\",\"da")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"ok\"")]
    public void Success_status_with_a_body_that_is_no_envelope_is_a_malformed_response(string body)
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(200, body), KooPhoneJson.Options));
        Assert.Equal(KooPhoneErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.Equal(200, e.HttpStatus);
    }

    [Fact]
    public void Missing_data_is_an_error_only_where_data_is_required()
    {
        var body = """{"error_code":"0","error_msg":"OK"}""";
        ResponseEnvelope.EnsureSuccess(Response(200, body, operation: KooPhoneOperation.BatchRebootInstance), KooPhoneJson.Options);
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.ReadData<TaskData>(Response(200, body), KooPhoneJson.Options));
        Assert.Contains("no 'data'", e.Message);
    }

    [Fact]
    public void Data_of_an_unexpected_shape_is_a_malformed_response_not_a_parser_exception()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.ReadData<TaskData>(Response(200, """{"error_code":"0","data":{"task_id":"t","cmd_jobs":"oops"}}"""), KooPhoneJson.Options));
        Assert.Equal(KooPhoneErrorCodes.MalformedResponse, e.ErrorCode);
    }

    [Fact]
    public void Numbers_sent_as_strings_are_accepted()
    {
        var data = ResponseEnvelope.ReadData<InstancePageData>(Listing("""{"data":{"error_code":"0","page_no":"2","page_size":"100","total_count":"250","result":[]}}"""), KooPhoneJson.Options);
        Assert.Equal(2, data.PageNo);
        Assert.Equal(250, data.TotalCount);
    }

    [Fact]
    public void Numeric_error_code_is_read_as_text()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(200, """{"error_code":1000,"error_msg":"bad"}"""), KooPhoneJson.Options));
        Assert.Equal("1000", e.ErrorCode);
    }
}
