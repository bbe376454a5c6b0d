using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.BlobProxy;

/// <summary>
/// Forwards a request under <see cref="BlobProxyTarget.Prefix"/> to the blob service (Azurite
/// in the tests), unless a <see cref="BlobFaultSet"/> rule strikes it: then the connection is
/// aborted before forwarding (before), after the service carried the request out (lost), or
/// the service's answer is replaced by a server error (status). Azurite alone either answers or
/// does not; this shows a client the write it made whose answer never came back. Whole bodies,
/// no streaming: journal blocks are small. Every request is logged (<see cref="BlobProxyLog"/>).
/// </summary>
public sealed class BlobProxyForwarder
{
    // Hop-by-hop headers belong to one connection; Host and Content-Length are the forwarded request's own.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Upgrade", "Proxy-Connection", "Expect", "Content-Length",
    };

    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    });

    private readonly BlobProxyTarget target;
    private readonly BlobFaultSet faults;
    private readonly BlobProxyLog log;

    /// <summary>Forwards to <paramref name="target"/> under <paramref name="faults"/>, logging to <paramref name="log"/>.</summary>
    public BlobProxyForwarder(BlobProxyTarget target, BlobFaultSet faults, BlobProxyLog log)
    {
        this.target = target;
        this.faults = faults;
        this.log = log;
    }

    /// <summary>Handles one request end to end.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, CancellationToken.None).ConfigureAwait(false);
        byte[] body = buffer.ToArray();
        string query = request.QueryString.Value ?? "";
        BlobFaultRule? fault = faults.Strike(request.Method, query);
        var entry = new BlobProxyLogEntry
        {
            Method = request.Method,
            Path = request.Path.Value ?? "",
            Query = BlobProxyLog.Redact(query),
            ClientRequestId = Header(request, "x-ms-client-request-id"),
            LeaseAction = Header(request, "x-ms-lease-action"),
            BodyLength = body.Length,
            BodySha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            Fault = fault?.KindName,
        };

        try
        {
            if (fault?.Kind == BlobFaultKind.Before)
            {
                context.Abort();
                return;
            }

            // The request is carried out even if its client has gone: the service would not know.
            using HttpResponseMessage? answer = await ForwardAsync(context, body).ConfigureAwait(false);
            entry.UpstreamStatus = answer is null ? 0 : (int)answer.StatusCode;
            switch (fault?.Kind)
            {
                case BlobFaultKind.Lost:
                    context.Abort();
                    return;
                case BlobFaultKind.Status:
                    await ServerErrorAsync(context.Response, fault.Status!.Value).ConfigureAwait(false);
                    break;
                default:
                    await CopyAsync(answer, context.Response).ConfigureAwait(false);
                    break;
            }

            entry.Status = context.Response.StatusCode;
        }
        finally
        {
            log.Append(entry);
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out StringValues value) ? value.ToString() : null;

    // The service's answer, or null when it could not be reached.
    private async Task<HttpResponseMessage?> ForwardAsync(HttpContext context, byte[] body)
    {
        HttpRequest request = context.Request;

        // The request target as the client sent it, so nothing in the blob's name or the SAS is re-escaped.
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target.Authority, rawTarget));
        if (body.Length > 0 || request.ContentLength is not null || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (KeyValuePair<string, StringValues> header in request.Headers)
        {
            if (!NotForwarded.Contains(header.Key) && !message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        try
        {
            HttpResponseMessage answer = await Client.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
            await answer.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            return answer;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task CopyAsync(HttpResponseMessage? answer, HttpResponse response)
    {
        if (answer is null)
        {
            response.StatusCode = StatusCodes.Status502BadGateway;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("The blob proxy could not reach the blob service.").ConfigureAwait(false);
            return;
        }

        response.StatusCode = (int)answer.StatusCode;
        foreach (KeyValuePair<string, IEnumerable<string>> header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!NotForwarded.Contains(header.Key) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[header.Key] = new StringValues(header.Value.ToArray());
            }
        }

        byte[] content = await answer.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (content.Length > 0)
        {
            await response.Body.WriteAsync(content).ConfigureAwait(false);
        }
    }

    // What Azure Blob Storage answers when it fails: its error codes and XML shape.
    private static async Task ServerErrorAsync(HttpResponse response, int status)
    {
        (string code, string message) = status == StatusCodes.Status503ServiceUnavailable
            ? ("ServerBusy", "The server is currently unable to receive requests. Please retry your request.")
            : ("InternalError", "The server encountered an internal error. Please retry the request.");
        response.StatusCode = status;
        response.ContentType = "application/xml";
        response.Headers["x-ms-error-code"] = code;
        await response.WriteAsync($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>", Encoding.UTF8)
            .ConfigureAwait(false);
    }
}
