using System.Net;
using System.Net.Sockets;
using System.Text;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;

namespace KooPhone.Client.Tests;

/// <summary>
/// A loopback HTTP server that answers each request from a script, given the path and query and
/// how many requests came before it (from 1), and keeps the path and query of every request.
/// </summary>
internal sealed class ScriptedApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, int, (int Status, string Body)> _answer;
    private int _calls;

    public ScriptedApiServer(Func<string, int, (int Status, string Body)> answer)
    {
        _answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Endpoint { get; }

    public List<string> Requests { get; } = new();

    /// <summary>The HTTP method of every request, in the order they came.</summary>
    public List<string> Methods { get; } = new();

    /// <summary>The x-request-id header of every request, in the order they came.</summary>
    public List<string?> RequestIds { get; } = new();

    /// <summary>Headers added to every answer, such as the service's own X-Request-Id.</summary>
    public Dictionary<string, string> AnswerHeaders { get; } = new();

    /// <summary>A client of this server with a static token, no retries and short limits; <paramref name="time"/> is its clock.</summary>
    public KooPhoneApiClient CreateClient(TimeProvider? time = null)
    {
        var token = new System.Security.SecureString();
        foreach (var c in "test-token")
            token.AppendChar(c);
        var options = new KooPhoneConnectionOptions { MaxRetryCount = 0, AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(10), Time = time ?? TimeProvider.System };
        return new KooPhoneApiClient(new KooPhoneContext(Endpoint, "", new TokenAuthenticator(token), KooPhoneContextSource.Connected, options));
    }

    public static string Ok(string data) => "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":" + data + "}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            var target = context.Request.Url!.PathAndQuery;
            lock (Requests)
            {
                Requests.Add(target);
                Methods.Add(context.Request.HttpMethod);
                RequestIds.Add(context.Request.Headers["x-request-id"]);
            }

            var (status, body) = _answer(target, Interlocked.Increment(ref _calls));
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            foreach (var header in AnswerHeaders)
            {
                context.Response.AddHeader(header.Key, header.Value);
            }

            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
