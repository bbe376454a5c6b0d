using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KooPhone.Client.Tests;

/// <summary>
/// A raw HTTP/1.1 server on loopback that answers the first request of each connection and then,
/// for the next one, reads it whole and closes the connection without a word: what a service
/// does when it acts and then loses its answer. It counts every request it read, by method.
/// </summary>
internal sealed class SilentCloseServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _posts;
    private int _gets;

    public SilentCloseServer()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Posts => Volatile.Read(ref _posts);

    public int Gets => Volatile.Read(ref _gets);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            for (var served = 0; ; served++)
            {
                var requestLine = await reader.ReadLineAsync();
                if (requestLine == null)
                {
                    return;
                }

                var length = 0;
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line.Substring("Content-Length:".Length).Trim());
                    }
                }

                var body = new char[length];
                var read = 0;
                while (read < length)
                {
                    read += await reader.ReadAsync(body, read, length - read);
                }

                Interlocked.Increment(ref requestLine.StartsWith("POST", StringComparison.Ordinal) ? ref _posts : ref _gets);
                if (served > 0)
                {
                    // Acted, then gone: a clean close (FIN) with no response on a reused connection.
                    client.Client.Shutdown(SocketShutdown.Both);
                    return;
                }

                var answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 18\r\n\r\n{\"error_code\":\"0\"}");
                await stream.WriteAsync(answer);
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
