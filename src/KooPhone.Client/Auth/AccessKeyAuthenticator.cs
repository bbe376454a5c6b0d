using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Http;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Signs every attempt with the access key and secret key (AccessKeySigner), so a retry carries
    /// a new signature, and sends the project as X-Project-Id, as the SDK always does. Without a
    /// project id the project is looked up once from the region through IAM (ProjectLookup), the
    /// first time it is needed, and kept for the life of the context; a failed lookup is not kept,
    /// so the next call asks again.
    /// </summary>
    internal sealed class AccessKeyAuthenticator : IRequestAuthenticator
    {
        private readonly AccessKeySigner _signer;
        private readonly ProjectLookup? _lookup;
        private readonly SemaphoreSlim _lookupGate = new SemaphoreSlim(1, 1);
        private string? _projectId;

        public AccessKeyAuthenticator(string accessKey, SecureString secretKey, string? projectId, SecureString? securityToken = null, ProjectLookup? projectLookup = null)
            : this(accessKey, secretKey, projectId, TimeProvider.System, securityToken, projectLookup)
        {
        }

        // The clock is for tests to move. It stays out of the public constructor: the cmdlet assembly
        // loads outside the engine's private load context, where TimeProvider's assembly is not found.
        internal AccessKeyAuthenticator(string accessKey, SecureString secretKey, string? projectId, TimeProvider time, SecureString? securityToken = null, ProjectLookup? projectLookup = null)
        {
            if (string.IsNullOrWhiteSpace(projectId) && projectLookup == null)
            {
                // [UNCONFIRMED] whether KooPhone needs X-Project-Id with AK/SK; the SDK always sends it (docs/authentication.md).
                throw new ArgumentException("AK/SK signing needs the project id (X-Project-Id), or an IAM endpoint to look it up from the region.", nameof(projectId));
            }

            _signer = new AccessKeySigner(accessKey, secretKey, securityToken, time);
            _projectId = string.IsNullOrWhiteSpace(projectId) ? null : projectId!.Trim();
            _lookup = _projectId == null ? projectLookup : null;
        }

        public AuthenticationMode Mode => AuthenticationMode.AccessKey;

        /// <summary>The project: as given, or as IAM named it once looked up; null before the lookup.</summary>
        public string? ProjectId => Volatile.Read(ref _projectId);

        /// <summary>The access key id is not a secret; it is shown so users can tell contexts apart.</summary>
        public string? Account => _signer.AccessKey;

        public async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var projectId = await ResolveProjectAsync(RequestProperties.GetObserver(request), cancellationToken).ConfigureAwait(false);
            await _signer.SignAsync(request, projectId).ConfigureAwait(false);
        }

        /// <summary>
        /// The project id, looked up through IAM on first use when none was given. Connect-KooPhone
        /// calls it first, so a region without a project fails there, with IAM's answer.
        /// </summary>
        public async Task<string> ResolveProjectAsync(IRequestObserver? observer, CancellationToken cancellationToken)
        {
            var known = ProjectId;
            if (known != null)
            {
                return known;
            }

            await _lookupGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another call may have looked it up while this one waited.
                if (_projectId != null)
                {
                    return _projectId;
                }

                var found = await _lookup!.FindProjectIdAsync(_signer, observer, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _projectId, found);
                // The project id is not a secret; saying where it came from spares a user the guess.
                observer?.OnAttemptCompleted(RequestTrace.ForNote(
                    $"Project {found} is the project named '{_lookup.Region}', looked up through IAM at {_lookup.Endpoint}; this connection keeps it."));
                return found;
            }
            finally
            {
                _lookupGate.Release();
            }
        }

        public void Dispose()
        {
            _signer.Dispose();
            _lookupGate.Dispose();
        }
    }
}
