using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Http;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Finds the project of a region for AK/SK credentials given without a project id, as Huawei's
    /// SDKs do: IAM's GET /v3/projects?name=&lt;region&gt;, signed with the same keys (without
    /// X-Project-Id, which is what is being looked for), answered with {"projects":[{"id","name",…}]}.
    /// Exactly one project must come back; none or several is an error that says what to pass instead.
    /// </summary>
    internal sealed class ProjectLookup : IamEndpointClient
    {
        public const string Operation = "KeystoneListProjects";

        public ProjectLookup(Uri iamEndpoint, string region, HttpClient? http = null, TimeSpan? attemptTimeout = null)
            : base(Operation, iamEndpoint, http, attemptTimeout)
        {
            Region = string.IsNullOrWhiteSpace(region) ? throw new ArgumentException("The region is empty.", nameof(region)) : region;
        }

        /// <summary>The region, which is the project's name.</summary>
        public string Region { get; }

        internal Task<string> FindProjectIdAsync(AccessKeySigner signer, IRequestObserver? observer, CancellationToken cancellationToken)
        {
            var requestId = KooPhoneApiClient.NewRequestId();
            return IamCalls.WithRetriesAsync(Operation, requestId, token => AskAsync(signer, requestId, observer, token), signer.Time, AttemptTimeout, cancellationToken);
        }

        private async Task<string> AskAsync(AccessKeySigner signer, string requestId, IRequestObserver? observer, CancellationToken cancellationToken)
        {
            var uri = new Uri(Endpoint, "v3/projects?name=" + Uri.EscapeDataString(Region));
            using (var request = IamCalls.NewRequest(HttpMethod.Get, uri, requestId, observer))
            {
                // Signed on every attempt: X-Sdk-Date must be fresh.
                await signer.SignAsync(request, projectId: null).ConfigureAwait(false);
                return await SendAsync(
                    request,
                    requestId,
                    _ => $"IAM refused to list the projects named '{Region}' for access key {signer.AccessKey}.",
                    (response, bytes, status) =>
                    {
                        var traceId = IamCalls.TraceId(response);
                        return OneProject(ReadProjects(bytes, status, requestId, traceId), status, requestId, traceId);
                    },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        // traceId: IAM's X-IAM-Trace-Id, which the errors carry as Huawei's SDKs quote it.
        private string OneProject(IReadOnlyList<(string Id, string? Name)> projects, int status, string requestId, string? traceId)
        {
            if (projects.Count == 1)
            {
                return projects[0].Id;
            }

            if (projects.Count == 0)
            {
                throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.NoProjectForRegion,
                    $"IAM knows no project named '{Region}' for this access key. Check -Region, or give the project id with -ProjectId (or {Connection.KooPhoneEnvironment.ProjectId}).", status, requestId, iamTraceId: traceId);
            }

            throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.SeveralProjectsForRegion,
                $"IAM has {projects.Count} projects named '{Region}' ({string.Join(", ", projects.Select(p => p.Id))}); give the one to use with -ProjectId (or {Connection.KooPhoneEnvironment.ProjectId}).", status, requestId, iamTraceId: traceId);
        }

        private static IReadOnlyList<(string Id, string? Name)> ReadProjects(byte[] bytes, int status, string requestId, string? traceId)
        {
            try
            {
                using (var document = JsonDocument.Parse(bytes))
                {
                    var projects = document.RootElement.GetProperty("projects");
                    var found = new List<(string Id, string? Name)>();
                    foreach (var project in projects.EnumerateArray())
                    {
                        var id = ServiceErrorBody.Text(project, "id");
                        if (!string.IsNullOrWhiteSpace(id))
                        {
                            found.Add((id!, ServiceErrorBody.Text(project, "name")));
                        }
                    }

                    return found;
                }
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException)
            {
                throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.MalformedResponse, "IAM's answer has no readable 'projects' list.", status, requestId, iamTraceId: traceId);
            }
        }
    }
}
