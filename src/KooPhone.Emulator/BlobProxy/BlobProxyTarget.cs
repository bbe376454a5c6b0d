using System;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.BlobProxy;

/// <summary>
/// Where --blob-proxy forwards to: a blob endpoint with its account in the path, such as
/// Azurite's http://127.0.0.1:10000/devstoreaccount1. The emulator serves the same path
/// (<see cref="Prefix"/>), so its endpoint differs from Azurite's only in host and port: a blob
/// URL, its SAS and a Shared Key signature (which signs /account/path, never the host) are the
/// same through the proxy as without it.
/// </summary>
public sealed class BlobProxyTarget
{
    private BlobProxyTarget(Uri authority, PathString prefix)
    {
        Authority = authority;
        Prefix = prefix;
    }

    /// <summary>Scheme, host and port of the blob service.</summary>
    public Uri Authority { get; }

    /// <summary>The path forwarded, e.g. /devstoreaccount1: every request under it.</summary>
    public PathString Prefix { get; }

    /// <summary>True when a request to <paramref name="path"/> is forwarded.</summary>
    public bool Forwards(PathString path) => path.StartsWithSegments(Prefix);

    /// <summary>Parses the option's value, or answers why it cannot be used.</summary>
    public static string? TryParse(string value, out BlobProxyTarget? target)
    {
        target = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"option '--blob-proxy' needs an http(s) URL without query, got '{value}'";
        }

        string path = uri.AbsolutePath.TrimEnd('/');
        var prefix = new PathString(path);
        if (path.Length == 0 || prefix.StartsWithSegments("/v1") || prefix.StartsWithSegments("/v3") || prefix.StartsWithSegments("/_emulator"))
        {
            return $"option '--blob-proxy' needs a URL whose path names the account (e.g. http://127.0.0.1:10000/devstoreaccount1) and is not under /v1, /v3 or /_emulator, got '{value}'";
        }

        target = new BlobProxyTarget(new Uri(uri.GetLeftPart(UriPartial.Authority)), prefix);
        return null;
    }
}
