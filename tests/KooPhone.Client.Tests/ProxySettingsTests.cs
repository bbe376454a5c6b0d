using System.Net;
using KooPhone.Client.Connection;
using KooPhone.Client.Http;
using Xunit;

namespace KooPhone.Client.Tests;

public class ProxySettingsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Uses_no_proxy_when_none_is_given_or_set()
    {
        Assert.Null(ProxySettings.For(new KooPhoneConnectionOptions(), Environment()));
    }

    [Fact]
    public void Takes_an_explicit_proxy_with_its_credentials()
    {
        var options = new KooPhoneConnectionOptions { Proxy = new Uri("http://proxy.example.com:8080"), ProxyCredential = new NetworkCredential("u", "p") };
        var proxy = ProxySettings.For(options, Environment(("HTTPS_PROXY", "http://ignored:1")))!;
        Assert.Equal(new Uri("http://proxy.example.com:8080/"), proxy.GetProxy(new Uri("https://koophone.myhuaweicloud.com/v1")));
        Assert.Same(options.ProxyCredential, proxy.Credentials);
    }

    [Fact]
    public void Reads_HTTPS_PROXY_and_honours_NO_PROXY_as_Windows_PowerShell_would_not_by_itself()
    {
        var proxy = ProxySettings.For(new KooPhoneConnectionOptions(), Environment(("HTTPS_PROXY", "proxy.corp:3128"), ("NO_PROXY", "localhost, .internal.example.com,10.1.2.3")))!;
        Assert.Equal(new Uri("http://proxy.corp:3128/"), proxy.GetProxy(new Uri("https://koophone.myhuaweicloud.com/v1")));
        Assert.True(proxy.IsBypassed(new Uri("http://localhost:5000/")));
        Assert.True(proxy.IsBypassed(new Uri("https://api.internal.example.com/")));
        Assert.True(proxy.IsBypassed(new Uri("http://10.1.2.3/")));
        Assert.False(proxy.IsBypassed(new Uri("https://koophone.myhuaweicloud.com/")));
    }

    [Fact]
    public void Falls_back_to_lower_case_and_HTTP_PROXY()
    {
        var proxy = ProxySettings.For(new KooPhoneConnectionOptions(), Environment(("http_proxy", "http://plain:80")))!;
        Assert.Equal(new Uri("http://plain/"), proxy.GetProxy(new Uri("https://koophone.myhuaweicloud.com/")));
    }
}
