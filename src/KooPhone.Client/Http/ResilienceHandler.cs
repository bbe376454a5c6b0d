using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Connection;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Outermost handler: one logical call, several attempts. A Polly pipeline caps the whole call
    /// (TotalTimeout), retries what RetryClassifier allows with exponential back-off and jitter
    /// (or as long as Retry-After asks, within MaxRetryDelay), and bounds each attempt
    /// (AttemptTimeout). Every wait observes the caller's cancellation, so Ctrl+C ends it at once.
    /// The same HttpRequestMessage goes down the chain each time: same x-request-id, and the
    /// authentication handler below signs it afresh.
    /// </summary>
    internal sealed class ResilienceHandler : DelegatingHandler
    {
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

        public ResilienceHandler(KooPhoneConnectionOptions options)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.TotalTimeout);
            // Polly refuses a retry strategy with no retries, so -MaxRetryCount 0 leaves it out.
            if (options.MaxRetryCount > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetryCount,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.MaxRetryDelay,
                    ShouldHandle = args => new ValueTask<bool>(RetryClassifier.ShouldRetry(
                        RequestOf(args.Context),
                        args.Outcome.Result,
                        args.Outcome.Exception,
                        args.Context.CancellationToken.IsCancellationRequested && CallerToken(args.Context).IsCancellationRequested)),
                    DelayGenerator = args =>
                    {
                        var wait = RetryAfter.From(args.Outcome.Result, DateTimeOffset.UtcNow);
                        return new ValueTask<TimeSpan?>(wait.HasValue && wait.Value > options.MaxRetryDelay ? options.MaxRetryDelay : wait);
                    },
                    OnRetry = args =>
                    {
                        var request = RequestOf(args.Context);
                        RequestProperties.GetObserver(request)?.OnAttemptCompleted(RequestTrace.ForRetry(request, args.AttemptNumber + 2, options.MaxRetryCount + 1, args.RetryDelay, RetryClassifier.Describe(args.Outcome.Result, args.Outcome.Exception)));
                        // The refused answer is dropped here; only the last one reaches the caller.
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }

            _pipeline = builder
                .AddTimeout(options.AttemptTimeout)
                .Build();
        }

        private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new ResiliencePropertyKey<HttpRequestMessage>("KooPhone.Request");
        private static readonly ResiliencePropertyKey<CancellationToken> CallerTokenKey = new ResiliencePropertyKey<CancellationToken>("KooPhone.CallerToken");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(CallerTokenKey, cancellationToken);
            var attempts = 0;
            try
            {
                return await _pipeline.ExecuteAsync(
                    async (ctx, state) =>
                    {
                        RequestProperties.SetAttempts(state.request, ++attempts);
                        return await state.handler.BaseSend(state.request, ctx.CancellationToken).ConfigureAwait(false);
                    },
                    context,
                    (request, handler: this)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Task<HttpResponseMessage> BaseSend(HttpRequestMessage request, CancellationToken cancellationToken) =>
            base.SendAsync(request, cancellationToken);

        private static HttpRequestMessage RequestOf(ResilienceContext context) => context.Properties.GetValue(RequestKey, null!);

        private static CancellationToken CallerToken(ResilienceContext context) => context.Properties.GetValue(CallerTokenKey, CancellationToken.None);
    }
}
