using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.Auth;
using KooPhone.Emulator.BlobProxy;
using KooPhone.Emulator.Faults;
using KooPhone.Emulator.Iam;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace KooPhone.Emulator.Hosting;

/// <summary>Builds the web application, starts it, announces the address and runs until shutdown.</summary>
public static class EmulatorApp
{
    /// <summary>Runs the emulator; returns the process exit code.</summary>
    public static async Task<int> RunAsync(EmulatorOptions options)
    {
        WebApplication app = Build(options);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Typically the requested port is in use.
            Console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
            return 1;
        }

        string baseUrl = ResolveBaseUrl(app);
        Console.Out.WriteLine("KooPhone emulator listening on " + baseUrl);
        Console.Out.Flush();
        if (options.PortFile is not null)
        {
            PortFileWriter.Write(options.PortFile, baseUrl);
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Creates the application without starting it.</summary>
    public static WebApplication Build(EmulatorOptions options)
    {
        // The empty builder reads no configuration (no appsettings, environment variables or
        // command-line "urls"), so nothing can make Kestrel listen anywhere but 127.0.0.1.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        // Warnings and above only, and to stderr: stdout carries just the listening line.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddRouting();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RunTimeOptions>();
        builder.Services.AddSingleton(options.UseManualClock ? new ManualClock(TimeProvider.System.GetUtcNow()) : TimeProvider.System);
        builder.Services.AddSingleton(new InstanceProfile(options.Seed, options.ProjectId, options.ProjectName, options.Regions));
        builder.Services.AddSingleton(new InstanceSeeder(options.Seed, options.Instances));
        builder.Services.AddSingleton<InstanceStore>();
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<BackupOperations>();
        builder.Services.AddSingleton<LifecycleOperations>();
        builder.Services.AddSingleton<PrepareOperations>();
        builder.Services.AddSingleton<AssignmentOperations>();
        builder.Services.AddSingleton<OrderOperations>();
        builder.Services.AddSingleton<ChurnOperations>();
        builder.Services.AddSingleton<StreamingOperations>();
        builder.Services.AddSingleton<AppOperations>();
        builder.Services.AddSingleton<CommandOperations>();
        builder.Services.AddSingleton<VideoOperations>();
        builder.Services.AddSingleton(new RequestLog(options.RequestLogLimit));
        builder.Services.AddSingleton<RequestRecorder>();
        builder.Services.AddSingleton<InFlightCounter>();
        builder.Services.AddSingleton<ActionLog>();

        builder.Services.AddSingleton<IssuedTokenStore>();
        builder.Services.AddSingleton<IamAccount>();
        builder.Services.AddSingleton(new StaticTokenSet(options.Tokens));
        builder.Services.AddSingleton<TokenVerifier>();
        builder.Services.AddSingleton<SignatureVerifier>();
        builder.Services.AddSingleton<ICredentialVerifier, GatewayCredentialVerifier>();

        builder.Services.AddSingleton(new ConcurrencyLimiter(options.MaxConcurrency));
        builder.Services.AddSingleton(new FaultInjector(options.Faults, options.LatencyMs, options.Seed));
        builder.Services.AddSingleton<FaultResponder>();
        builder.Services.AddSingleton<AfterPhaseRunner>();
        builder.Services.AddSingleton<MissingJobsRunner>();
        builder.Services.AddSingleton<BlobFaultSet>();
        builder.Services.AddSingleton<BlobProxyLog>();
        if (options.BlobProxy is not null)
        {
            builder.Services.AddSingleton(options.BlobProxy);
            builder.Services.AddSingleton<BlobProxyForwarder>();
        }

        WebApplication app = builder.Build();

        // Seed now rather than on the first request, so the listening line means "ready".
        app.Services.GetRequiredService<InstanceStore>();

        // The blob proxy is a branch of its own: none of the KooPhone API's logging, faults or checks.
        if (options.BlobProxy is not null)
        {
            BlobProxyForwarder forwarder = app.Services.GetRequiredService<BlobProxyForwarder>();
            app.MapWhen(context => options.BlobProxy.Forwards(context.Request.Path), proxy => proxy.Run(forwarder.HandleAsync));
        }

        app.UseRouting();
        // Order matters: log everything, resolve the request ID that every answer echoes, then
        // (for /v1 only) faults, so any request can be faulted, then the gateway's own checks.
        // IAM's project listing is logged and echoes the request ID too, but is never faulted.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(KooPhoneApi.Prefix)
                || context.Request.Path.StartsWithSegments(IamProjectEndpoints.ProjectsPath),
            logged =>
            {
                logged.UseMiddleware<RequestLogMiddleware>();
                logged.UseMiddleware<RequestIdMiddleware>();
            });
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(KooPhoneApi.Prefix),
            v1 =>
            {
                v1.UseMiddleware<FaultInjectionMiddleware>();
                v1.UseMiddleware<ApiGatewayMiddleware>();
            });
        // IAM's answers all carry its trace id, faulted ones included; only rules that name an
        // IAM path fault it.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(IamTokenEndpoints.TokensPath)
                || context.Request.Path.StartsWithSegments(IamProjectEndpoints.ProjectsPath),
            iam =>
            {
                iam.Use((context, next) =>
                {
                    IamTraceId.Stamp(context);
                    return next(context);
                });
                iam.UseMiddleware<IamFaultMiddleware>();
            });

        KooPhoneApi.Map(app);
        IamTokenEndpoints.Map(app);
        IamTokenValidationEndpoints.Map(app);
        IamProjectEndpoints.Map(app);
        AdminEndpoints.Map(app);
        return app;
    }

    private static string ResolveBaseUrl(WebApplication app)
    {
        IServerAddressesFeature? addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        string address = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var uri = new Uri(address);
        return "http://127.0.0.1:" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
