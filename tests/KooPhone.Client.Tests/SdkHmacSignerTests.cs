using System.Text;
using KooPhone.Client.Auth;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>The official vectors of docs/api-reference.md §8.3 and the KooPhone-shaped ones of §8.4, byte for byte.</summary>
public class SdkHmacSignerTests
{
    private const string VectorDate = "20191115T033655Z";
    private static readonly byte[] SecretKey = Encoding.UTF8.GetBytes("SecretKey");

    private static SigningRequest Request(string method, string url, string body = "", params (string Name, string Value)[] extraHeaders)
    {
        var uri = new Uri(url);
        var headers = new Dictionary<string, string> { ["Host"] = SdkHmacSigner.HostOf(uri), ["X-Sdk-Date"] = VectorDate };
        foreach (var (name, value) in extraHeaders)
        {
            headers[name] = value;
        }

        return new SigningRequest(method, uri, headers, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void Vector_1_get_with_query()
    {
        var request = Request("GET", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");

        Assert.Equal(
            "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            SdkHmacSigner.CanonicalRequest(request));
        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\n0e84e7853cf87931d965c80e83bffb15aa865326db3a6f57aa2560a7601dfe18", SdkHmacSigner.StringToSign(request, VectorDate));
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
            SdkHmacSigner.Authorization(request, "AccessKey", SecretKey, VectorDate));
    }

    [Fact]
    public void Vector_2_post_with_body()
    {
        var request = Request("POST", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "{\"key\":\"value\"}");

        Assert.EndsWith("\ne43abcf3375244839c012f9633f95862d232a95b00d5bc7348b3098b9fed7f32", SdkHmacSigner.CanonicalRequest(request));
        Assert.EndsWith("\n79be7a43859f485df125c417ebb8821754c7ed42f6742ce8b0fd74b2b303446d", SdkHmacSigner.StringToSign(request, VectorDate));
        Assert.Equal("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", SdkHmacSigner.Signature(request, SecretKey, VectorDate));
    }

    [Fact]
    public void Vector_3_explicit_host_header_and_no_path()
    {
        var uri = new Uri("https://service.region.example.com");
        var request = new SigningRequest("GET", uri, new Dictionary<string, string> { ["Host"] = "example.com", ["X-Sdk-Date"] = VectorDate }, Array.Empty<byte>());

        var canonical = SdkHmacSigner.CanonicalRequest(request);
        Assert.StartsWith("GET\n/\n\nhost:example.com\n", canonical);
        Assert.Equal("919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6", SdkHmacSigner.Signature(request, SecretKey, VectorDate));
    }

    [Fact]
    public void Vector_4_signing_guide_with_content_type_signed()
    {
        var request = Request("GET", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            "", ("Content-Type", "application/json"));
        var secret = Encoding.UTF8.GetBytes("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");

        Assert.EndsWith("\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a", SdkHmacSigner.StringToSign(request, VectorDate));
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            SdkHmacSigner.Authorization(request, "QTWAOYTTINDUT2QVKYUC", secret, VectorDate));
    }

    private const string KooPhoneDate = "20240101T000000Z";
    private const string ProjectId = "0123456789abcdef0123456789abcdef";

    private static SigningRequest KooPhoneRequest(string method, string url, string body, params (string Name, string Value)[] extraHeaders)
    {
        var uri = new Uri(url);
        var headers = new Dictionary<string, string> { ["Host"] = SdkHmacSigner.HostOf(uri), ["X-Sdk-Date"] = KooPhoneDate, ["X-Project-Id"] = ProjectId };
        foreach (var (name, value) in extraHeaders)
        {
            headers[name] = value;
        }

        return new SigningRequest(method, uri, headers, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void KooPhone_vector_K1_batch_show_instance()
    {
        var request = KooPhoneRequest("POST", "https://koophone.myhuaweicloud.com/v1/instances/batch-query-status", "{\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}",
            ("x-request-id", "8f0c2f0e-2d4e-4a53-9a39-3c5e1b6a7d11"));

        Assert.Equal(
            "POST\n/v1/instances/batch-query-status/\n\nhost:koophone.myhuaweicloud.com\nx-project-id:0123456789abcdef0123456789abcdef\nx-request-id:8f0c2f0e-2d4e-4a53-9a39-3c5e1b6a7d11\nx-sdk-date:20240101T000000Z\n\nhost;x-project-id;x-request-id;x-sdk-date\n4dbb5c7f7dd65db861253cc2b01f499f1a0a12ac4f86e72546421437b6783bb4",
            SdkHmacSigner.CanonicalRequest(request));
        Assert.EndsWith("\n4e9a47dae87a6ca7ad3e848914077fe18d95913c9ae14cc8a853ce5eaf669858", SdkHmacSigner.StringToSign(request, KooPhoneDate));
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-request-id;x-sdk-date, Signature=8d3f0c6973306a290d21aab0bf58b17c504bf6dca9e3b17bd1385089a99b82d3",
            SdkHmacSigner.Authorization(request, "AccessKey", SecretKey, KooPhoneDate));
    }

    [Fact]
    public void KooPhone_vector_K2_list_instances_sorts_the_query()
    {
        var request = KooPhoneRequest("GET", "https://koophone.myhuaweicloud.com/v1/instances/batch-query?x-request-id=req-001&page_no=1&page_size=50", "");

        Assert.Equal(
            "GET\n/v1/instances/batch-query/\npage_no=1&page_size=50&x-request-id=req-001\nhost:koophone.myhuaweicloud.com\nx-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20240101T000000Z\n\nhost;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            SdkHmacSigner.CanonicalRequest(request));
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, Signature=b7aa499deffb54ab2e132aa24dcf6d82cc704bc7f1dac4b759472b7480e38eb1",
            SdkHmacSigner.Authorization(request, "AccessKey", SecretKey, KooPhoneDate));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("~-_.", "~-_.")]
    [InlineData("é", "%C3%A9")]
    [InlineData("!'()", "%21%27%28%29")]
    public void Encodes_everything_but_the_unreserved_set(string text, string expected)
    {
        var request = Request("GET", "https://h.example.com/p?q=" + Uri.EscapeDataString(text));
        Assert.Contains("\nq=" + expected + "\n", SdkHmacSigner.CanonicalRequest(request));
    }

    [Fact]
    public void Host_keeps_a_port_that_is_not_the_default()
    {
        Assert.Equal("127.0.0.1:5080", SdkHmacSigner.HostOf(new Uri("http://127.0.0.1:5080/v1")));
        Assert.Equal("koophone.myhuaweicloud.com", SdkHmacSigner.HostOf(new Uri("https://koophone.myhuaweicloud.com:443/v1")));
    }
}
