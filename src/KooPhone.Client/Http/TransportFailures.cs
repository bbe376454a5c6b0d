using System;
using System.Net.Sockets;
using System.Security.Authentication;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Tells a connection that failed before the request left (refused, name not resolved, no
    /// route, TLS handshake refused) from one that failed after it may have reached the service
    /// (reset or dropped mid-answer, timed out). Only the first is safe to resend for a call that
    /// changes state.
    /// </summary>
    internal static class TransportFailures
    {
        public static bool SentNothing(Exception error)
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException)
                {
                    return true;
                }

                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.AddressNotAvailable:
                            return true;
                        default:
                            return false;
                    }
                }
            }

            return false;
        }
    }
}
