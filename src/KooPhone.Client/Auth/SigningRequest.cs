using System;
using System.Collections.Generic;

namespace KooPhone.Client.Auth
{
    /// <summary>What the signer needs of a request: nothing more, so it is testable without HTTP.</summary>
    internal sealed class SigningRequest
    {
        public SigningRequest(string method, Uri uri, IReadOnlyDictionary<string, string> signedHeaders, byte[] body)
        {
            Method = method;
            Uri = uri;
            SignedHeaders = signedHeaders;
            Body = body;
        }

        public string Method { get; }

        public Uri Uri { get; }

        /// <summary>Every header to sign, including host and x-sdk-date; names in any case.</summary>
        public IReadOnlyDictionary<string, string> SignedHeaders { get; }

        /// <summary>The exact bytes sent.</summary>
        public byte[] Body { get; }
    }
}
