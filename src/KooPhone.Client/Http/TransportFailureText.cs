using System;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly.Timeout;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// A failed connection in a few plain words ("connection refused", "host not found"), for
    /// -Verbose lines and error messages: a user reads what happened, not which .NET exception
    /// carried it. Only the exception types and socket codes are read, never a URL or header.
    /// </summary>
    internal static class TransportFailureText
    {
        public static string Describe(Exception error)
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                switch (e)
                {
                    case AuthenticationException _:
                        return "TLS handshake failed";
                    case TimeoutRejectedException _:
                    case OperationCanceledException _:
                        return "no answer in time";
                    case SocketException socket:
                        return Describe(socket.SocketErrorCode);
                }
            }

            // No socket code below: the connection was up and ended mid-answer (the emulator's drop,
            // a proxy that hung up), which .NET reports as an IOException inside the HttpRequestException.
            return Contains<IOException>(error) ? "connection dropped before the answer was complete" : "connection failed";
        }

        private static string Describe(SocketError code)
        {
            switch (code)
            {
                case SocketError.ConnectionRefused:
                    return "connection refused";
                case SocketError.HostNotFound:
                case SocketError.TryAgain:
                case SocketError.NoData:
                    return "host not found";
                case SocketError.HostUnreachable:
                case SocketError.NetworkUnreachable:
                    return "no route to the host";
                case SocketError.AddressNotAvailable:
                    return "address not available";
                case SocketError.ConnectionReset:
                case SocketError.ConnectionAborted:
                    return "connection reset";
                case SocketError.TimedOut:
                    return "connection timed out";
                default:
                    return "connection failed";
            }
        }

        private static bool Contains<T>(Exception error)
            where T : Exception
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is T)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
