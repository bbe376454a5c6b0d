using System.Net;
using System.Text;

namespace KooPhone.Client.Tests;

/// <summary>A stand-in for the network: answers each attempt with the next scripted response.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _answer;
    private int _calls;

    public FakeHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _answer = answer;
    }

    public List<(DateTime At, Dictionary<string, string> Headers)> Attempts { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (Attempts)
        {
            Attempts.Add((DateTime.UtcNow, headers));
        }

        return await _answer(request, Interlocked.Increment(ref _calls), cancellationToken);
    }
}
