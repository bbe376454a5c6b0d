using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// The <c>missingjobs</c> fault: a task operation answers success without the job of every second
/// instance it was sent (the 2nd, 4th, … of the request's list). In the <c>before</c> phase those
/// instances are taken out of the request first, so the service never acts on them, as a service
/// that drops part of a batch would; in the <c>after</c> phase every instance is carried out and
/// only the answer leaves their jobs out. The request log shows the instances the client sent.
/// </summary>
public sealed class MissingJobsRunner
{
    /// <summary>The paths of the operations that answer with a task (data.cmd_jobs), the only ones the fault may name.</summary>
    public static readonly IReadOnlyList<string> TaskPaths = new[]
    {
        "/v1/instances/backup", "/v1/instances/batch-reset", "/v1/instances/unassign", "/v1/instances/async-command", "/v1/instances/app/install",
    };

    // The list members of the task operations' bodies: instance_ids, instance_id_list (InstallApp), user_instances (unassign).
    private static readonly string[] ListFields = { "instance_ids", "instance_id_list", "user_instances" };

    private readonly IHostApplicationLifetime lifetime;

    /// <summary>Creates the runner.</summary>
    public MissingJobsRunner(IHostApplicationLifetime lifetime)
    {
        this.lifetime = lifetime;
    }

    /// <summary>Whether <paramref name="path"/> is one of <see cref="TaskPaths"/> (ignoring case and a trailing slash).</summary>
    public static bool IsTaskPath(string path)
    {
        foreach (string taskPath in TaskPaths)
        {
            if (string.Equals(path.TrimEnd('/'), taskPath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Carries the request out as <paramref name="decision"/>'s missingjobs rule says, after its after-phase delay.</summary>
    public async Task RunAsync(HttpContext httpContext, RequestDelegate next, FaultDecision decision)
    {
        ApiRequestContext request = ApiRequestContext.For(httpContext);
        bool before = decision.Rule!.Phase == FaultPhase.Before;
        IReadOnlyList<string?>? sent = before ? await LeaveOutOfRequestAsync(httpContext).ConfigureAwait(false) : null;

        byte[] answer = await HeldAnswer.CarryOutAsync(httpContext, next).ConfigureAwait(false);
        if (sent is not null)
        {
            request.InstanceIds = sent;
        }

        if (!await HeldAnswer.DelayAsync(httpContext, decision.AfterDelayMs, lifetime).ConfigureAwait(false))
        {
            return;
        }

        // Before: the answer already has no job for the instances left out of the request.
        byte[] body = before ? answer : LeaveOutOfAnswer(answer);
        HttpResponse response = httpContext.Response;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, 0, body.Length, httpContext.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>The answer without every second entry of data.cmd_jobs (or data.data.cmd_jobs); any other answer as it was.</summary>
    public static byte[] LeaveOutOfAnswer(byte[] body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        JsonNode? data = root?["data"];
        JsonArray? jobs = data?["cmd_jobs"] as JsonArray ?? data?["data"]?["cmd_jobs"] as JsonArray;
        if (jobs is null)
        {
            return body;
        }

        RemoveEverySecond(jobs);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    // Takes every second entry out of the request's list of instances; returns the list as sent, or null when the body has none.
    private static async Task<IReadOnlyList<string?>?> LeaveOutOfRequestAsync(HttpContext httpContext)
    {
        using var buffer = new MemoryStream();
        await httpContext.Request.Body.CopyToAsync(buffer, httpContext.RequestAborted).ConfigureAwait(false);
        byte[] bytes = buffer.ToArray();
        IReadOnlyList<string?>? sent = null;
        try
        {
            using (JsonDocument document = JsonDocument.Parse(bytes))
            {
                sent = RequestInstanceIds.Extract(document.RootElement);
            }

            JsonNode? root = JsonNode.Parse(bytes);
            foreach (string field in ListFields)
            {
                if (root?[field] is JsonArray list)
                {
                    RemoveEverySecond(list);
                    bytes = JsonSerializer.SerializeToUtf8Bytes(root);
                    break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not a JSON object: the operation refuses it as it would without the fault.
        }

        httpContext.Request.Body = new MemoryStream(bytes);
        httpContext.Request.ContentLength = bytes.Length;
        return sent;
    }

    private static void RemoveEverySecond(JsonArray list)
    {
        for (int i = list.Count - 1; i >= 1; i--)
        {
            if (i % 2 == 1)
            {
                list.RemoveAt(i);
            }
        }
    }
}
